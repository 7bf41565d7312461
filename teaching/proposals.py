"""Module proposals on the site: staff who teach propose (drafts saved and resumed), the
faculty's portfolio holders review. Checked on the object: a proposer sees their own, a
reviewer the submitted proposals of the faculties they curate; anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from academy.errors import DomainError
from demand import queries, services
from demand.forms import CommentForm, ProposalForm, ReviewForm
from demand.models import ModuleProposal, ProposalEvent

REVIEWS = {
    "changes": services.request_changes,
    "decline": services.decline_proposal,
}


@login_required
def proposals(request):
    may_propose = queries.may_propose(request.user)
    to_review = list(queries.proposals_to_review(request.user))
    if not may_propose and not to_review and not queries.reviews_any(request.user):
        raise PermissionDenied(_("Only university staff who teach propose modules."))
    return render(request, "teaching/proposals.html", {
        "mine": queries.proposals_of(request.user), "to_review": to_review,
        "may_propose": may_propose,
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request):
    queries.require_may_propose(request.user)
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request, proposal_id):
    proposal = _readable(request, proposal_id)
    if proposal.proposer_id != request.user.pk:
        raise Http404
    if not proposal.is_editable:
        messages.info(
            request, _("This proposal is with the portfolio holders; it cannot be changed now.")
        )
        return redirect("teaching:proposal", proposal.pk)
    return _edit(request, proposal)


def _edit(request, proposal: ModuleProposal | None):
    form = ProposalForm(request.POST or None, instance=proposal, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        proposal = services.save_proposal(proposal=proposal, by=request.user, **fields)
        if "submit" not in request.POST:
            messages.success(request, _("Draft saved. You can come back to it at any time."))
            return redirect("teaching:proposal_edit", proposal.pk)
        try:
            services.submit_proposal(proposal=proposal, by=request.user,
                                     message=request.POST.get("message", "")[:5000])  # fmt: skip
        except DomainError as refusal:
            for field, problem in (refusal.problems or {}).items():
                form.add_error(field if field in form.fields else None, problem)
            form.add_error(None, refusal.message + " " + _("Your draft is saved."))
        else:
            messages.success(
                request, _("Sent to the faculty's portfolio holders. They are emailed now.")
            )
            return redirect("teaching:proposal", proposal.pk)
    asked = None
    if proposal is not None and proposal.status == ModuleProposal.Status.CHANGES_REQUESTED:
        asked = proposal.events.filter(kind=ProposalEvent.Kind.CHANGES_REQUESTED).last()
    return render(request, "teaching/proposal_form.html",
                  {"form": form, "proposal": proposal, "changes_asked": asked})  # fmt: skip


def _readable(request, proposal_id) -> ModuleProposal:
    try:
        proposal = queries.proposal_page(proposal_id)
    except ModuleProposal.DoesNotExist:
        raise Http404 from None
    if not queries.may_read_proposal(request.user, proposal):
        raise Http404
    return proposal


@login_required
def proposal(request, proposal_id):
    proposal = _readable(request, proposal_id)
    reviewer = queries.reviews(request.user, proposal)
    return render(request, "teaching/proposal.html", {
        "proposal": proposal, "events": proposal.events.all(), "reviewer": reviewer,
        "is_proposer": proposal.proposer_id == request.user.pk,
        "review_form": ReviewForm() if reviewer and proposal.is_under_review else None,
        "comment_form": CommentForm(),
    })  # fmt: skip


@login_required
@require_POST
def proposal_review(request, proposal_id):
    proposal = _readable(request, proposal_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what you decide."))
        return redirect("teaching:proposal", proposal.pk)
    decision, body = form.cleaned_data["decision"], form.cleaned_data["body"]
    try:
        if decision == "approve":
            module = services.approve_proposal(proposal=proposal, by=request.user, body=body)
            url = reverse("admin:catalogue_module_change", args=[module.pk])
            messages.success(request, format_html(
                _("Approved. The draft module <a href=\"{}\">{}</a> is in the catalogue, with a "
                  "planned first run; publish it there once its details are complete."),
                url, module.title,
            ))  # fmt: skip
        elif decision == "comment":
            services.comment_on_proposal(proposal=proposal, by=request.user, body=body)
            messages.success(request, _("Comment sent."))
        else:
            REVIEWS[decision](proposal=proposal, by=request.user, body=body)
            messages.success(request, _("Sent to the proposer."))
    except DomainError as refusal:
        messages.error(request, refusal.message)
    return redirect("teaching:proposal", proposal.pk)


@login_required
@require_POST
def proposal_comment(request, proposal_id):
    proposal = _readable(request, proposal_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_on_proposal(proposal=proposal, by=request.user,
                                         body=form.cleaned_data["body"])  # fmt: skip
            messages.success(request, _("Comment sent."))
        except DomainError as refusal:
            messages.error(request, refusal.message)
    else:
        messages.error(request, _("Write a comment first."))
    return redirect("teaching:proposal", proposal.pk)
