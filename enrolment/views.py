"""My learning and the employer portal."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy import services as people
from academy.forms import InviteForm, OrganisationForm, StaffImportForm, looks_like_token
from academy.models import Membership, StaffImport
from academy.pdf import pdf_response
from academy.spreadsheets import write_csv
from catalogue.calendars import calendar_of, session_event
from catalogue.models import Module, ModuleRun, Session
from enrolment import extensions, queries, services
from enrolment.forms import AttendanceForm, CohortForm, EnrolForm, ProfileForm, SwapForm
from enrolment.models import CalendarFeed, Enrolment, WaitingListEntry

PREVIEW_LIMIT = 200
SESSIONS_PER_PAGE = 40


# --- My learning --------------------------------------------------------------------------


@login_required
def my_learning(request):
    today, now = timezone.localdate(), timezone.now()
    enrolments = list(queries.enrolments_of(request.user))
    return render(
        request,
        "enrolment/my_learning.html",
        {
            "memberships": queries.memberships_of(request.user),
            "invitations": people.invitations_waiting_for(request.user),
            "current": [e for e in enrolments if e.run.end_date >= today],
            "past": [e for e in enrolments if e.run.end_date < today],
            "upcoming_sessions": queries.upcoming_sessions(enrolments, now=now),
            "places": queries.waiting_list_places_of(request.user),
            "today": today,
            "feed": services.calendar_feed_for(request.user),
            "invoices": queries.invoices_of_learner(request.user),
            "sections": [
                {"template": section.template, "data": section.read(request.user)}
                for section in extensions.my_learning_sections
            ],
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
    return redirect("enrolment:my_learning")


@login_required
def enrol(request, slug, code):
    run = get_object_or_404(
        ModuleRun.objects.select_related("module"),
        module__slug=slug, module__status=Module.Status.PUBLISHED, code=code,
    )  # fmt: skip
    queries.fill_seats_taken([run])  # the page says whether this is the waiting list
    form = EnrolForm(
        request.POST or None,
        memberships=queries.memberships_of(request.user),
        asks_for_motivation=run.module.asks_for_motivation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.enrol(
                run=run, learner=request.user, motivation=form.cleaned_data["motivation"],
                **form.payment(),
            )  # fmt: skip
        except services.EnrolmentError as error:
            form.add_error(None, str(error))
        else:
            if isinstance(outcome, WaitingListEntry):
                messages.info(request, _(
                    "This run is full. You are number %(position)d on the waiting list; "
                    "we will email you when a seat is offered to you."
                ) % {"position": services.waiting_list_position(outcome)})  # fmt: skip
            else:
                messages.success(request, _("You are enrolled for %(module)s.") % {
                    "module": run.module.title})  # fmt: skip
            return redirect("enrolment:my_learning")
    return render(request, "enrolment/enrol.html", {"run": run, "form": form})


@login_required
@require_POST
def cancel_enrolment(request, enrolment_id):
    enrolment = get_object_or_404(Enrolment, pk=enrolment_id, learner=request.user)
    try:
        services.cancel_enrolment(enrolment=enrolment, by=request.user)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect("enrolment:my_learning")


@login_required
@require_POST
def answer_offer(request, entry_id, answer):
    entry = get_object_or_404(WaitingListEntry, pk=entry_id, learner=request.user)
    if answer not in ("accept", "decline"):
        raise Http404
    try:
        if answer == "accept":
            services.accept_offer(entry=entry, learner=request.user)
            messages.success(request, _("You are enrolled for %(module)s.") % {
                "module": entry.run.module.title})  # fmt: skip
        else:
            services.decline_offer(entry=entry, learner=request.user)
            messages.success(request, _("You declined the seat."))
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    return redirect("enrolment:my_learning")


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
        response = redirect("enrolment:profile")
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
    return render(request, "enrolment/profile.html", {"form": form})


# --- Employer portal ----------------------------------------------------------------------


def _administered(request, organisation_id):
    """The organisation, if the user is one of its admins; 404 otherwise."""
    return get_object_or_404(
        queries.organisations_administered_by(request.user), pk=organisation_id
    )


def employer_index(request):
    organisations = list(queries.organisations_administered_by(request.user))
    if len(organisations) == 1:
        return redirect("enrolment:employer_staff", organisations[0].pk)
    return render(request, "enrolment/employer_index.html", {"organisations": organisations})


@login_required
def employer_register(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = people.register_organisation(user=request.user, **form.cleaned_data)
        messages.success(
            request, _("%(organisation)s is registered and you are its admin.") % {
                "organisation": organisation
            }
        )  # fmt: skip
        return redirect("enrolment:employer_staff", organisation.pk)
    return render(request, "enrolment/employer_register.html", {"form": form})


@login_required
def employer_staff(request, organisation_id):
    organisation = _administered(request, organisation_id)
    memberships = list(queries.staff_overview(organisation))
    shared = queries.shared_enrolments_by_member(organisation)
    sharing = [m.user_id for m in memberships if m.shares_progress]
    extras = [(section.template, section.read(sharing))
              for section in extensions.staff_overview_sections]  # fmt: skip
    for membership in memberships:
        membership.shared_enrolments = shared.get(membership.user_id, [])
        membership.extras = [{"template": template, "data": data.get(membership.user_id, [])}
                             for template, data in extras]  # fmt: skip
    return render(
        request,
        "enrolment/employer_staff.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "awaiting_approval": queries.awaiting_approval(organisation),
            "invitations": queries.open_invitations(organisation),
            "imports": queries.recent_imports(organisation),
            "invite_form": InviteForm(),
        },
    )


@login_required
@require_POST
def employer_approval(request, organisation_id, enrolment_id, decision):
    organisation = _administered(request, organisation_id)
    enrolment = get_object_or_404(queries.awaiting_approval(organisation), pk=enrolment_id)
    if decision not in ("approve", "decline"):
        raise Http404
    try:
        services.approve_enrolment(
            enrolment=enrolment, approve=decision == "approve", by=request.user
        )
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your decision has been recorded."))
    return redirect("enrolment:employer_staff", organisation.pk)


@login_required
def employer_staff_csv(request, organisation_id):
    organisation = _administered(request, organisation_id)
    rows = [
        [m.user.email, m.user.first_name, m.user.last_name, m.user.job_title,
         m.get_role_display(), _("yes") if m.shares_progress else _("no")]
        for m in queries.staff_overview(organisation)
    ]  # fmt: skip
    header = ["email", "given name", "family name", "job title", "role", "shares progress"]
    response = HttpResponse(write_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="staff-{organisation.pk}.csv"'
    return response


@login_required
def employer_invite(request, organisation_id):
    organisation = _administered(request, organisation_id)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitations = people.invite(
                organisation=organisation,
                emails=form.cleaned_data["emails"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except people.MembershipError as error:
            form.add_error("emails", str(error))
        else:
            messages.success(
                request, _("Sent %(count)d invitation(s).") % {"count": len(invitations)}
            )
            return redirect("enrolment:employer_staff", organisation.pk)
    return render(
        request, "enrolment/employer_invite.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_POST
def employer_invitation_action(request, organisation_id, invitation_id, action):
    organisation = _administered(request, organisation_id)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    if action not in ("resend", "withdraw"):
        raise Http404
    try:
        if action == "resend":
            people.resend_invitation(invitation=invitation)
            messages.success(request, _("A new invitation was sent to %(email)s.") % {
                "email": invitation.email})  # fmt: skip
        else:
            people.withdraw_invitation(invitation=invitation)
            messages.success(request, _("The invitation to %(email)s was withdrawn.") % {
                "email": invitation.email})  # fmt: skip
    except people.MembershipError as error:
        messages.error(request, str(error))
    return redirect("enrolment:employer_staff", organisation.pk)


@login_required
@require_POST
def employer_remove_member(request, organisation_id, membership_id):
    organisation = _administered(request, organisation_id)
    membership = get_object_or_404(
        organisation.memberships.select_related("user"), pk=membership_id
    )
    try:
        people.remove_member(membership=membership, by=request.user)
    except people.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("enrolment:employer_staff", organisation.pk)


@login_required
def employer_import_new(request, organisation_id):
    organisation = _administered(request, organisation_id)
    form = StaffImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        staff_import = people.create_staff_import(
            organisation=organisation,
            uploaded_by=request.user,
            filename=upload.name,
            content=upload.read(),
        )
        return redirect("enrolment:employer_import", organisation.pk, staff_import.pk)
    return render(
        request, "enrolment/employer_import_new.html", {"organisation": organisation, "form": form}
    )


@login_required
def employer_import(request, organisation_id, import_id):
    organisation = _administered(request, organisation_id)
    staff_import = get_object_or_404(organisation.staff_imports, pk=import_id)
    if request.method == "POST":
        try:
            count = people.confirm_staff_import(staff_import=staff_import, by=request.user)
        except people.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Imported %(count)d people; their invitations are being sent.")
                % {"count": count},
            )
            return redirect("enrolment:employer_staff", organisation.pk)
    return render(
        request,
        "enrolment/employer_import.html",
        {
            "organisation": organisation,
            "staff_import": staff_import,
            "problems": staff_import.problems[:PREVIEW_LIMIT],
            "rows": staff_import.rows[:PREVIEW_LIMIT],
            "can_confirm": staff_import.status == StaffImport.Status.PREVIEWED
            and bool(staff_import.rows),
            "Role": Membership.Role,
        },
    )


@login_required
def employer_cohorts(request, organisation_id):
    organisation = _administered(request, organisation_id)
    return render(
        request,
        "enrolment/employer_cohorts.html",
        {
            "organisation": organisation,
            "cohorts": queries.cohorts_of(organisation),
            "invoices": queries.invoices_of_organisation(organisation),
        },
    )


@login_required
def employer_cohort_new(request, organisation_id):
    organisation = _administered(request, organisation_id)
    runs = queries.runs_open_for_cohorts()
    form = CohortForm(
        request.POST or None,
        request.FILES or None,
        organisation=organisation,
        runs=runs,
    )
    row_problems = []
    if request.method == "POST" and form.is_valid():
        run, members = form.cleaned_data["run"], list(form.cleaned_data["members"])
        if form.cleaned_data["staff_list"]:
            listed, row_problems = services.parse_cohort_list(
                organisation=organisation, run=run, content=form.cleaned_data["staff_list"].read()
            )
            members += listed
        if row_problems:
            form.add_error("staff_list", _("Nothing has been reserved; see the problems below."))
        else:
            try:
                cohort = services.create_cohort(
                    organisation=organisation, run=run, learners=members, by=request.user,
                    name=form.cleaned_data["name"],
                    purchase_order_reference=form.cleaned_data["purchase_order_reference"],
                )  # fmt: skip
            except services.CohortError as error:
                form.add_error(None, str(error))
                for problem in error.problems:
                    form.add_error("members", problem)
            else:
                messages.success(request, _(
                    "%(count)d seats are reserved in %(module)s; your staff are being notified "
                    "and the invoice follows by email."
                ) % {"count": len(members), "module": run.module.title})  # fmt: skip
                return redirect("enrolment:employer_cohort", organisation.pk, cohort.pk)
    return render(
        request,
        "enrolment/employer_cohort_new.html",
        {"organisation": organisation, "form": form, "problems": row_problems[:PREVIEW_LIMIT],
         "has_runs": bool(runs)},
    )  # fmt: skip


@login_required
def employer_cohort(request, organisation_id, cohort_id):
    organisation = _administered(request, organisation_id)
    cohort = get_object_or_404(
        organisation.cohorts.select_related("run__module", "order"), pk=cohort_id
    )
    members = list(queries.cohort_members(cohort))
    swap_form, swapping = None, None
    if request.method == "POST":
        swap_form = SwapForm(
            request.POST, seats=cohort.enrolments.all(), candidates=queries.swap_candidates(cohort)
        )
        swap_form.is_valid()
        swapping = swap_form.cleaned_data.get("enrolment")
        for error in swap_form.errors.get("enrolment", []):
            messages.error(request, error)
        if swap_form.is_valid():
            replacement = swap_form.cleaned_data["replacement"]
            try:
                services.swap_cohort_member(
                    enrolment=swapping, replacement=replacement, by=request.user
                )
            except services.EnrolmentError as error:
                swap_form.add_error("replacement", str(error))
            else:
                messages.success(request, _("%(new)s takes the seat of %(old)s.") % {
                    "new": replacement, "old": swapping.learner})  # fmt: skip
                return redirect("enrolment:employer_cohort", organisation.pk, cohort.pk)
    can_swap = cohort.run.can_still_swap()
    return render(
        request,
        "enrolment/employer_cohort.html",
        {
            "organisation": organisation,
            "cohort": cohort,
            "members": members,
            "can_swap": can_swap,
            "swap_form": swap_form,
            "candidates": list(queries.swap_candidates(cohort)) if can_swap else [],
            "swapping": swapping,
            "sessions_held": cohort.run.sessions.filter(starts_at__lt=timezone.now()).count(),
            "invoices": cohort.order.invoices.all() if hasattr(cohort, "order") else [],
        },
    )


def _pdf_response(invoice):
    response = pdf_response(invoice.pdf, invoice.filename)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def employer_invoice_pdf(request, organisation_id, invoice_id):
    organisation = _administered(request, organisation_id)
    return _pdf_response(
        get_object_or_404(queries.invoices_of_organisation(organisation), pk=invoice_id)
    )


@login_required
def my_invoice_pdf(request, invoice_id):
    return _pdf_response(
        get_object_or_404(queries.invoices_of_learner(request.user), pk=invoice_id)
    )


# --- Attendance ---------------------------------------------------------------------------


@login_required
def teaching(request):
    page = Paginator(queries.sessions_to_record(request.user), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    runs = {session.run_id: session.run for session in page}.values()
    return render(
        request,
        "enrolment/teaching.html",
        {
            "sessions": page,
            "page": page,
            "runs": [(run, extensions.run_links(run)) for run in runs],
        },
    )


@login_required
def session_attendance(request, session_id):
    session = get_object_or_404(Session.objects.select_related("run__module"), pk=session_id)
    if not services.teaches_or_curates(request.user, session.run):
        raise Http404
    enrolments = queries.attendance_sheet(session)
    recorded = {a.enrolment_id: a.present for a in session.attendance.all()}
    form = AttendanceForm(
        request.POST or None,
        enrolments=enrolments,
        initial={"present": [pk for pk, present in recorded.items() if present]},
    )
    if request.method == "POST" and form.is_valid():
        present = {enrolment.pk for enrolment in form.cleaned_data["present"]}
        count = services.record_attendance(session=session, present=present, by=request.user)
        messages.success(request, _("Attendance saved: %(present)d of %(total)d present.") % {
            "present": count, "total": len(enrolments)})  # fmt: skip
        return redirect("enrolment:teaching")
    return render(
        request,
        "enrolment/session_attendance.html",
        {"session": session, "form": form, "recorded": bool(recorded)},
    )
