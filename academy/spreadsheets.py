"""Reading lists of people from spreadsheets and writing CSV that spreadsheets cannot abuse."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """Stop a cell from being read as a formula when a CSV is opened in a spreadsheet."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class UnreadableFile(ValueError):
    """The upload is not a CSV this module can read; the message says why and what to do."""

    def __init__(self, message: str, *, row: int = 1):
        super().__init__(message)
        self.row = row


# Encodings whose text Windows-1252 reads the same: an Excel export in one of them is fine.
WESTERN = {"cp1252", "latin_1", "iso8859_15"}


def decode(content: bytes) -> str:
    """UTF-8 with or without BOM; Excel's Windows-1252 as a fallback; anything else refused.

    Windows-1252 decodes almost any bytes, so a Shift-JIS or Cyrillic file would preview as
    mojibake; charset-normalizer tells whether the bytes read as Windows-1252 text at all.
    """
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_cp1252(content)
    if "\x00" in text:
        row = text.count("\n", 0, text.index("\x00")) + 1
        raise UnreadableFile(
            _(
                "Row %(row)d holds a NUL character, so this is not a CSV text file (perhaps "
                "UTF-16 text or an Excel workbook). In Excel, use Save as → CSV UTF-8."
            )
            % {"row": row},
            row=row,
        )
    return text


def _decode_cp1252(content: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    try:
        text = content.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and (
        best is None or WESTERN & set(best.could_be_from_charset) or _sparse_accents(text)
    ):
        return text
    if best is None:
        raise UnreadableFile(
            _("This file is not text in a known encoding. Save it as CSV UTF-8 and try again.")
        )
    raise UnreadableFile(
        _(
            "This file seems to be encoded as %(encoding)s, not UTF-8, so names would come out "
            "garbled. In Excel, use Save as → CSV UTF-8 and upload that file."
        )
        % {"encoding": best.encoding.replace("_", "-").upper()}
    )


def _sparse_accents(text: str) -> bool:
    """Whether accented letters stand alone, as in Zoë or Çelik (short files fool the detector).

    Another encoding read as Windows-1252 gives runs of them, or symbols: 山田 in Shift-JIS
    reads as "ŽR“c", Иван in Windows-1251 as "Èâàí".
    """
    high = [False, *(ord(character) > 127 for character in text), False]
    accented = sum(high)
    if not accented:
        return True
    odd = sum(1 for i in range(1, len(high) - 1)
              if high[i] and (high[i - 1] or high[i + 1] or not text[i - 1].isalpha()))  # fmt: skip
    return odd / accented < 0.5


def read_rows(text: str) -> list[list[str]]:
    """Rows of a CSV separated by commas or, as Dutch Excel writes them, semicolons."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error:  # a cell over csv's field limit (no name or address is that long)
        raise UnreadableFile(
            _(
                "Row %(row)d could not be read: a cell is longer than %(max)d characters or a "
                "quote is not closed. Check the row in Excel and save the file as CSV again."
            )
            % {"row": reader.line_num, "max": csv.field_size_limit()},
            row=reader.line_num,
        ) from None


def problem(row: int, column: str, message: str) -> dict:
    return {"row": row, "column": column, "message": message}


@dataclass
class Table:
    """An uploaded list: its rows as {column: cell} with their row numbers as in Excel."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)

    def first_rows(self, column: str) -> dict[str, int]:
        """Each value of the column (ignoring case) and the row it first appears on."""
        first: dict[str, int] = {}
        for number, cells in self.rows:
            first.setdefault(cells[column].lower(), number)
        return first


MAX_EMAIL_LENGTH = 254  # EmailField's max_length, as on User and Invitation


def invalid_email(as_written: str) -> str | None:
    email = as_written.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return _("“%(value)s” is not a valid email address.") % {"value": shortened(as_written)}
    if len(email) > MAX_EMAIL_LENGTH:
        return _("An email address has at most %(max)d characters.") % {"max": MAX_EMAIL_LENGTH}
    return None


def shortened(value: str, length: int = 80) -> str:
    """A cell as quoted in a message: a 100,000-character cell need not be repeated whole."""
    return value if len(value) <= length else value[: length - 1] + "…"


def repeated(value: str, row: int, first_rows: dict[str, int]) -> str | None:
    """Why a row repeats an earlier one, if it does."""
    first = first_rows.get(value.lower(), row)
    if first == row:
        return None
    return _("%(email)s is also on row %(row)d.") % {
        "email": shortened(value.lower()),
        "row": first,
    }


def read_table(
    content: bytes, *, column_names: dict[str, set[str]], required: tuple, header_hint: str,
    max_rows: int,
) -> Table:  # fmt: skip
    """Find the named columns in the first row and read the non-empty rows under it."""
    table = Table()
    try:
        lines = read_rows(decode(content))
    except UnreadableFile as error:
        table.problems.append(problem(error.row, "", str(error)))
        return table
    if not lines or not any(cell.strip() for cell in lines[0]):
        table.problems.append(problem(1, "", _("The file is empty.")))
        return table
    header = [cell.strip().lower() for cell in lines[0]]
    columns = {}
    for name, aliases in column_names.items():
        for index, title in enumerate(header):
            if title in aliases:
                columns[name] = index
                break
    missing = [name for name in required if name not in columns]
    if missing:
        table.problems.append(problem(1, ", ".join(missing), header_hint))
        return table
    body = [(number, row) for number, row in enumerate(lines[1:], start=2)
            if any(cell.strip() for cell in row)]  # fmt: skip
    if len(body) > max_rows:
        table.problems.append(problem(1, "", _(
            "The file has %(count)d rows; at most %(max)d can be imported at once. "
            "Split it into smaller files."
        ) % {"count": len(body), "max": max_rows}))  # fmt: skip
        return table
    for number, row in body:
        cells = {name: (row[index].strip() if index < len(row) else "")
                 for name, index in columns.items()}  # fmt: skip
        table.rows.append((number, cells))
    return table


def write_csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return "\ufeff" + out.getvalue()  # a BOM, so Excel opens UTF-8 names correctly
