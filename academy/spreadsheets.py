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


def decode(content: bytes) -> str:
    """UTF-8 with or without BOM; Excel's Windows-1252 as a fallback."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def read_rows(text: str) -> list[list[str]]:
    """Rows of a CSV separated by commas or, as Dutch Excel writes them, semicolons."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


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


def invalid_email(as_written: str) -> str | None:
    try:
        validate_email(as_written.strip().lower())
    except ValidationError:
        return _("“%(value)s” is not a valid email address.") % {"value": as_written}
    return None


def repeated(value: str, row: int, first_rows: dict[str, int]) -> str | None:
    """Why a row repeats an earlier one, if it does."""
    first = first_rows.get(value.lower(), row)
    if first == row:
        return None
    return _("%(email)s is also on row %(row)d.") % {"email": value.lower(), "row": first}


def read_table(
    content: bytes, *, column_names: dict[str, set[str]], required: tuple, header_hint: str,
    max_rows: int,
) -> Table:  # fmt: skip
    """Find the named columns in the first row and read the non-empty rows under it."""
    table = Table()
    lines = read_rows(decode(content))
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
