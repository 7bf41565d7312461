"""The employer portal: registering an organisation, its staff and invitations, staff
imports, approvals, cohorts and invoices. Access is checked on the organisation: every page
takes it from the organisations the user administers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

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
from enrolment import queries, services
from enrolment.forms import CohortForm, SwapForm

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


def index(request):
    organisations = list(queries.organisations_administered_by(request.user))
    if len(organisations) == 1:
        return redirect("employer:staff", organisations[0].pk)
    return render(request, "employer/index.html", {"organisations": organisations})


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
@require_POST
def approval(request, organisation_id, enrolment_id, decision):
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
    return redirect("employer:staff", organisation.pk)


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
            count = len(invitations)
            messages.success(request, ngettext(
                "Sent %(count)d invitation.", "Sent %(count)d invitations.", count
            ) % {"count": count})  # fmt: skip
            return redirect("employer:staff", organisation.pk)
    return render(request, "employer/invite.html", {"organisation": organisation, "form": form})


@login_required
@require_POST
def invitation_action(request, organisation_id, invitation_id, action):
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
    return redirect("employer:staff", organisation.pk)


@login_required
@require_POST
def remove_member(request, organisation_id, membership_id):
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
def cohort_new(request, organisation_id):
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
                return redirect("employer:cohort", organisation.pk, cohort.pk)
    return render(
        request,
        "employer/cohort_new.html",
        {"organisation": organisation, "form": form, "problems": row_problems[:PREVIEW_LIMIT],
         "has_runs": bool(runs)},
    )  # fmt: skip


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
