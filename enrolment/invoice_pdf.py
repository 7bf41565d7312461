"""The PDF of an invoice or credit note, drawn once at issue from the invoice's frozen data."""

import io
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from academy.pdf import register_fonts

UNIVERSITY_BLUE = colors.HexColor("#0b3d91")


def euros(amount) -> str:
    return "€ " + formats.number_format(Decimal(amount), decimal_pos=2, use_l10n=True,
                                         force_grouping=True)  # fmt: skip


def render_invoice_pdf(invoice) -> bytes:
    regular, bold = register_fonts()
    with translation.override(invoice.language):
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
            bottomMargin=18 * mm, title=f"{invoice.get_kind_display()} {invoice.number}",
            author=settings.ACADEMY_INVOICE_ISSUER["name"], invariant=True,
        )  # fmt: skip
        document.build(_story(invoice, regular, bold))
        return buffer.getvalue()


def _story(invoice, regular, bold):
    issuer = settings.ACADEMY_INVOICE_ISSUER
    text = ParagraphStyle("text", fontName=regular, fontSize=9.5, leading=13)
    small = ParagraphStyle("small", parent=text, fontSize=8, leading=11, textColor=colors.grey)
    heading = ParagraphStyle("heading", parent=text, fontName=bold, fontSize=18, leading=22,
                             textColor=UNIVERSITY_BLUE)  # fmt: skip
    issued = timezone.localtime(invoice.issued_at).date()
    bill_to = invoice.bill_to

    parties = Table(
        [[
            Paragraph("<br/>".join([f"<b>{escape(issuer['name'])}</b>", escape(issuer["address"]),
                                    escape(issuer["postal_code_city"]), escape(issuer["country"])]),
                      text),
            Paragraph("<br/>".join([f"<b>{escape(_('Bill to'))}</b>",
                                    *[escape(line) for line in bill_to.get("lines", []) if line]]),
                      text),
        ]],
        colWidths=[85 * mm, 85 * mm],
    )  # fmt: skip
    parties.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    details = [
        (_("Number"), invoice.number),
        (_("Date"), formats.date_format(issued, "j F Y")),
    ]
    if invoice.kind == invoice.Kind.INVOICE:
        due = issued + timedelta(days=settings.INVOICE_PAYMENT_DAYS)
        details.append((_("Pay by"), formats.date_format(due, "j F Y")))
    else:
        details.append((_("Corrects invoice"), invoice.corrects.number))
        if invoice.reason:
            details.append((_("Reason"), _(invoice.reason)))
    if invoice.purchase_order_reference:
        details.append((_("Your purchase order"), invoice.purchase_order_reference))
    if bill_to.get("chamber_of_commerce_number"):
        details.append((_("Your KvK number"), bill_to["chamber_of_commerce_number"]))
    details_table = Table(
        [
            [Paragraph(escape(label), text), Paragraph(escape(value), text)]
            for label, value in details
        ],
        colWidths=[45 * mm, 125 * mm],
    )

    header = [_("Description"), _("Quantity"), _("Unit price"), _("VAT"), _("Amount")]
    rows = [header]
    for line in invoice.lines:
        vat = _("exempt") if not line["vat_rate"] else f"{line['vat_rate']}%"
        description = escape(line["description"])
        if invoice.order.organisation_id and line.get("participants"):
            names = ", ".join(escape(name) for name in line["participants"])
            description += f"<br/><font size=8>{escape(_('Participants'))}: {names}</font>"
        rows.append([
            Paragraph(description, text), str(line["quantity"]),
            euros(line["unit_price"]), vat, euros(line["amount"]),
        ])  # fmt: skip
    rows += [
        ["", "", "", _("Subtotal"), euros(invoice.subtotal)],
        ["", "", "", _("VAT"), euros(invoice.vat_amount)],
        ["", "", "", _("Total"), euros(invoice.total)],
    ]
    lines_table = Table(rows, colWidths=[70 * mm, 22 * mm, 28 * mm, 20 * mm, 30 * mm],
                        repeatRows=1)  # fmt: skip
    lines_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 9.5),
        ("FONT", (0, 0), (-1, 0), bold, 9.5),
        ("FONT", (3, -1), (-1, -1), bold, 9.5),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, UNIVERSITY_BLUE),
        ("LINEABOVE", (3, -3), (-1, -3), 0.5, colors.grey),
        ("LINEABOVE", (3, -1), (-1, -1), 0.8, UNIVERSITY_BLUE),
    ]))  # fmt: skip

    notes = []
    if any(not line["vat_rate"] for line in invoice.lines):
        notes.append(_("Education exempt from VAT under article 11(1)(o) of the Dutch VAT Act."))
    if invoice.kind == invoice.Kind.INVOICE:
        notes.append(_(
            "Please transfer %(total)s by the due date to %(iban)s in the name of %(name)s, "
            "quoting invoice number %(number)s."
        ) % {"total": euros(invoice.total), "iban": issuer["iban"], "name": issuer["name"],
             "number": invoice.number})  # fmt: skip
    else:
        notes.append(_("This credit note is settled against the invoice it corrects."))
    footer = " · ".join([
        issuer["name"], _("KvK %(number)s") % {"number": issuer["chamber_of_commerce_number"]},
        _("VAT %(number)s") % {"number": issuer["vat_number"]}, issuer["email"],
    ])  # fmt: skip

    return [
        parties,
        Spacer(1, 12 * mm),
        Paragraph(invoice.get_kind_display(), heading),
        Spacer(1, 4 * mm),
        details_table,
        Spacer(1, 8 * mm),
        lines_table,
        Spacer(1, 8 * mm),
        *[Paragraph(escape(note), text) for note in notes],
        Spacer(1, 10 * mm),
        Paragraph(escape(footer), small),
    ]
