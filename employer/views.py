"""The employer portal: registering an organisation, its staff and invitations, staff
imports, approvals, cohorts and invoices. Access is checked on the organisation: every page
takes it from the organisations the user administers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from academy import audit
from academy import services as people
from academy.forms import (
    InviteForm,
    NameForm,
    OrganisationForm,
    StaffImportForm,
    looks_like_token,
)
from academy.models import Invitation, Membership, StaffImport
from academy.pdf import pdf_response
from academy.spreadsheets import write_csv
from credentials import queries as credential_queries
from employer import queries as employer_queries
from employer.forms import CohortSearchForm, MakeAdminForm, OrganisationSettingsForm
from enrolment import queries, services
from enrolment.forms import CohortForm, SwapForm
from enrolment.services.billing import invoice_totals, seat_line
from enrolment.services.cohorts import quote_cohort

PREVIEW_LIMIT = 200
ACTIVITY_PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The invitee's page: join the organisation that invited them. An account without a
    name is asked for one first (the employer's staff list and invoices show it)."""
    if not looks_like_token(token):
        raise Http404(_("No such invitation."))
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    problem = people.why_invitation_is_unusable(invitation=invitation, user=request.user)
    user, name_form = request.user, None
    if user.is_authenticated and not (
        (user.first_name or invitation.given_name) and (user.last_name or invitation.family_name)
    ):  # accepting copies the invitation's names into an account without them
        name_form = NameForm(
            request.POST if request.method == "POST" else None,
            instance=user,
            initial={"first_name": user.first_name or invitation.given_name,
                     "last_name": user.last_name or invitation.family_name},
        )  # fmt: skip
    accepting = request.method == "POST" and user.is_authenticated and problem is None
    if accepting and (name_form is None or name_form.is_valid()):
        try:
            with transaction.atomic():
                if name_form is not None:
                    name_form.save()
                people.accept_invitation(invitation=invitation, user=user)
        except people.MembershipError as error:
            problem = str(error)
        else:
            messages.success(
                request, _("You are now a member of %(organisation)s.") % {
                    "organisation": invitation.organisation
                }
            )  # fmt: skip
            return redirect("learner:my_learning")
    return render(
        request,
        "employer/invitation.html",
        {"invitation": invitation, "problem": problem, "name_form": name_form},
        status=410 if problem and not request.user.is_authenticated else 200,
    )


def _administered(request, organisation_id):
    """The organisation, if the user is one of its admins; 404 otherwise."""
    return get_object_or_404(
        queries.organisations_administered_by(request.user), pk=organisation_id
    )


def _confirmed(request) -> bool:
    """Whether this is the POST of a confirmation page (a first POST or a GET only asks)."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


def _ask_to_confirm(request, organisation, *, title, consequences, button, danger=False,
                    back=None, hidden=None, here=None):  # fmt: skip
    return render(request, "employer/confirm.html", {
        "organisation": organisation, "here": here or title, "confirm_title": title,
        "confirm_consequences": consequences, "confirm_action": request.path,
        "confirm_button": button, "confirm_danger": danger, "confirm_hidden": hidden or {},
        "confirm_back": back or reverse("employer:staff", args=[organisation.pk]),
    })  # fmt: skip


def _name(user) -> str:
    return user.get_full_name() or user.email


def index(request):
    organisations = list(queries.organisations_administered_by(request.user))
    staff_of = (
        list(employer_queries.staff_memberships_of(request.user))
        if request.user.is_authenticated
        else []
    )
    if len(organisations) == 1 and not staff_of:
        return redirect("employer:staff", organisations[0].pk)
    return render(
        request, "employer/index.html", {"organisations": organisations, "staff_of": staff_of}
    )


@login_required
def register(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = people.register_organisation(user=request.user, **form.cleaned_data)
        messages.success(
            request, _("%(organisation)s is registered and you are its admin.") % {
                "organisation": organisation
            }
        )  # fmt: skip
        return redirect("employer:staff", organisation.pk)
    return render(request, "employer/register.html", {"form": form})


@login_required
def staff(request, organisation_id):
    organisation = _administered(request, organisation_id)
    memberships = list(queries.staff_overview(organisation))
    shared = queries.shared_enrolments_by_member(organisation)
    credentials = credential_queries.shared_credentials(
        [m.user_id for m in memberships if m.shares_progress]
    )
    for membership in memberships:
        membership.shared_enrolments = shared.get(membership.user_id, [])
        membership.shared_credentials = credentials.get(membership.user_id, [])
    return render(
        request,
        "employer/staff.html",
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
@require_http_methods(["GET", "POST"])
def approval(request, organisation_id, enrolment_id, decision):
    organisation = _administered(request, organisation_id)
    enrolment = get_object_or_404(queries.awaiting_approval(organisation), pk=enrolment_id)
    if decision not in ("approve", "decline"):
        raise Http404
    if not _confirmed(request):
        return _ask_to_confirm(request, organisation, **_approval_question(enrolment, decision))
    try:
        services.approve_enrolment(
            enrolment=enrolment, approve=decision == "approve", by=request.user
        )
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your decision has been recorded."))
    return redirect("employer:staff", organisation.pk)


def _approval_question(enrolment, decision) -> dict:
    run, name = enrolment.run, _name(enrolment.learner)
    facts = {"name": name, "module": run.module.title,
             "start": date_format(run.start_date, "j F Y")}  # fmt: skip
    if decision == "approve":
        _subtotal, _vat, total = invoice_totals([seat_line(run, 1)])
        organisation = enrolment.organisation
        return {
            "title": _("Approve the enrolment of %(name)s?") % facts,
            "button": _("Approve and invoice"),
            "consequences": [
                _("%(name)s gets a confirmed seat in %(module)s, starting %(start)s.") % facts,
                _("%(organisation)s is invoiced €%(total)s including VAT; the invoice is "
                  "emailed to %(email)s.") % {
                    "organisation": organisation, "total": number_format(total, 2),
                    "email": organisation.billing_email},
                _("%(name)s sees the confirmed seat in My learning.") % facts,
            ],
        }  # fmt: skip
    return {
        "title": _("Decline the enrolment of %(name)s?") % facts,
        "button": _("Decline"),
        "danger": True,
        "consequences": [
            _("The request of %(name)s for a seat in %(module)s is cancelled; nothing is "
              "invoiced.") % facts,
            _("The seat goes to the first person on the waiting list, if there is one."),
            _("%(name)s sees the cancellation in My learning but is not emailed: tell them "
              "why yourself.") % facts,
        ],
    }  # fmt: skip


@login_required
def staff_csv(request, organisation_id):
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
def invite(request, organisation_id):
    organisation = _administered(request, organisation_id)
    role = request.GET.get("role")
    form = InviteForm(
        request.POST or None, initial={"role": role} if role in Membership.Role.values else {}
    )
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
            count = len(invitations)
            messages.success(request, ngettext(
                "Sent %(count)d invitation.", "Sent %(count)d invitations.", count
            ) % {"count": count})  # fmt: skip
            return redirect("employer:staff", organisation.pk)
    return render(request, "employer/invite.html", {"organisation": organisation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_action(request, organisation_id, invitation_id, action):
    organisation = _administered(request, organisation_id)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    if action not in ("resend", "withdraw"):
        raise Http404
    if action == "withdraw" and not _confirmed(request):
        email = {"email": invitation.email}
        return _ask_to_confirm(request, organisation, danger=True,
            title=_("Withdraw the invitation to %(email)s?") % email,
            button=_("Withdraw the invitation"),
            consequences=[
                _("The link in the invitation stops working; %(email)s cannot join with it.")
                % email,
                _("%(email)s is not told. You can invite them again later.") % email,
            ])  # fmt: skip
    if request.method != "POST":
        return redirect("employer:staff", organisation.pk)
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
    return redirect("employer:staff", organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request, organisation_id, membership_id):
    organisation = _administered(request, organisation_id)
    membership = get_object_or_404(
        organisation.memberships.select_related("user"), pk=membership_id
    )
    if not _confirmed(request):
        facts = {"name": _name(membership.user), "organisation": organisation}
        consequences = [
            _("%(name)s leaves the staff list of %(organisation)s; you no longer see their "
              "progress or credentials.") % facts,
            _("Seats already reserved or approved for them stay booked and invoiced."),
            _("%(name)s is not emailed. You can invite them again later.") % facts,
        ]  # fmt: skip
        if membership.is_admin:
            consequences.insert(1, _("%(name)s can no longer manage %(organisation)s here.")
                                % facts)  # fmt: skip
        return _ask_to_confirm(request, organisation, danger=True, consequences=consequences,
            title=_("Remove %(name)s from %(organisation)s?") % facts,
            button=_("Remove %(name)s") % facts)  # fmt: skip
    try:
        people.remove_member(membership=membership, by=request.user)
    except people.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("employer:staff", organisation.pk)


@login_required
def import_new(request, organisation_id):
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
        return redirect("employer:import", organisation.pk, staff_import.pk)
    return render(request, "employer/import_new.html", {"organisation": organisation, "form": form})


@login_required
def staff_import(request, organisation_id, import_id):
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
            return redirect("employer:staff", organisation.pk)
    return render(
        request,
        "employer/import.html",
        {
            "organisation": organisation,
            "staff_import": staff_import,
            "problems": [
                {
                    **problem,
                    "column": people.COLUMN_LABELS.get(
                        problem.get("column"), problem.get("column")
                    ),
                }
                for problem in staff_import.problems[:PREVIEW_LIMIT]
            ],
            "rows": staff_import.rows[:PREVIEW_LIMIT],
            "can_confirm": staff_import.status == StaffImport.Status.PREVIEWED
            and bool(staff_import.rows),
            "Role": Membership.Role,
        },
    )


@login_required
def cohorts(request, organisation_id):
    organisation = _administered(request, organisation_id)
    return render(
        request,
        "employer/cohorts.html",
        {
            "organisation": organisation,
            "cohorts": queries.cohorts_of(organisation),
            "invoices": queries.invoices_of_organisation(organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cohort_new(request, organisation_id):
    """Choose a run and staff, check the price on a confirmation page (the form's POST), then
    reserve (its POST with confirm=yes). The search and select buttons post the form too,
    to draw the lists again with the choices kept (script does it on the page instead); a
    GET takes the same fields, from a link or the confirmation page's "Change"."""
    organisation = _administered(request, organisation_id)
    runs = queries.runs_open_for_cohorts()
    staff = list(employer_queries.staff_for_cohort(organisation))
    data = request.POST if request.method == "POST" else request.GET
    search = CohortSearchForm(data)
    if request.method == "POST" and data.get("action") not in ("search", "all", "none"):
        form = CohortForm(request.POST, request.FILES, organisation=organisation, runs=runs)
    else:
        form = CohortForm(initial=_cohort_choices(data, staff, search),
                          organisation=organisation, runs=runs)  # fmt: skip
    row_problems = []
    if form.is_bound and form.is_valid():
        run, members = form.cleaned_data["run"], list(form.cleaned_data["members"])
        if form.cleaned_data["staff_list"]:
            listed, row_problems = services.parse_cohort_list(
                organisation=organisation, run=run, content=form.cleaned_data["staff_list"].read()
            )
            members += listed
        if row_problems:
            form.add_error("staff_list", _("Nothing has been reserved; see the problems below."))
        else:
            response = _quote_or_reserve(request, organisation, form, run, members)
            if response:
                return response
    chosen_run = {str(form["run"].value() or "")}
    chosen_staff = {str(pk) for pk in form["members"].value() or []}
    return render(request, "employer/cohort_new.html", {
        "organisation": organisation, "form": form, "search": search,
        "problems": row_problems[:PREVIEW_LIMIT], "has_runs": bool(runs),
        "run_count": len(runs), "staff_count": len(staff),
        "runs": [(run, employer_queries.run_search_text(run), str(run.pk) in chosen_run)
                 for run in employer_queries.runs_matching(runs, search.words("q"),
                                                           keep=chosen_run)],
        "staff": [(user, employer_queries.staff_search_text(user), str(user.pk) in chosen_staff)
                  for user in employer_queries.staff_matching(staff, search.words("staff_q"),
                                                              keep=chosen_staff)],
    })  # fmt: skip


def _cohort_choices(params, staff, search) -> dict:
    """The choices so far, to draw the form again (searched, everyone shown ticked or none)."""
    members = params.getlist("members")
    if params.get("action") == "all":
        shown = employer_queries.staff_matching(staff, search.words("staff_q"))
        members = list(dict.fromkeys(members + [str(user.pk) for user in shown]))
    elif params.get("action") == "none":
        members = []
    choices = {"run": params.get("run"), "members": members}
    for name in ("name", "purchase_order_reference"):
        if name in params:
            choices[name] = params[name]
    return choices


def _quote_or_reserve(request, organisation, form, run, members):
    """The confirmation page, or (confirmed) the cohort; None with the errors on the form."""
    fields = {
        "name": form.cleaned_data["name"],
        "purchase_order_reference": form.cleaned_data["purchase_order_reference"],
    }
    try:
        if not _confirmed(request):
            quote = quote_cohort(organisation=organisation, run=run, learners=members,
                                 by=request.user)  # fmt: skip
            return render(request, "employer/cohort_confirm.html", {
                "organisation": organisation, "quote": quote, **fields,
                "purchase_order": fields["purchase_order_reference"]
                or organisation.purchase_order_reference,
            })  # fmt: skip
        cohort = services.create_cohort(organisation=organisation, run=run, learners=members,
                                        by=request.user, **fields)  # fmt: skip
    except services.EnrolmentError as error:
        form.add_error(None, str(error))
        for problem in getattr(error, "problems", []):
            form.add_error("members", problem)
        return None
    count = cohort.enrolments.count()
    messages.success(request, ngettext(
        "%(count)d seat is reserved in %(module)s; your staff member is being notified and "
        "the invoice follows by email.",
        "%(count)d seats are reserved in %(module)s; your staff are being notified and the "
        "invoice follows by email.", count,
    ) % {"count": count, "module": run.module.title})  # fmt: skip
    return redirect("employer:cohort", organisation.pk, cohort.pk)


@login_required
def cohort_detail(request, organisation_id, cohort_id):
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
                return redirect("employer:cohort", organisation.pk, cohort.pk)
    can_swap = cohort.run.can_still_swap()
    return render(
        request,
        "employer/cohort.html",
        {
            "organisation": organisation,
            "cohort": cohort,
            "members": members,
            "can_swap": can_swap,
            "swap_form": swap_form,
            "candidates": list(queries.swap_candidates(cohort)) if can_swap else [],
            "swapping": swapping,
            "sessions_held": cohort.run.sessions.filter(starts_at__lt=timezone.now()).count(),
            "invoices": queries.invoices_of_cohort(cohort),
        },
    )


@login_required
def invoice_pdf(request, organisation_id, invoice_id):
    organisation = _administered(request, organisation_id)
    invoice = get_object_or_404(queries.invoices_of_organisation(organisation), pk=invoice_id)
    response = pdf_response(invoice.pdf, invoice.filename)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def activity(request, organisation_id):
    """Who approved, declined and swapped seats of the organisation's people."""
    organisation = _administered(request, organisation_id)
    page = Paginator(audit.employer_activity(organisation), ACTIVITY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "employer/activity.html", {"organisation": organisation, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request, organisation_id):
    """The organisation's name, KvK number and billing details, and who its admins are."""
    organisation = _administered(request, organisation_id)
    form = OrganisationSettingsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        people.update_organisation(organisation=organisation, by=request.user,
                                   **form.cleaned_data)  # fmt: skip
        messages.success(request, _(
            "The details of %(organisation)s are saved; invoices from now on use them."
        ) % {"organisation": form.instance.name})  # fmt: skip
        return redirect("employer:settings", organisation.pk)
    if form.errors:
        organisation.refresh_from_db()
    return render(request, "employer/settings.html", {
        "organisation": organisation, "form": form,
        "admins": employer_queries.admins_of(organisation),
        "make_admin_form": MakeAdminForm(organisation=organisation),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def change_role(request, organisation_id, role):
    """Make a member of staff an admin, or an admin a member of staff again (confirmed)."""
    organisation = _administered(request, organisation_id)
    if role not in Membership.Role.values:
        raise Http404
    settings_url = reverse("employer:settings", args=[organisation.pk])
    form = MakeAdminForm(data=request.POST or request.GET or None, organisation=organisation)
    if role == Membership.Role.STAFF:
        form.fields["membership"].queryset = employer_queries.admins_of(organisation)
    if not form.is_valid():
        for error in form.errors.get("membership", []):
            messages.error(request, error)
        return redirect(settings_url)
    membership = form.cleaned_data["membership"]
    if not _confirmed(request):
        question = _role_question(membership, role, request.user)
        return _ask_to_confirm(request, organisation, back=settings_url, here=_("Organisation"),
                               hidden={"membership": membership.pk}, **question)  # fmt: skip
    try:
        people.change_role(membership=membership, role=role, by=request.user)
    except people.MembershipError as error:
        messages.error(request, str(error))
        return redirect(settings_url)
    facts = {"name": _name(membership.user), "organisation": organisation}
    if role == Membership.Role.ADMIN:
        messages.success(request, _("%(name)s is now an admin of %(organisation)s.") % facts)
    else:
        messages.success(request, _("%(name)s is no longer an admin of %(organisation)s.") % facts)
    if membership.user == request.user:
        return redirect("employer:index")
    return redirect(settings_url)


def _role_question(membership, role, user) -> dict:
    facts = {"name": _name(membership.user), "organisation": membership.organisation}
    if role == Membership.Role.ADMIN:
        return {
            "title": _("Make %(name)s an admin of %(organisation)s?") % facts,
            "button": _("Make %(name)s an admin") % facts,
            "consequences": [
                _("%(name)s can manage %(organisation)s here as you do: staff, invitations, "
                  "approvals, cohorts, invoices and these details.") % facts,
                _("%(name)s is not emailed; let them know.") % facts,
                _("You can make them a member of staff again on this page.") % facts,
            ],
        }  # fmt: skip
    consequences = [
        _("%(name)s can no longer manage %(organisation)s; they stay on its staff list.") % facts,
        _("%(name)s is not emailed; let them know.") % facts,
    ]
    if membership.user == user:
        consequences[0] = _("You can no longer manage %(organisation)s; you stay on its staff "
                            "list. Another admin can make you an admin again.") % facts  # fmt: skip
        consequences.pop()
    return {"title": _("Make %(name)s a member of staff again?") % facts, "danger": True,
            "button": _("Make %(name)s a member of staff") % facts,
            "consequences": consequences}  # fmt: skip
