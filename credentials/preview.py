"""The picture a credential's link shows when it is shared (LinkedIn, Mastodon, chat apps):
a PNG, as those sites show no SVG. The badge of static/img/microcredential.svg, drawn again,
beside the credential's title, its holder, issuer and date, and "Revoked" once it is.

Drawn with Pillow (which reportlab already brings) in DejaVu, so every name's letters show,
in the language the credential was issued in; cached per credential and state.
"""

from io import BytesIO

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from academy.pdf import FONT_DIR

WIDTH, HEIGHT = 1200, 630  # what Open Graph readers ask for (1.91:1)
SCALE = 2  # drawn twice as large, then shrunk: smooth edges
NAVY, NAVY_DARK, BADGE_BLUE = "#14325c", "#0c2140", "#0b3d91"
GOLD, SAND, INK, GREY, RED = "#f2b705", "#f6f3ec", "#1d2433", "#4a5568", "#9b1c1c"
CACHE_SECONDS = 24 * 60 * 60


def state(credential) -> str:
    if credential.revoked_at is not None:
        return "revoked"
    return "valid" if credential.is_valid else "expired"


def preview_png(credential) -> bytes:
    """The credential's preview, from the cache when it was drawn in this state before."""
    key = f"credentials:preview:{credential.pk}:{state(credential)}"
    png = cache.get(key)
    if png is None:
        png = draw_preview(credential)
        cache.set(key, png, CACHE_SECONDS)
    return png


def _font(size: int, *, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size * SCALE)


def _lines(draw, text: str, font, width: int, most: int) -> list[str]:
    """`text` wrapped to `width`, at most `most` lines (the last one shortened with …)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += " …"
    for i, line in enumerate(lines):  # a single word longer than the line
        while draw.textlength(line, font=font) > width and len(line) > 2:
            line = line[:-2] + "…"
        lines[i] = line
    return lines


def _badge(draw, cx: int, cy: int, size: int) -> None:
    """microcredential.svg (a 200-unit square) at (cx, cy), `size` pixels wide."""

    def at(x, y):
        return (cx + (x - 100) * size / 200, cy + (y - 100) * size / 200)

    def circle(r, **style):
        (x0, y0), (x1, y1) = at(100 - r, 100 - r), at(100 + r, 100 + r)
        draw.ellipse((x0, y0, x1, y1), **style)

    circle(92, fill=BADGE_BLUE)
    circle(78, outline=GOLD, width=round(6 * size / 200))
    draw.polygon([at(100, 52), at(150, 76), at(100, 100), at(50, 76)], fill=GOLD)
    cap = [at(68, 86), at(68, 112), at(80, 127), at(100, 132), at(120, 127), at(132, 112)]
    draw.polygon([*cap, at(132, 86), at(100, 101)], fill="#fff")
    letters = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), round(16 * size / 200))
    draw.text(at(100, 160), "ACADEMY", font=letters, fill="#fff", anchor="ms")


def draw_preview(credential) -> bytes:
    document = credential.document
    achievement = document["credentialSubject"]["achievement"]
    teaching = achievement.get("achievementType") == "Award"
    with translation.override(credential.language or None):
        kind = _("Teaching recognition") if teaching else _("Microcredential")
        awarded = _("awarded to %(name)s") % {"name": credential.recipient_name}
        issued = date_format(timezone.localtime(credential.issued_at).date(), "DATE_FORMAT")
        issuer = document["issuer"]["name"]
        revoked = _("Revoked") if credential.revoked_at is not None else None
        expired = _("Expired") if state(credential) == "expired" else None

    s = SCALE
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), "#fff")
    draw = ImageDraw.Draw(image)
    panel = 420 * s
    draw.rectangle((0, 0, panel, HEIGHT * s), fill=NAVY)
    draw.rectangle((panel, HEIGHT * s - 14 * s, WIDTH * s, HEIGHT * s), fill=GOLD)
    _badge(draw, panel // 2, HEIGHT * s // 2, 300 * s)

    left, width = panel + 60 * s, (WIDTH - 420 - 120) * s
    y = 70 * s
    draw.text((left, y), kind.upper(), font=_font(24, bold=True), fill="#7a5a00")
    y += 58 * s
    title_font = _font(50, bold=True)
    for line in _lines(draw, credential.title, title_font, width, 3):
        draw.text((left, y), line, font=title_font, fill=NAVY_DARK)
        y += 62 * s
    y += 18 * s
    name_font = _font(32)
    for line in _lines(draw, awarded, name_font, width, 2):
        draw.text((left, y), line, font=name_font, fill=INK)
        y += 42 * s
    small = _font(24)
    for line in [*_lines(draw, issuer, small, width, 2), issued]:  # the date on a line of its own
        draw.text((left, y + 12 * s), line, font=small, fill=GREY)
        y += 32 * s
    if revoked or expired:
        label_font = _font(30, bold=True)
        label = (revoked or expired).upper()
        box_width = draw.textlength(label, font=label_font) + 40 * s
        top = HEIGHT * s - 110 * s
        draw.rectangle((left, top, left + box_width, top + 56 * s), fill=RED)
        draw.text((left + 20 * s, top + 28 * s), label, font=label_font, fill="#fff", anchor="lm")

    out = BytesIO()
    image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()
