"""What participants said: per run, per module (all its runs) and per faculty, for the
runs' lecturers and the faculty's portfolio holders. Figures and comments appear only once
enough people answered (evaluations.queries.MIN_ANSWERS); never a name next to an answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from academy.errors import DomainError
from catalogue.models import Module, ModuleRun
from catalogue.queries import curates_faculty, faculties_curated_by, teaches_or_curates
from evaluations import queries, services
from evaluations.forms import HideCommentForm
from evaluations.models import Answer

RUNS_PER_PAGE = 25
QUESTIONS = [
    ("overall", gettext_lazy("Overall")),
    ("relevance", gettext_lazy("Relevance to their work")),
    ("lecturers", gettext_lazy("Lecturers")),
    ("blend", gettext_lazy("Online and on-campus mix")),
    ("workload", gettext_lazy("Workload (3 = as stated)")),
]


@login_required
def overview(request):
    runs = queries.runs_evaluated_for(request.user)
    page = Paginator(runs, RUNS_PER_PAGE).get_page(request.GET.get("page"))
    scores = queries.run_scores([run.pk for run in page])
    module_ids = {run.module_id for run in page}
    faculties = list(faculties_curated_by(request.user).in_local_order())
    faculty_scores = queries.faculty_scores([f.pk for f in faculties])
    return render(request, "teaching/evaluations.html", {
        "page": page,
        "rows": [(run, scores[run.pk]) for run in page],
        "module_scores": queries.module_scores(module_ids),
        "faculties": [(f, faculty_scores[f.pk]) for f in faculties],
        "minimum": queries.MIN_ANSWERS,
    })  # fmt: skip


@login_required
def run(request, run_id):
    run = get_object_or_404(ModuleRun.objects.select_related("module__faculty"), pk=run_id)
    if not teaches_or_curates(request.user, run):
        raise Http404
    scores = queries.run_scores([run.pk])[run.pk]
    curator = curates_faculty(request.user, run.module.faculty_id)
    context = {"run": run, "module": run.module, "scores": scores, "curator": curator,
               "minimum": queries.MIN_ANSWERS, "questions": _with_values(scores)}  # fmt: skip
    if scores.shown:
        context["questions"] = _with_values(scores, queries.distribution(run.pk))
        context["comments"] = list(queries.comments(run.pk, with_hidden=curator))
        context["hide_form"] = HideCommentForm()
    return render(request, "teaching/run_evaluation.html", context)


@login_required
def module(request, slug):
    module = get_object_or_404(Module.objects.select_related("faculty"), slug=slug)
    runs = list(queries.runs_evaluated_for(request.user, module=module)[:50])
    if not runs:
        raise Http404
    scores = queries.run_scores([r.pk for r in runs])
    total = queries.module_scores([module.pk])[module.pk]
    trend = [(r, scores[r.pk]) for r in reversed(runs)]  # oldest first
    return render(request, "teaching/module_evaluations.html", {
        "module": module, "total": total, "rows": [(r, scores[r.pk]) for r in runs],
        "trend": _trend(trend), "minimum": queries.MIN_ANSWERS,
    })  # fmt: skip


@login_required
@require_POST
def comment_visibility(request, answer_id, action):
    answer = get_object_or_404(Answer.objects.select_related("run__module"), pk=answer_id)
    if action not in ("hide", "show") or not curates_faculty(
        request.user, answer.run.module.faculty_id
    ):
        raise Http404
    try:
        if action == "hide":
            form = HideCommentForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say why the comment is hidden."))
                return redirect("teaching:run_evaluation", answer.run_id)
            services.hide_comment(answer=answer, reason=form.cleaned_data["reason"],
                                  by=request.user)  # fmt: skip
            messages.success(request, _("The comment is hidden; it is kept, marked hidden."))
        else:
            services.show_comment(answer=answer, by=request.user)
            messages.success(request, _("The comment is shown again."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("teaching:run_evaluation", answer.run_id)


BAR_WIDTH = 60


def _with_values(scores, distribution=None):
    """Per question: its label, average and, given the distribution, per answer the count
    and a bar width (its share of BAR_WIDTH pixels, an SVG attribute: no inline style)."""
    rows = []
    for name, label in [*QUESTIONS, ("recommend", gettext_lazy("Would recommend (0 to 10)"))]:
        counts = (distribution or {}).get(name, [])
        total = sum(n for _value, n in counts) or 1
        bars = [(value, n, round(BAR_WIDTH * n / total)) for value, n in counts]
        rows.append({"name": name, "label": label, "value": getattr(scores, name), "bars": bars})
    return rows


def _trend(rows) -> dict:
    """The overall rating per run, oldest first, as an SVG of bars (1 to 5 mapped to height)."""
    width, height, gap = 40, 100, 8
    bars = []
    for index, (run, scores) in enumerate(rows):
        value = scores.overall if scores.shown else None
        bar_height = round((value or 0) / 5 * (height - 20), 1)
        bars.append({
            "x": index * (width + gap), "y": height - bar_height, "height": bar_height,
            "width": width, "value": value, "run": run, "answered": scores.answered,
            "label_x": index * (width + gap) + width / 2, "label_y": height - bar_height - 4,
        })  # fmt: skip
    return {"bars": bars, "width": max(1, len(bars)) * (width + gap), "height": height,
            "baseline": height - 2}  # fmt: skip
