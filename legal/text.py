"""The documents' plain text as HTML: paragraphs, headings, bullets and links, all escaped.

The office types the text in the admin; nothing it types is ever interpreted as HTML
(there is no Markdown library among the site's dependencies, and this is all it needs).
"""

import re

from django.utils.html import format_html, format_html_join, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

# A path on this site, such as /me/data/, not part of a longer address.
SITE_PATH = re.compile(r"(?<![\w/.:@-])(/(?:[a-z0-9-]+/)+)")


def _inline(line: str) -> SafeString:
    pieces = SITE_PATH.split(line)
    html = [
        format_html('<a href="{}">{}</a>', piece, piece) if odd else urlize(piece, autoescape=True)
        for odd, piece in ((i % 2 == 1, piece) for i, piece in enumerate(pieces))
    ]
    return mark_safe("".join(html))  # noqa: S308 - every piece escaped above


def _block(lines: list[str]) -> SafeString:
    first = lines[0]
    for marker, tag, size in (("### ", "h3", "h5 mt-3"), ("## ", "h2", "h4 mt-4")):
        if first.startswith(marker) and len(lines) == 1:
            title = first.removeprefix(marker).strip()
            return format_html(
                '<{} class="{}" id="{}">{}</{}>', tag, size, slugify(title), _inline(title), tag
            )
    if all(line.startswith("- ") for line in lines):
        items = format_html_join("", "<li>{}</li>", ((_inline(line[2:]),) for line in lines))
        return format_html("<ul>{}</ul>", items)
    return format_html("<p>{}</p>", mark_safe("<br>".join(_inline(line) for line in lines)))  # noqa: S308


def render_body(text: str) -> SafeString:
    """Blocks are separated by blank lines; a heading may also stand right above its text."""
    blocks: list[list[str]] = [[]]
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            blocks.append([])
        elif line.startswith(("## ", "### ")):
            blocks += [[line], []]
        elif blocks[-1] and (blocks[-1][-1].startswith("- ") != line.startswith("- ")):
            blocks += [[line]]  # a list right after a paragraph, or text after a list
        else:
            blocks[-1].append(line)
    return mark_safe("\n".join(_block(b) for b in blocks if b))  # noqa: S308
