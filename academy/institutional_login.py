"""The first step of an institutional login (SURFconext, eduID): allauth's OpenID Connect
login view, except that a provider that cannot be reached is shown as allauth's
"could not log you in" page. allauth reads the provider's discovery document before it
redirects and lets a network error through as a server error; on the callback it already
catches them itself."""

import requests
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.openid_connect import views as openid_connect
from django.conf import settings
from django.http import Http404


def login(request, provider_id):
    configured = {
        app["provider_id"] for app in settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    }
    if provider_id not in configured:
        raise Http404("No such institutional login.")  # before allauth asks the database
    try:
        return openid_connect.login(request, provider_id)
    except requests.RequestException as error:
        provider = get_adapter().get_provider(request, provider_id)
        return render_authentication_error(request, provider, exception=error)
