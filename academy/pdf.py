"""Fonts for the PDFs we issue: DejaVu, because reportlab's built-in fonts lack many letters
(Dvořák, Łukasz, Ørsted) that learners' and organisations' names contain."""

from functools import cache
from pathlib import Path

from django.http import HttpResponse
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the fonts once per process; returns (regular, bold) font names."""
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, FONT_DIR / f"{name}.ttf"))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
    return REGULAR, BOLD


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A stored PDF, shown in the browser under a name that saves sensibly."""
    response = HttpResponse(bytes(content), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
