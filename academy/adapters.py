"""How the Academy adapts django-allauth: where people land after logging in, a `next`
page that survives the confirmation email, allauth's emails in the Academy's voice (in the
recipient's language, with links to SITE_URL rather than to whatever host a request came
in on), and login limits per account and address; and how an institutional login
(SURFconext, eduID over OpenID Connect) becomes an account."""

from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from allauth.core.internal.ratelimit import truncate_ip
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from academy import services
from academy.models import Membership, User


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

    def get_signup_redirect_url(self, request):
        """A sign-up that logs in at once (an institutional login with a verified address)
        lands where a login does; an email sign-up logs in only when it is confirmed."""
        return self.get_login_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        """A new account speaks the language its owner signed up in: the confirmation
        email that follows, and every later email, are written in it."""
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The confirmation link carries the page the person was on the way to (an
        invitation, say), so that confirming brings them back there even when they open
        the link in another browser. Only a path on this site is passed on."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request is not None else None
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts=set()):
            url += "?" + urlencode({"next": next_url})
        return url

    def send_mail(self, template_prefix, email, context):
        """Every allauth email in the recipient's language (the account's, or the page's
        for an address without one), greeting them by name, its links on SITE_URL."""
        user = context.get("user")
        if not isinstance(user, User):
            user = User.objects.filter(email__iexact=email).first()
        language = user.preferred_language if user else translation.get_language()
        context = {
            **context,
            **{key: on_site(value) for key, value in context.items() if key.endswith("_url")},
            "user": user,
            "site_url": settings.SITE_URL,
            "contact_email": settings.ACADEMY_CONTACT_EMAIL,
        }
        with translation.override(language or settings.LANGUAGE_CODE):
            super().send_mail(template_prefix, email, context)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """Notifications know whom they are about, also when sent to another address
        than the account's (the old one, after a change)."""
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Count failed logins per account *and* client address.

        allauth counts them per account alone, so five wrong passwords typed by anyone
        anywhere locked the owner out for five minutes. The per-address limit
        (ACCOUNT_RATE_LIMITS["login_failed"], 10 a minute) still caps guessing from one
        place. IPv6 addresses count per network (/64), as allauth's own limits do.
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{truncate_ip(self.get_client_ip(request))}"


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """An institutional login. allauth links it to an existing account only by an address
    the provider verified (SOCIALACCOUNT_EMAIL_AUTHENTICATION); a new person gets an
    account at once when the provider gave their given and family name, else the sign-up
    form asks for them. A SURFconext login with a staff affiliation joins the Lecturers."""

    def is_auto_signup_allowed(self, request, sociallogin):
        user = sociallogin.user
        has_name = bool(user.first_name.strip() and user.last_name.strip())
        return has_name and super().is_auto_signup_allowed(request, sociallogin)

    def pre_social_login(self, request, sociallogin):
        """Every login of an account that exists (found by the login or by its verified
        address): its affiliation is read afresh."""
        super().pre_social_login(request, sociallogin)
        if sociallogin.is_existing:
            self._recognise_university_staff(sociallogin)

    def save_user(self, request, sociallogin, form=None):
        """A new account: in the language it signed up in (as AccountAdapter.save_user
        does for the sign-up form), names tidied, then its affiliation read."""
        user = sociallogin.user
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        user.first_name = " ".join(user.first_name.split())
        user.last_name = " ".join(user.last_name.split())
        user = super().save_user(request, sociallogin, form=form)
        self._recognise_university_staff(sociallogin)
        return user

    def _recognise_university_staff(self, sociallogin):
        account = sociallogin.account
        claims = {
            **account.extra_data.get("id_token", {}),
            **account.extra_data.get("userinfo", {}),
        }
        services.recognise_university_staff(
            user=sociallogin.user,
            provider=account.provider,
            affiliations=services.affiliations_in(claims),
        )


def on_site(url):
    """The same page on SITE_URL: allauth builds its links from the request's host."""
    if not isinstance(url, str) or not url:
        return url
    parts = urlsplit(url)
    return settings.SITE_URL + parts.path + (f"?{parts.query}" if parts.query else "")
