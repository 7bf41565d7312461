"""Small charts drawn on the server as SVG: no script, readable by screen readers through
the table that goes with each."""

from django.utils.formats import date_format

WIDTH, HEIGHT, GAP = 240, 60, 2


def monthly_bars(series: list[tuple]) -> dict:
    """Bars per month for (month, needs, interest): needs in the dark colour, interest stacked
    on top in the light one. Returns the bars' geometry and the rows of its table."""
    peak = max((needs + interest for _month, needs, interest in series), default=0) or 1
    slot = WIDTH / max(len(series), 1)
    bars = []
    for number, (month, needs, interest) in enumerate(series):
        x = round(number * slot + GAP / 2, 1)
        needs_height = round(needs / peak * (HEIGHT - 4), 1)
        interest_height = round(interest / peak * (HEIGHT - 4), 1)
        bars.append({
            "x": x, "width": round(slot - GAP, 1),
            "needs_y": round(HEIGHT - needs_height, 1), "needs_height": needs_height,
            "interest_y": round(HEIGHT - needs_height - interest_height, 1),
            "interest_height": interest_height,
            "label": date_format(month, "M Y"), "needs": needs, "interest": interest,
        })  # fmt: skip
    total = sum(b["needs"] + b["interest"] for b in bars)
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "total": total}
