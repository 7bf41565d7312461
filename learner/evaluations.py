"""The participant's evaluation, at the personal link from the invitation: no login, once."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from academy.errors import DomainError
from academy.forms import looks_like_token
from evaluations import services
from evaluations.forms import AnswerForm


@require_http_methods(["GET", "POST"])
def evaluation(request, token):
    invitation = services.invitation_for(token) if looks_like_token(token) else None
    if invitation is None:
        return render(request, "learner/evaluation.html", {"state": "invalid"}, status=404)
    state = services.state_of(invitation)
    form = AnswerForm(request.POST or None)
    if state == "open" and request.method == "POST" and form.is_valid():
        try:
            services.submit_answer(token=token, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            state = "thanks"
    return render(request, "learner/evaluation.html", {
        "state": state, "form": form, "run": invitation.run, "module": invitation.run.module,
        "invitation": invitation,
    })  # fmt: skip
