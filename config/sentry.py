"""Error reporting to Sentry (or a compatible service such as GlitchTip), when SENTRY_DSN is set.

Without a DSN nothing is sent anywhere and errors go to DJANGO_ADMINS by email (LOGGING in
settings). With one, unhandled exceptions of views and Celery tasks, and records logged at
ERROR, become events tagged with the request id (academy.request_ids). No personal data is
sent: no user, cookies, IP address or request body. That is sentry-sdk's default, kept by
leaving `send_default_pii` unset (False when unset; sentry-sdk 2.75 deprecates passing it in
favour of `data_collection`, which would opt into its new, broader collection rules).
"""

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration


def init_sentry(*, dsn: str, environment: str, release: str | None, traces_sample_rate: float):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=traces_sample_rate,
    )
