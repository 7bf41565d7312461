"""How the Academy adapts django-allauth: login limits per account and address, and a
sign-up that takes as long for an address that has an account as for one that has none."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core.internal.ratelimit import truncate_ip
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from academy.models import Membership


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Where each role works, when the login was not on the way somewhere (`next`):
        staff to the teaching page, an employer's admins to their portal, everyone else
        to My learning."""
        user = request.user
        if user.is_staff:
            return reverse("teaching:index")
        if user.memberships.filter(role=Membership.Role.ADMIN).exists():
            return reverse("employer:index")
        return reverse("learner:my_learning")

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Count failed logins per account *and* client address.

        allauth counts them per account alone, so five wrong passwords typed by anyone
        anywhere locked the owner out for five minutes. The per-address limit
        (ACCOUNT_RATE_LIMITS["login_failed"], 10 a minute) still caps guessing from one
        place. IPv6 addresses count per network (/64), as allauth's own limits do.
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{truncate_ip(self.get_client_ip(request))}"


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        """Hash the password also when the address already has an account.

        To tell no one which addresses have accounts (ACCOUNT_PREVENT_ENUMERATION), allauth
        answers a sign-up with a taken address as it answers a new one and emails the
        owner instead, but it skips creating the user, and with it the deliberately slow
        password hash: the answer came ten times faster. Doing the same hash (and throwing
        it away) makes both answers take as long.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
