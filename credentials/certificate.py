"""The printable certificate: A4, in the learner's language, with the EU elements and a QR
code that opens the public verification page."""

import io

from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from academy.pdf import register_fonts
from credentials import documents

UNIVERSITY_BLUE = colors.HexColor("#0b3d91")
GOLD = colors.HexColor("#f2b705")
QR_SIZE = 32 * mm


class QRCode(Flowable):
    """A QR code drawn as vector squares (segno's matrix), so it prints sharp at any size."""

    def __init__(self, data: str, size: float):
        super().__init__()
        import segno

        # A fixed mask and error level: choosing the mask scores all eight (three quarters of
        # the code's cost, a fifth of a credential's), and any mask reads the same to a scanner.
        code = segno.make(data, error="m", boost_error=False, mask=0, micro=False)
        self.matrix = [list(row) for row in code.matrix_iter(border=2)]
        self.width = self.height = size

    def draw(self):
        # One path, straight into the page: a rectangle per run of dark cells in a row, in
        # whole cells (the canvas scaled to one unit a cell). Through canvas.rect() each one
        # cost four floats formatted in Python, more than the rest of the page together.
        size = len(self.matrix)
        path = []
        for y, row in enumerate(self.matrix):
            x = 0
            while x < size:
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < size and row[x]:
                    x += 1
                path.append(f"{start} {size - y - 1} {x - start} 1 re")
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.scale(self.width / size, self.height / size)
        self.canv.addLiteral("\n".join([*path, "f"]))
        self.canv.restoreState()


def verification_url(credential) -> str:
    return documents.absolute(credential.get_absolute_url())


def render_certificate(credential) -> bytes:
    regular, bold = register_fonts()
    with translation.override(credential.language):
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm,
            bottomMargin=18 * mm, title=f"{credential.title} · {credential.recipient_name}",
            author=credential.document["issuer"]["name"], invariant=True,
        )  # fmt: skip
        document.build(_story(credential, regular, bold), onFirstPage=_frame)
        return buffer.getvalue()


def _frame(canvas, document):
    width, height = A4
    canvas.saveState()
    canvas.setStrokeColor(UNIVERSITY_BLUE)
    canvas.setLineWidth(2)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setFillColor(GOLD)
    canvas.rect(10 * mm, height - 14 * mm, width - 20 * mm, 4 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _facts(credential) -> list[tuple[str, str]]:
    achievement = credential.document["credentialSubject"]["achievement"]
    alignment = {a["targetType"]: a for a in achievement.get("alignment", [])}
    labels = documents.element_labels(achievement)
    issued = formats.date_format(timezone.localtime(credential.issued_at).date(), "j F Y")
    facts = [
        (_("Awarded by"), f"{credential.document['issuer']['name']}, "
                          f"{credential.document['issuer']['address']['addressCountry']}"),
        (_("Date of issue"), issued),
    ]  # fmt: skip
    if "ECTS" in achievement:
        workload = _("%(ects)s ECTS") % {"ects": formats.number_format(achievement["ECTS"])}
        if "timeInvestment" in achievement:
            workload += " · " + _("%(hours)s hours") % {"hours": achievement["timeInvestment"]}
        facts.append((_("Workload"), workload))
    elif "SBU" in achievement:
        facts.append((_("Workload"), _("%(hours)s hours") % {"hours": achievement["SBU"]}))
    if "ext:EQF" in alignment:
        facts.append((_("Level"), _("EQF and NLQF level %(level)s") % {
            "level": alignment["ext:EQF"]["targetCode"]}))  # fmt: skip
    facts += [
        (_("Type of assessment"), labels["assessment"]),
        (_("Supervision"), labels["supervision"]),
        (_("Form of participation"), labels["participation"]),
        (_("Quality assurance"), alignment["ext:QualityAssurance"]["targetName"]),
    ]
    if achievement.get("prerequisites"):
        facts.append((_("Prerequisites"), achievement["prerequisites"]))
    grade = credential.document["credentialSubject"]["result"][0].get("value")
    if grade:
        facts.append((_("Grade"), grade))
    return facts


def _story(credential, regular, bold):
    text = ParagraphStyle("text", fontName=regular, fontSize=10, leading=14)
    small = ParagraphStyle("small", parent=text, fontSize=8, leading=11, textColor=colors.grey)
    title = ParagraphStyle("title", parent=text, fontName=bold, fontSize=24, leading=29,
                           textColor=UNIVERSITY_BLUE, spaceAfter=4)  # fmt: skip
    name = ParagraphStyle("name", parent=text, fontName=bold, fontSize=20, leading=25)
    label = ParagraphStyle("label", parent=text, fontSize=10, textColor=colors.grey)
    achievement = credential.document["credentialSubject"]["achievement"]
    outcomes = documents.learning_outcomes(achievement)

    facts = Table(
        [[Paragraph(escape(k), label), Paragraph(escape(v), text)] for k, v in _facts(credential)],
        colWidths=[48 * mm, 118 * mm],
    )
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    verify = Table(
        [[QRCode(verification_url(credential), QR_SIZE), Paragraph(escape(_(
            "Scan the code or visit the address below to check that this certificate is "
            "genuine and has not been revoked."
        )) + "<br/><br/>" + escape(verification_url(credential)), small)]],
        colWidths=[QR_SIZE + 6 * mm, 130 * mm],
    )  # fmt: skip
    verify.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [
        Paragraph(escape(credential.document["issuer"]["name"]), label),
        Spacer(1, 10 * mm),
        Paragraph(escape(_("Microcredential")), label),
        Paragraph(escape(credential.title), title),
        Spacer(1, 6 * mm),
        Paragraph(escape(_("awarded to")), label),
        Paragraph(escape(credential.recipient_name), name),
        Spacer(1, 8 * mm),
    ]
    if outcomes:
        story.append(Paragraph(escape(_("Learning outcomes")), label))
        story += [Paragraph("• " + escape(outcome), text) for outcome in outcomes]
        story.append(Spacer(1, 6 * mm))
    return [*story, facts, Spacer(1, 10 * mm), verify]
