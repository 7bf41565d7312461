"""The first step of an institutional login (SURFconext, eduID): allauth's OpenID Connect
login view, except that a provider that cannot be reached is shown as allauth's
"could not log you in" page. allauth reads the provider's discovery document before it
redirects and lets a network error through as a server error; on the callback it already
catches them itself."""

import requests
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.openid_connect import views as openid_connect


def login(request, provider_id):
    try:
        return openid_connect.login(request, provider_id)
    except requests.RequestException as error:
        provider = get_adapter().get_provider(request, provider_id)
        return render_authentication_error(request, provider, exception=error)
