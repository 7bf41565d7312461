"""The professional's pages: a module's page with its runs and seats, enrolling, the
waiting list, My learning with its calendar feed, invoices and credentials, the profile,
and the person's own data (export, deleting the account)."""

import json
from contextlib import nullcontext

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format, number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from academy import personal_data
from academy import services as people
from academy.forms import DeleteAccountForm, looks_like_token
from academy.pdf import pdf_response
from catalogue.calendars import calendar_of, session_event
from catalogue.models import Module, ModuleRun
from credentials import queries as credential_queries
from demand import queries as demand_queries
from demand.forms import InterestByEmailForm
from enrolment import queries, services
from enrolment.forms import EnrolForm, ProfileForm
from enrolment.models import CalendarFeed, Enrolment, WaitingListEntry
from evaluations import queries as evaluation_queries
from learner import module_page

# --- The module page ----------------------------------------------------------------------


@require_GET
def module_detail(request, slug):
    parts = module_page.cached_parts(request, slug)
    places = queries.places_in_runs(request.user, parts["run_ids"])
    body = module_page.with_places(parts["body"], places, request)
    context = {**parts, "body": mark_safe(body)}  # noqa: S308 - rendered by us (module_page)
    if not parts["open_for_enrolment"]:  # "tell me when", per visitor: never in the cache
        context["interest"] = demand_queries.follows(request.user, module_slug=parts["slug"])
        context["interest_form"] = InterestByEmailForm()
    response = render(request, "catalogue/module_detail.html", context)
    if places:  # the learner's own places: no shared cache may keep this copy
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def enrol(request, slug, code):
    run = get_object_or_404(
        ModuleRun.objects.select_related("module"),
        module__slug=slug, module__status=Module.Status.PUBLISHED, code=code,
    )  # fmt: skip
    form = None
    if request.method == "POST":
        # Not asked first whether they are in the run already: the service refuses a second
        # seat or place under the run's lock, and the page below then says where they stand.
        form = _enrol_form(request, run)
        if form.is_valid():
            try:
                outcome = _enrol(request, run, form)
            except services.TermsChanged as error:
                form.terms_changed(str(error))
            except services.EnrolmentError as error:
                form.add_error(None, str(error))
            else:
                if isinstance(outcome, WaitingListEntry):
                    messages.info(request, _(
                        "This run is full. You are number %(position)d on the waiting list; "
                        "we will email you when a seat is offered to you."
                    ) % {"position": services.waiting_list_position(outcome)})  # fmt: skip
                else:
                    messages.success(request, _enrolled_message(outcome))
                return redirect("learner:my_learning")
    place = queries.places_in_runs(request.user, [run.pk]).get(run.pk)
    if place is not None:  # already in: say where they stand instead of a second enrolment
        return render(request, "learner/enrol.html", {
            "run": run, "place": place, "waiting": isinstance(place, WaitingListEntry),
        })  # fmt: skip
    form = form or _enrol_form(request, run)
    queries.fill_seats_taken([run])  # the page says whether this is the waiting list
    clashes = queries.session_clashes(request.user, run=run)  # said before they enrol
    return render(request, "learner/enrol.html", {"run": run, "form": form, "clashes": clashes})


def _enrol_form(request, run) -> EnrolForm:
    return EnrolForm(
        request.POST or None,
        memberships=queries.memberships_of(request.user),
        asks_for_motivation=run.module.asks_for_motivation,
        learner=request.user,
    )


def _enrol(request, run, form: EnrolForm):
    # A name given is kept only with the enrolment it is for; without one to keep, the
    # enrolment's own transaction is all there is (no savepoint inside another).
    with transaction.atomic() if form.names_asked else nullcontext():
        services.give_name(user=request.user, **form.names())
        return services.enrol(
            run=run, learner=request.user, motivation=form.cleaned_data["motivation"],
            accepted_terms=form.cleaned_data["terms_version"], terms_in_effect=form.terms,
            **form.payment(),
        )  # fmt: skip


def _enrolled_message(enrolment: Enrolment) -> str:
    if enrolment.status == Enrolment.Status.AWAITING_APPROVAL:
        return _(
            "Your seat for %(module)s is held. Waiting for your employer's approval: "
            "you are enrolled once %(employer)s approves."
        ) % {"module": enrolment.run.module.title, "employer": enrolment.organisation.name}
    return _("You are enrolled for %(module)s.") % {"module": enrolment.run.module.title}


# --- My learning --------------------------------------------------------------------------


@login_required
def my_learning(request):
    today, now = timezone.localdate(), timezone.now()
    enrolments = list(queries.enrolments_of(request.user))
    clashes = queries.session_clashes(request.user, now=now, enrolments=enrolments)
    queries.attach_clashes(enrolments, clashes)
    return render(
        request,
        "learner/my_learning.html",
        {
            "memberships": queries.memberships_of(request.user),
            "invitations": people.invitations_waiting_for(request.user),
            "current": [e for e in enrolments if e.run.end_date >= today],
            "past": [e for e in enrolments if e.run.end_date < today],
            "upcoming_sessions": queries.upcoming_sessions(enrolments, now=now),
            "clashing": {clash.session.pk for clash in clashes},
            "places": queries.waiting_list_places_of(request.user),
            "today": today,
            "feed": services.calendar_feed_for(request.user),
            "invoices": queries.invoices_of_learner(request.user),
            "credentials": credential_queries.credentials_of(request.user),
            "evaluations": evaluation_queries.open_invitations_of(request.user),
        },
    )


def calendar_feed(request, token):
    """The personal feed: no login (calendar apps cannot), the secret token is the key."""
    if not looks_like_token(token):
        raise Http404(_("No such calendar."))
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    events = []
    for session in queries.sessions_in_feed(feed):
        url = settings.SITE_URL + session.run.module.get_absolute_url()
        event = session_event(session, module_title=session.run.module.title, url=url)
        if session.mode == session.Mode.ONLINE and session.online_url:
            event["location"] = session.online_url  # personal: the meeting link belongs here
        events.append(event)
    body = calendar_of(events, name=_("My learning · Academy"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def renew_calendar_feed(request):
    services.renew_calendar_feed(request.user)
    messages.success(
        request, _("Your calendar feed has a new address; the old one no longer works.")
    )
    return redirect("learner:my_learning")


@login_required
@require_http_methods(["GET", "POST"])
def cancel_enrolment(request, enrolment_id):
    """Asks first (a GET, or a POST without confirm=yes); cancels on the Yes."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("run__module", "organisation"),
        pk=enrolment_id, learner=request.user,
    )  # fmt: skip
    if enrolment.status == Enrolment.Status.CANCELLED:
        messages.info(request, _("This enrolment was already cancelled."))
        return redirect("learner:my_learning")
    if reason := services.why_learner_cannot_cancel(enrolment):
        messages.error(request, reason)
        return redirect("learner:my_learning")
    if not _confirmed(request):
        return render(request, "confirm_page.html", {
            "confirm_title": _("Cancel your enrolment for %(module)s?") % {
                "module": enrolment.run.module.title},
            "confirm_consequences": _what_cancelling_means(enrolment, request.user),
            "confirm_action": request.path,
            "confirm_button": _("Yes, cancel my enrolment"),
            "confirm_back": reverse("learner:my_learning"),
            "confirm_back_label": _("Keep my seat"),
            "confirm_danger": True,
        })  # fmt: skip
    try:
        services.cancel_enrolment(enrolment=enrolment, by=request.user)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect("learner:my_learning")


def _what_cancelling_means(enrolment: Enrolment, user) -> list[str]:
    run = enrolment.run
    effects = queries.cancellation_effects(enrolment)
    said = [
        _("You give up your seat for %(module)s (%(start)s – %(end)s).") % {
            "module": run.module.title, "start": date_format(run.start_date, "j F Y"),
            "end": date_format(run.end_date, "j F Y")},
    ]  # fmt: skip
    if enrolment.status == Enrolment.Status.AWAITING_APPROVAL:
        said.append(_("Your request to %(employer)s is withdrawn; they no longer need to "
                      "approve it.") % {"employer": enrolment.organisation.name})  # fmt: skip
    elif effects["credit"] is not None:
        organisation = effects["billed_to"]
        amount = number_format(effects["credit"], 2, force_grouping=True)
        if organisation is not None:
            said.append(_("A credit note of € %(amount)s for invoice %(number)s is emailed to "
                          "%(employer)s (%(address)s).") % {
                "amount": amount, "number": effects["invoice"].number,
                "employer": organisation.name, "address": organisation.billing_email})  # fmt: skip
        else:
            said.append(_("A credit note of € %(amount)s for invoice %(number)s is emailed to "
                          "you (%(address)s).") % {
                "amount": amount, "number": effects["invoice"].number,
                "address": user.email})  # fmt: skip
    elif enrolment.order_id:
        said.append(_("Nothing has been invoiced yet, so nothing will be billed."))
    if effects["waiting"]:
        said.append(_("The seat is offered to the next person on the waiting list, who has "
                      "48 hours to accept it."))  # fmt: skip
    else:
        said.append(_("The seat becomes free for someone else to enrol."))
    said.append(_("To take part after all, you would have to enrol again, if a seat is left."))
    return said


@login_required
@require_http_methods(["GET", "POST"])
def answer_offer(request, entry_id, answer):
    entry = get_object_or_404(
        WaitingListEntry.objects.select_related("run__module"), pk=entry_id, learner=request.user
    )
    if answer not in ("accept", "decline"):
        raise Http404
    if answer == "decline" and not _confirmed(request):
        return render(request, "confirm_page.html", {
            "confirm_title": _("Decline the seat for %(module)s?") % {
                "module": entry.run.module.title},
            "confirm_consequences": [
                _("The seat goes to the next person on the waiting list."),
                _("You leave the waiting list for this run; to take part, you would have to "
                  "enrol again."),
            ],
            "confirm_action": request.path,
            "confirm_button": _("Yes, decline the seat"),
            "confirm_back": reverse("learner:my_learning"),
            "confirm_back_label": _("Keep the offer"),
            "confirm_danger": True,
        })  # fmt: skip
    if request.method != "POST":
        return redirect("learner:my_learning")
    try:
        if answer == "accept":
            enrolment = services.accept_offer(entry=entry, learner=request.user)
            messages.success(request, _enrolled_message(enrolment))
        else:
            services.decline_offer(entry=entry, learner=request.user)
            messages.success(request, _("You declined the seat."))
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    return redirect("learner:my_learning")


def _confirmed(request) -> bool:
    """The confirmation page's Yes: a POST carrying confirm=yes (see includes/confirm.html)."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


def _back_to(request, default: str) -> str:
    """Where to go after acting: a `next` on this site (the module page asks), else default."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def leave_waiting_list(request, entry_id):
    entry = get_object_or_404(
        WaitingListEntry.objects.select_related("run__module").with_position(),
        pk=entry_id, learner=request.user,
    )  # fmt: skip
    back = _back_to(request, reverse("learner:my_learning"))
    if entry.status not in WaitingListEntry.ACTIVE:
        messages.info(request, _("You are no longer on this waiting list."))
        return redirect(back)
    if not _confirmed(request):
        module = entry.run.module.title
        if entry.status == WaitingListEntry.Status.OFFERED:
            consequences = [
                _("The seat offered to you for %(module)s goes to the next person on the "
                  "waiting list.") % {"module": module},
            ]  # fmt: skip
        else:
            consequences = [
                _("You give up your place (number %(position)d) on the waiting list for "
                  "%(module)s.") % {"position": entry.position, "module": module},
            ]  # fmt: skip
        consequences.append(_("If you join the waiting list again, you join at the back."))
        return render(request, "confirm_page.html", {
            "confirm_title": _("Leave the waiting list for %(module)s?") % {"module": module},
            "confirm_consequences": consequences,
            "confirm_action": request.path,
            "confirm_button": _("Yes, leave the waiting list"),
            "confirm_back": back,
            "confirm_back_label": _("Stay on the list"),
            "confirm_hidden": {"next": back},
            "confirm_danger": True,
        })  # fmt: skip
    try:
        services.leave_waiting_list(entry=entry, by=request.user)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You left the waiting list for %(module)s.") % {
            "module": entry.run.module.title})  # fmt: skip
    return redirect(back)


@login_required
def invoice_pdf(request, invoice_id):
    invoice = get_object_or_404(queries.invoices_of_learner(request.user), pk=invoice_id)
    response = pdf_response(invoice.pdf, invoice.filename)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def profile(request):
    memberships = queries.memberships_of(request.user)
    form = ProfileForm(request.POST or None, instance=request.user, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            services.update_preferences(
                user=user,
                interests=form.cleaned_data["interests"],
                sharing=form.sharing_choices(),
            )
        messages.success(request, _("Your profile has been saved."))
        response = redirect("learner:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return render(request, "learner/profile.html", {"form": form})


# --- My data -------------------------------------------------------------------------------


@login_required
def my_data(request):
    form = DeleteAccountForm(user=request.user)
    return render(request, "learner/my_data.html", {"form": form})


@login_required
@require_GET
def my_data_export(request):
    data = personal_data.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-academy-data.json"'
    return response


@login_required
@require_http_methods(["POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "learner/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    personal_data.erase_personal_data(user)
    messages.success(request, _("Your account has been deleted."))
    return redirect("home")
