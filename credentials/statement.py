"""The printable side of a lecturer's teaching recognition, in the lecturer's language.

Two documents from one layout: the statement for the annual appraisal (private: with
participants, pass rates and evaluation averages) and the credential's public certificate
(the runs and contact hours only, as the signed credential states). Both name the issuing
office and carry a QR code to the credential's public verify page, which is what makes the
statement checkable: the figures are the office's, the credential proves it issued them.
"""

import io

from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from academy.pdf import register_fonts
from credentials.certificate import QR_SIZE, UNIVERSITY_BLUE, QRCode, _frame, verification_url


def _percent(value) -> str:
    return "—" if value is None else f"{formats.number_format(round(100 * value))} %"


def _score(value) -> str:
    return formats.number_format(round(value, 1), decimal_pos=1)


def render_statement(*, credential, record, private: bool = True) -> bytes:
    """A4 PDF; `record` is the TeachingRecord of the runs the credential covers."""
    regular, bold = register_fonts()
    with translation.override(credential.language):
        title = _("Teaching in lifelong development")
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
            bottomMargin=18 * mm, title=f"{title} {record.label} · {credential.recipient_name}",
            author=credential.document["issuer"]["name"], invariant=True,
        )  # fmt: skip
        story = _story(credential, record, private=private, title=title, fonts=(regular, bold))
        document.build(story, onFirstPage=_frame)
        return buffer.getvalue()


def _story(credential, record, *, private, title, fonts):
    regular, bold = fonts
    text = ParagraphStyle("text", fontName=regular, fontSize=9.5, leading=13)
    small = ParagraphStyle("small", parent=text, fontSize=8, leading=11, textColor=colors.grey)
    cell = ParagraphStyle("cell", parent=text, fontSize=8.5, leading=11)
    heading = ParagraphStyle("heading", parent=text, fontName=bold, fontSize=22, leading=27,
                             textColor=UNIVERSITY_BLUE, spaceAfter=4)  # fmt: skip
    name = ParagraphStyle("name", parent=text, fontName=bold, fontSize=17, leading=22)
    label = ParagraphStyle("label", parent=text, textColor=colors.grey)
    issuer = credential.document["issuer"]
    issued = formats.date_format(timezone.localtime(credential.issued_at).date(), "j F Y")

    def p(value, style=cell):
        return Paragraph(escape(str(value)), style)

    header = [_("Module and run"), _("Role"), _("Contact hours")]
    if private:
        header += [_("Participants"), _("Passed"), _("Evaluation")]
    head = ParagraphStyle("head", parent=cell, fontSize=8, textColor=colors.grey)
    rows = [[p(h, head) for h in header]]
    for taught in record.runs:
        row = [p(f"{taught.run.module.title} ({taught.run.code})"),
               p(taught.teaching.get_role_display()),
               p(formats.number_format(taught.teaching.contact_hours, decimal_pos=1))]  # fmt: skip
        if private:
            row += [p(taught.participants), p(_percent(taught.pass_rate)),
                    p(_evaluation(taught.scores))]  # fmt: skip
        rows.append(row)
    widths = [70 * mm, 28 * mm, 22 * mm] if not private else [
        46 * mm, 22 * mm, 18 * mm, 24 * mm, 16 * mm, 44 * mm]  # fmt: skip
    runs = Table(rows, colWidths=widths, repeatRows=1)
    runs.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
    ]))  # fmt: skip

    totals = [
        (_("Runs taught"), str(len(record.runs))),
        (_("Contact hours"), formats.number_format(record.contact_hours, decimal_pos=1)),
    ]
    if private:
        totals += [
            (_("Participants"), str(record.participants)),
            (_("Pass rate"), _percent(record.pass_rate) + " " + _(
                "(%(passed)d of %(results)d results)") % {
                "passed": record.passed, "results": record.results}),
        ]  # fmt: skip
    facts = Table([[p(k, label), p(v, text)] for k, v in [
        (_("Academic year"), _("%(year)s (1 September to 31 August)") % {"year": record.label}),
        *totals,
        (_("Issued by"), f"{issuer['name']}, {issuer['address']['addressCountry']}"),
        (_("Date of issue"), issued),
    ]], colWidths=[45 * mm, 120 * mm])  # fmt: skip
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))

    url = verification_url(credential)
    verify = Table(
        [[QRCode(url, QR_SIZE), Paragraph(escape(_(
            "This statement is issued by the academy office with an Open Badges credential "
            "signed by the university. Scan the code or visit the address below to check that "
            "the credential is genuine and has not been revoked."
        )) + "<br/><br/>" + escape(url), small)]],
        colWidths=[QR_SIZE + 6 * mm, 130 * mm],
    )  # fmt: skip
    verify.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [
        p(issuer["name"], label),
        Spacer(1, 8 * mm),
        p(_("Statement for the annual appraisal") if private else _("Teaching recognition"), label),
        p(f"{title} {record.label}", heading),
        Spacer(1, 4 * mm),
        p(_("awarded to"), label),
        p(credential.recipient_name, name),
        Spacer(1, 6 * mm),
        facts,
        Spacer(1, 6 * mm),
        runs,
    ]
    if private:
        story += [
            Spacer(1, 3 * mm),
            p(
                _(
                    "Evaluation: the participants' average overall score (1 to 5) and how likely "
                    "they are to recommend the module (0 to 10), shown only from five answers."
                ),
                small,
            ),
        ]
    return [*story, Spacer(1, 8 * mm), verify]


def _evaluation(scores) -> str:
    if not scores.answered and not scores.invited:
        return _("no evaluation")
    if not scores.shown:
        return _("too few answers") + f" ({scores.answered})"
    return _("%(overall)s of 5 · recommend %(recommend)s of 10 · %(answered)d answers") % {
        "overall": _score(scores.overall), "recommend": _score(scores.recommend),
        "answered": scores.answered}  # fmt: skip


def public_certificate(record):
    """The credential's public PDF: the statement without the private figures."""
    return lambda credential: render_statement(credential=credential, record=record,
                                               private=False)  # fmt: skip
