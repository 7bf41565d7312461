"""Small charts drawn on the server as SVG: no script, readable by screen readers through
the table that goes with each."""

from django.utils.formats import number_format

from academy.formats import local_date_format

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
            "label": local_date_format(month, "SHORT_YEAR_MONTH_FORMAT"),
            "needs": needs, "interest": interest,
        })  # fmt: skip
    total = sum(b["needs"] + b["interest"] for b in bars)
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "total": total}


# --- The dashboard's charts ---------------------------------------------------------------
# Bigger than the demand sparklines: axes labelled in the chart, every bar labelled with its
# number (direct labels), and the second series hatched, so that nothing depends on colour.
# Geometry is plain numbers for the template (inside {% localize off %}); labels are strings
# formatted here in the reader's language.

CHART_WIDTH, CHART_HEIGHT = 640, 240
TOP, BOTTOM, LEFT = 22, 200, 8
ROW, LABEL_WIDTH, BAR_WIDTH, VALUE_WIDTH = 26, 230, 300, 150


def _number(value, decimals: int = 0) -> str:
    return number_format(round(value, decimals), decimals, force_grouping=True)


def _money(value) -> str:
    value = float(value)
    if abs(value) >= 10_000:
        return f"€ {_number(value / 1000)}k"
    return f"€ {_number(value)}"


def _vertical(months: list, first: str, second: str, *, money: bool = False, stacked: bool):
    """Bars per month for two series: stacked (first at the bottom) or side by side."""
    values = [(float(getattr(m, first)), float(getattr(m, second))) for m in months]
    peak = max((a + b if stacked else max(a, b) for a, b in values), default=0) or 1
    slot = (CHART_WIDTH - 2 * LEFT) / max(len(months), 1)
    usable = BOTTOM - TOP
    label_every = 1 if len(months) <= 12 else 2 if len(months) <= 24 else 3
    bars = []
    for number, (month, (a, b)) in enumerate(zip(months, values, strict=True)):
        x = LEFT + number * slot
        width = slot * (0.72 if stacked else 0.36)
        first_height = round(max(a, 0) / peak * usable, 1)
        second_height = round(max(b, 0) / peak * usable, 1)
        if stacked:
            bar = {"ax": round(x + slot * 0.14, 1), "bx": round(x + slot * 0.14, 1),
                   "ay": round(BOTTOM - first_height, 1),
                   "by": round(BOTTOM - first_height - second_height, 1)}  # fmt: skip
            top, value = bar["by"], a + b
        else:
            bar = {"ax": round(x + slot * 0.12, 1), "bx": round(x + slot * 0.52, 1),
                   "ay": round(BOTTOM - first_height, 1),
                   "by": round(BOTTOM - second_height, 1)}  # fmt: skip
            top, value = min(bar["ay"], bar["by"]), a
        bar.update({
            "width": round(width, 1), "a_height": first_height, "b_height": second_height,
            "center": round(x + slot / 2, 1), "value_y": round(max(top - 5, 12), 1),
            "value": (_money(value) if money else _number(value)) if value else "",
            "axis": _axis_label(month.month) if number % label_every == 0 else "",
        })  # fmt: skip
        bars.append(bar)
    return {"bars": bars, "width": CHART_WIDTH, "height": CHART_HEIGHT, "baseline": BOTTOM,
            "axis_y": BOTTOM + 20, "small_labels": len(months) > 12}  # fmt: skip


def _axis_label(month) -> str:
    """Short month names on the axis; the year where it starts and in January."""
    return local_date_format(
        month, "SHORT_YEAR_MONTH_FORMAT" if month.month in (1, 9) else "SHORT_MONTH_FORMAT"
    )


def monthly_enrolments(months: list) -> dict:
    """Enrolments per month: paid by the learner (solid) with employer-paid stacked on top
    (hatched); the total above each bar."""
    chart = _vertical(months, "individual", "employer_paid", stacked=True)
    chart["total"] = sum(m.enrolments for m in months)
    return chart


def monthly_revenue(months: list) -> dict:
    """Per month, invoiced less credited (solid) beside what of it was paid (hatched)."""
    chart = _vertical(months, "revenue", "paid", money=True, stacked=False)
    chart["total"] = _money(sum((m.revenue for m in months), 0))
    return chart


def _horizontal(rows: list[dict], *, scale: float) -> dict:
    """One labelled bar per row: `rows` of {"label", "value" (0..scale or None), "text"}; the
    values in a column right of the scale's end, so no text crosses a bar or the line."""
    bars = []
    for number, row in enumerate(rows):
        y = TOP + number * ROW
        value = row["value"]
        width = round(min(value, scale) / scale * BAR_WIDTH, 1) if value is not None else 0
        bars.append({
            **row, "y": y, "bar_y": y + 4, "height": ROW - 8, "text_y": y + ROW / 2 + 5,
            "x": LABEL_WIDTH, "width": width, "value_x": LABEL_WIDTH + BAR_WIDTH + 8,
        })  # fmt: skip
    height = TOP + len(rows) * ROW + 10
    return {"bars": bars, "width": LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH, "height": height,
            "label_x": LABEL_WIDTH - 8,
            "bar_start": LABEL_WIDTH, "bar_end": LABEL_WIDTH + BAR_WIDTH, "top": TOP - 6,
            "bottom": height - 6}  # fmt: skip


def _short(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def fill_rates(runs: list) -> dict:
    """Seats taken of capacity per run, full runs hatched; the rate and seats at each bar."""
    rows = []
    for run in runs:
        rate = run.fill_rate
        rows.append({
            "label": _short(f"{run.code} · {run.module}", 30), "value": rate,
            "full": rate is not None and rate >= 1,
            "text": (f"{_number(rate * 100)} % ({run.seats}/{run.capacity})"
                     if rate is not None else f"{run.seats}/0"),
        })  # fmt: skip
    chart = _horizontal(rows, scale=1)
    chart["hundred_x"] = LABEL_WIDTH + BAR_WIDTH
    return chart


def ratings(modules: list, too_few: str) -> dict:
    """The overall evaluation score (1 to 5) per module, with would-recommend (0 to 10) beside it;
    modules with too few answers get a line saying so, and no bar."""
    rows = []
    for module in modules:
        scores = module.scores
        if scores is not None and scores.shown:
            text = f"{_number(scores.overall, 1)} / 5 · {_number(scores.recommend, 1)} / 10"
            rows.append({"label": _short(module.name), "value": scores.overall, "text": text})
        else:
            answered = scores.answered if scores is not None else 0
            rows.append({"label": _short(module.name), "value": None,
                         "text": too_few % {"n": answered}})  # fmt: skip
    return _horizontal(rows, scale=5)
