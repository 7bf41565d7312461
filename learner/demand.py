"""The professional's side of demand: telling the university what they need and following it
at /me/learning-needs/, a theme's page, and "tell me when a run opens" for a module or a
theme (one click signed in, an email to confirm otherwise, a link that stops it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from academy import throttle
from academy.forms import looks_like_token
from catalogue import queries as catalogue_queries
from catalogue.models import Module, Theme
from catalogue.queries import CatalogueFilters
from demand import queries, services
from demand.forms import InterestByEmailForm, LearningNeedForm
from demand.models import Interest

INTEREST_RATE = "10/h/ip"
THEME_PAGE_SIZE = 20


@require_http_methods(["GET", "POST"])
def learning_need_create(request):
    form = LearningNeedForm(
        request.POST or None,
        user=request.user,
        initial={"topic": request.GET.get("topic", "")[:200]},  # from "nothing found" links
    )
    if request.method == "POST" and form.is_valid() and form.submit(request):
        # The thank-you page says it; a flash message too would say it twice.
        request.session["learning_need_email"] = form.cleaned_data["contact_email"]
        return redirect("learner:learning_need_thanks")
    return render(request, "learner/learning_need_form.html", {"form": form})


def learning_need_thanks(request):
    return render(
        request,
        "learner/learning_need_thanks.html",
        {"email": request.session.pop("learning_need_email", "")},
    )


@login_required
def my_learning_needs(request):
    return render(request, "learner/my_learning_needs.html", {
        "needs": queries.learning_needs_of(request.user),
        "interests": queries.interests_of(request.user),
    })  # fmt: skip


# --- Themes and interest -----------------------------------------------------------------


def theme(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    result = catalogue_queries.catalogue(CatalogueFilters(theme=[slug]))
    page = Paginator(result.modules, THEME_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "learner/theme.html", {
        "theme": theme, "page": page, "interest": queries.follows(request.user, theme=theme),
        "interest_form": InterestByEmailForm(),
    })  # fmt: skip


@require_POST
def follow(request, kind, slug):
    """Ask to hear when a run opens: `kind` is "module" or "theme"."""
    if kind == "module":
        subject = {"module": get_object_or_404(Module.objects.published(), slug=slug)}
    elif kind == "theme":
        subject = {"theme": get_object_or_404(Theme, slug=slug)}
    else:
        raise Http404
    back_url = (subject.get("module") or subject["theme"]).get_absolute_url()
    if request.user.is_authenticated:
        services.register_interest(user=request.user, language=get_language(), **subject)
        messages.success(request, _("Done: we will email you when a new run opens."))
        return redirect(back_url)
    form = InterestByEmailForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["email"][0])
        return redirect(back_url + "#tell-me-when")
    if not throttle.allow(request, action="interest", rate=INTEREST_RATE):
        messages.error(request, _("You asked several times just now; try again in an hour."))
        return redirect(back_url)
    services.register_interest(email=form.cleaned_data["email"], language=get_language(), **subject)
    messages.success(request, _(
        "Almost done: we sent a link to %(email)s. Use it to confirm, and we will tell you "
        "when a new run opens."
    ) % {"email": form.cleaned_data["email"]})  # fmt: skip
    return redirect(back_url)


@require_http_methods(["GET", "POST"])
def interest_confirm(request, token):
    """The link in the opt-in email. GET shows a button (mail scanners follow links)."""
    interest = _interest(token)
    if interest is not None and request.method == "POST":
        interest = services.confirm_interest(token=token)
        return render(request, "learner/interest.html", {"interest": interest, "done": "confirmed"})
    return render(request, "learner/interest.html", {"interest": interest, "ask": "confirm"},
                  status=200 if interest else 404)  # fmt: skip


@require_http_methods(["GET", "POST"])
def interest_stop(request, token):
    """Stop being told, without logging in; GET asks, POST stops."""
    interest = _interest(token)
    if request.method == "POST":
        withdrawn = services.withdraw_interest(token=token) if interest else None
        return render(request, "learner/interest.html",
                      {"interest": withdrawn, "done": "stopped"})  # fmt: skip
    return render(request, "learner/interest.html", {"interest": interest, "ask": "stop"})


def _interest(token: str) -> Interest | None:
    if not looks_like_token(token):  # anything else is not looked up at all
        return None
    return Interest.objects.select_related("module", "theme").filter(token=token).first()


@login_required
@require_POST
def unfollow(request, interest_id):
    """The signed-in "stop telling me" button, on the person's own interest only."""
    mine = Interest.objects.filter(Q(user=request.user) | Q(email__iexact=request.user.email))
    interest = get_object_or_404(mine, pk=interest_id)
    services.withdraw_interest(token=interest.token)
    messages.success(request, _("We will no longer email you about new runs of %(subject)s.")
                     % {"subject": interest.subject})  # fmt: skip
    return redirect(request.POST.get("next") if _safe(request) else "learner:learning_needs")


def _safe(request) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    return url_has_allowed_host_and_scheme(
        request.POST.get("next"),
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    )
