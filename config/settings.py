"""Settings for the Academy portal, read from the environment.

With no environment at all the portal runs on a laptop: DEBUG on, SQLite under var/,
Celery tasks executed eagerly and email printed to the console. Setting DATABASE_URL,
CELERY_BROKER_URL, EMAIL_URL and friends switches to real services; with
DJANGO_DEBUG=false and real secrets, `manage.py check --deploy` is clean.
"""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)


def _development_secret_key() -> str:
    """A random key kept in var/ so sessions survive restarts; never used in production."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# What production cannot run without; each one missing is named at once (after SITE_URL),
# as docker/entrypoint.sh names them before the container starts.
_missing_in_production = []
if env.str("SECRET_KEY", default=""):
    SECRET_KEY = env.str("SECRET_KEY")
elif env.str("SECRET_KEY_FILE", default=""):  # a mounted secret, as Docker provides them
    SECRET_KEY = Path(env.str("SECRET_KEY_FILE")).read_text().strip()
elif DEBUG:
    SECRET_KEY = _development_secret_key()
else:
    SECRET_KEY = ""
    _missing_in_production.append(
        "Set SECRET_KEY (or SECRET_KEY_FILE): it signs sessions, password resets and links."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    _missing_in_production.append(
        "Set ALLOWED_HOSTS (e.g. academy.example.org): the host names the site answers to."
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications -----------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "academy",
    "legal",
    "catalogue",
    "demand",
    "enrolment",
    "evaluations",
    "credentials",
    # The pages by audience, above every domain app (pretix's presale and control).
    "learner",
    "employer",
    "teaching",
    "insights",
    "ooapi",
    "rio",
    "monitoring",
]

MIDDLEWARE = [
    "academy.request_ids.RequestIdMiddleware",  # first: every log line of the request has it
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "academy.middleware.PrivatePagesMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "academy.context_processors.site",
            ],
            # the `local_date` filter: dates in formats the language names (academy.formats)
            "builtins": ["academy.templatetags.academy_formats"],
        },
    },
]

# --- Data -------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'academy.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reusing connections roughly triples page throughput; health checks drop dead ones.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Pages ask short questions: on a small machine a parallel plan's start-up costs more
    # than it saves (a common search word took 230 ms with parallel workers, 9 ms without).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (
        _options.get("options", "") + " -c max_parallel_workers_per_gather=0"
    ).strip()
    # DATABASE_POOL=true: each process borrows connections from a psycopg pool (checked
    # before lending, as CONN_HEALTH_CHECKS asks) instead of keeping one per thread; Django
    # requires CONN_MAX_AGE=0 with it, as the pool keeps them open. The connection options
    # above reach every pooled connection. PostgreSQL's max_connections must exceed the
    # processes times DATABASE_POOL_MAX_SIZE (README, "Production").
    if env.bool("DATABASE_POOL", default=False):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        _options["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
            "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
            # a request waiting longer for a free connection fails (and a task retries)
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
            "max_idle": 5 * 60.0,
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://academy")}
# Set apart from the URL: django-environ drops a `?key_prefix=` for Django's Redis backend.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="")
# Several web processes share the cache, the rate limits' counts (allauth and
# academy.throttle count in it) and, with a shared CACHE_URL, the sessions through it: read
# from Redis, written to the database as well, so a Redis restart logs nobody out. Not with
# a cache in each process's memory: a session ended in one would live on in the others.
if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

# --- People and accounts ----------------------------------------------------------------

AUTH_USER_MODEL = "academy.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address in the browser that signed up logs the person in and takes them
# on to the page they signed up for (`next`: an invitation, say); elsewhere they log in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# allauth's subjects name the Academy themselves, as the site's other emails do; its
# emails' links start with SITE_URL (academy/adapters.py), not the request's host.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Tell the owner when their password or email address changes (they may not have).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "academy.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "academy.forms.LoginForm", "signup": "academy.forms.SignupForm"}
# Failed logins: at most 10 a minute from one IP address, and 5 in 5 minutes for one
# account from one IP address (the adapter puts the address into the key), so a stranger
# elsewhere cannot lock an account's owner out. Counted in CACHES: production points
# CACHE_URL at Redis to share the counts across workers.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
# The client's IP address for those limits. Behind proxies that append to X-Forwarded-For,
# TRUSTED_PROXY_COUNT says how many of them are ours (the address is read that many entries
# from the right); behind one that sets a header of its own, name it instead (X-Real-IP).
# Never trust either without a proxy in front: clients could then pick their own address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None

# --- Institutional login (OpenID Connect) -----------------------------------------------

# SURFconext for university staff, eduID for learners: allauth's OpenID Connect provider,
# one app per provider that has a client id, a secret and a server URL (the issuer, or its
# /.well-known/openid-configuration). A provider that is not configured is not offered.
OIDC_PROVIDERS = [
    ("surfconext", "SURFconext", "openid email profile"),
    ("eduid", "eduID", "openid email profile"),
]


def _oidc_app(provider_id: str, name: str, default_scopes: str) -> dict | None:
    prefix = f"OIDC_{provider_id.upper()}"
    client_id = env.str(f"{prefix}_CLIENT_ID", default="")
    secret = env.str(f"{prefix}_SECRET", default="")
    server_url = env.str(f"{prefix}_SERVER_URL", default="")
    if not (client_id and secret and server_url):
        return None
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": {
            "server_url": server_url,
            "scope": env.str(f"{prefix}_SCOPES", default=default_scopes).split(),
            "oauth_pkce_enabled": True,
            # Addresses at these domains count as verified even when the provider does not
            # say so (`email_verified`): the institution's own, which its login vouches for.
            "verified_email": env.list(f"{prefix}_VERIFIED_EMAIL_DOMAINS", default=[]) or False,
        },
    }


SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": [app for app in (_oidc_app(*provider) for provider in OIDC_PROVIDERS) if app]
    }
}
SOCIALACCOUNT_ADAPTER = "academy.adapters.SocialAccountAdapter"
SOCIALACCOUNT_FORMS = {"signup": "academy.forms.SocialSignupForm"}
# A provider's address logs into the account that has it only when the provider says it
# verified the address (`email_verified`); the login is then linked to that account.
# Anything else goes through sign-up, where a taken address is refused.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
# The providers whose `eduperson_affiliation` counts: an affiliation in
# OIDC_STAFF_AFFILIATIONS adds the person to OIDC_STAFF_GROUP (never staff or superuser).
OIDC_STAFF_PROVIDERS = ["surfconext"]
OIDC_STAFF_AFFILIATIONS = env.list("OIDC_STAFF_AFFILIATIONS", default=["employee", "staff"])
OIDC_STAFF_GROUP = env.str("OIDC_STAFF_GROUP", default="Lecturers")

# --- Internationalisation ---------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates day-month-year in English too (Django's "en" writes US dates), Dutch months in lower
# case, and the site's named formats: config/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Email ------------------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# A mail server that stops answering fails the send (and the task retries) instead of
# holding a worker until its time limit.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
ACADEMY_CONTACT_EMAIL = env.str("ACADEMY_CONTACT_EMAIL", default="academy@example.org")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Academy <academy@example.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Where the site is reached: every link built outside a request (emails, the certificates'
# QR codes, credentials, og:url) starts with it. `make run` sets it from PORT.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if not SITE_URL:
    _missing_in_production.append(
        "Set SITE_URL (e.g. https://academy.example.org): emails, certificates and "
        "credentials link to it."
    )
if _missing_in_production:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is false, so the portal refuses to start without these:\n  "
        + "\n  ".join(_missing_in_production)
    )
ADMINS = [("Academy office", a) for a in env.list("DJANGO_ADMINS", default=[])]

# --- Invoicing --------------------------------------------------------------------------

# Who invoices: printed on every invoice and credit note.
ACADEMY_INVOICE_ISSUER = {
    "name": env.str("INVOICE_ISSUER_NAME", default="University Academy for Lifelong Development"),
    "address": env.str("INVOICE_ISSUER_ADDRESS", default="Universiteitsplein 1"),
    "postal_code_city": env.str("INVOICE_ISSUER_CITY", default="1234 AB Universiteitsstad"),
    "country": env.str("INVOICE_ISSUER_COUNTRY", default="Nederland"),
    "chamber_of_commerce_number": env.str("INVOICE_ISSUER_KVK", default="12345678"),
    "vat_number": env.str("INVOICE_ISSUER_VAT", default="NL001234567B01"),
    "iban": env.str("INVOICE_ISSUER_IBAN", default="NL91ABNA0417164300"),
    "email": env.str("INVOICE_ISSUER_EMAIL", default="finance@example.org"),
}
INVOICE_PAYMENT_DAYS = env.int("INVOICE_PAYMENT_DAYS", default=30)

# --- Open Education API (OOAPI v5, /ooapi/v5/) --------------------------------------------

# The university is the root organization; its id never changes once RIO or eduXchange saw it.
OOAPI_ORGANIZATION_ID = env.str(
    "OOAPI_ORGANIZATION_ID", default="0f8b4f5e-6c1d-4c3a-9e57-2a1b3c4d5e6f"
).lower()
OOAPI_ORGANIZATION_NAME = env.str("OOAPI_ORGANIZATION_NAME", default=ACADEMY_INVOICE_ISSUER["name"])
# The university's schacHome (its SURFconext domain), as registered with SURF's gateway.
OOAPI_SCHAC_HOME = env.str("OOAPI_SCHAC_HOME", default="university.example.org")
# RIO codes registered by hand beforehand: onderwijsaanbieder (999A999), onderwijslocatie (999X999).
OOAPI_EDUCATION_OFFERER_CODE = env.str("OOAPI_EDUCATION_OFFERER_CODE", default="")
OOAPI_EDUCATION_LOCATION_CODE = env.str("OOAPI_EDUCATION_LOCATION_CODE", default="")
# Who may call: public (no credentials needed) or only clients with an API key or a token.
OOAPI_PUBLIC = env.bool("OOAPI_PUBLIC", default=True)
OOAPI_API_KEY_HEADER = env.str("OOAPI_API_KEY_HEADER", default="X-API-Key")
OOAPI_API_KEYS = env.dict("OOAPI_API_KEYS", default={})  # client name -> key
# OAuth2 client credentials: a bearer token checked by RFC 7662 introspection (e.g. SURFconext).
OOAPI_OAUTH2_INTROSPECTION_URL = env.str("OOAPI_OAUTH2_INTROSPECTION_URL", default="")
OOAPI_OAUTH2_CLIENT_ID = env.str("OOAPI_OAUTH2_CLIENT_ID", default="")
OOAPI_OAUTH2_CLIENT_SECRET = env.str("OOAPI_OAUTH2_CLIENT_SECRET", default="")
# Requests per client (API key, token's client id, else address), allauth's notation.
OOAPI_RATE_LIMIT = env.str("OOAPI_RATE_LIMIT", default="600/m")
OOAPI_RATE_LIMIT_ANONYMOUS = env.str("OOAPI_RATE_LIMIT_ANONYMOUS", default="120/m")

# --- RIO (DUO's register of education offerings, through SURF's RIO mapper) --------------

# Off unless the mapper's address and our SURFconext client credentials are all set. The
# mapper reads our OOAPI endpoint through SURF's gateway; we only tell it what changed.
RIO_MAPPER_URL = env.str("RIO_MAPPER_URL", default="")
RIO_MAPPER_TOKEN_URL = env.str("RIO_MAPPER_TOKEN_URL", default="")  # SURFconext's token endpoint
RIO_MAPPER_CLIENT_ID = env.str("RIO_MAPPER_CLIENT_ID", default="")
RIO_MAPPER_CLIENT_SECRET = env.str("RIO_MAPPER_CLIENT_SECRET", default="")
# Give the mapper an X-Callback URL (SITE_URL + /rio/callback/...) besides polling its status.
RIO_MAPPER_CALLBACK = env.bool("RIO_MAPPER_CALLBACK", default=False)
RIO_MAPPER_TIMEOUT = env.float("RIO_MAPPER_TIMEOUT", default=10.0)  # seconds per request
# A burst of saves of a module ends in one push, this many seconds after the last.
RIO_PUSH_DELAY_SECONDS = env.int("RIO_PUSH_DELAY_SECONDS", default=30)
# A job's status is checked after this many seconds, doubling to 5 minutes, at most this often;
# beat's check-rio-jobs keeps asking after that.
RIO_POLL_SECONDS = env.int("RIO_POLL_SECONDS", default=10)
RIO_MAX_POLLS = env.int("RIO_MAX_POLLS", default=30)

# --- Celery -----------------------------------------------------------------------------

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Without a broker, tasks run in-process so `make run` needs nothing but Python.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only once it has finished, so a worker that dies mid-task hands
# it to another worker; tasks are therefore written to be idempotent.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Workers scale by queue: mail (every send_* and notify_* task, the sweeps included) apart
# from signing credentials, so a burst of certificates never delays a password reset.
# Everything else (invoices, sweeps that queue, the search index) stays on the default
# queue. A worker started without -Q consumes all three; `-Q emails` only the mail.
CELERY_EMAIL_QUEUE = env.str("CELERY_EMAIL_QUEUE", default="emails")
CELERY_CERTIFICATE_QUEUE = env.str("CELERY_CERTIFICATE_QUEUE", default="certificates")
# Each queue on an exchange and routing key of its own name (as Celery makes a missing
# queue): a bare Queue(name) would be bound to the default queue's key, and each message
# sent to one queue would land in all three.
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name), routing_key=name)
    for name in dict.fromkeys(
        [CELERY_TASK_DEFAULT_QUEUE, CELERY_EMAIL_QUEUE, CELERY_CERTIFICATE_QUEUE]
    )
]
CELERY_TASK_ROUTES = {
    "credentials.tasks.issue_credential": {"queue": CELERY_CERTIFICATE_QUEUE},
    "credentials.tasks.issue_recognition": {"queue": CELERY_CERTIFICATE_QUEUE},
    "*.send_*": {"queue": CELERY_EMAIL_QUEUE},
    "*.notify_*": {"queue": CELERY_EMAIL_QUEUE},
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis hands an unacknowledged task to another worker once its visibility timeout has
# passed since delivery, so this is how long a task of a worker that was killed waits. It
# must outlast the longest task (the biggest are sending a staff import's invitations in
# batches and the due reminders, a few minutes at most), else a slow task is run twice
# while still running. The hard time limit stays below it, so no task outlives it; the
# soft limit lets a task stop cleanly first. Retries wait at most AcademyTask's
# retry_backoff_max, also below it (a task waiting for its countdown is unacknowledged too).
_visibility_timeout = env.int("CELERY_VISIBILITY_TIMEOUT", default=5 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": _visibility_timeout}
CELERY_TASK_TIME_LIMIT = _visibility_timeout - 60
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
if _visibility_timeout < 4 * 60:  # the limits and AcademyTask's longest retry wait fit below
    raise ImproperlyConfigured("CELERY_VISIBILITY_TIMEOUT must be at least 240 seconds.")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The first retry of a task that met a transient failure waits up to this many seconds,
# each next one twice as long (AcademyTask in config/celery.py); tests make it short.
CELERY_TASK_RETRY_BACKOFF = env.int("CELERY_TASK_RETRY_BACKOFF", default=15)
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "academy.tasks.heartbeat", "schedule": 5 * 60.0},
    "send-due-reminders": {"task": "enrolment.tasks.send_due_reminders", "schedule": 5 * 60.0},
    "expire-waiting-list-offers": {
        "task": "enrolment.tasks.expire_waiting_list_offers",
        "schedule": 5 * 60.0,
    },
    "expire-staff-import-previews": {
        "task": "academy.tasks.expire_old_staff_import_previews",
        "schedule": 24 * 60 * 60.0,
    },
    # What each app's own tasks should have sent by now and did not (see academy/emails.py).
    "send-unsent-invitations": {"task": "academy.tasks.send_unsent", "schedule": 10 * 60.0},
    "send-unsent-enrolment-email": {"task": "enrolment.tasks.send_unsent", "schedule": 10 * 60.0},
    "issue-missing-credentials": {
        "task": "credentials.tasks.issue_missing_credentials",
        "schedule": 10 * 60.0,
    },
    "notify-interest-in-open-runs": {"task": "demand.tasks.notify_interest", "schedule": 15 * 60.0},
    "send-unsent-demand-email": {"task": "demand.tasks.send_unsent", "schedule": 10 * 60.0},
    "send-unsent-credential-email": {
        "task": "credentials.tasks.send_unsent",
        "schedule": 10 * 60.0,
    },
    "invite-to-evaluations": {"task": "evaluations.tasks.invite_and_remind", "schedule": 60 * 60.0},
    "move-on-passed-start-dates": {
        "task": "catalogue.tasks.move_on_passed_start_dates",
        "schedule": 60 * 60.0,
    },
    "check-rio-jobs": {"task": "rio.tasks.check_unfinished", "schedule": 10 * 60.0},
}
# How long a run's evaluation stays open after its last session, in days.
EVALUATION_OPEN_DAYS = env.int("EVALUATION_OPEN_DAYS", default=21)

# --- Security ---------------------------------------------------------------------------

# Behind a TLS-terminating proxy in production; `DJANGO_HTTPS=false` serves plain HTTP
# (docker-compose on a laptop) without dropping the other hardening.
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]  # asked inside the network
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True  # read by Django only; no script needs it
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images come from this
# site only (Bootstrap and htmx are served from static/), with no inline script or style
# and no eval. The schema.org JSON-LD blocks carry the request's nonce. htmx's own
# indicator <style> is switched off in base.html, and site.css styles .htmx-indicator.
# Bootstrap's SVG icons (the select arrow, the menu toggler) are data: URIs in its CSS.
# Forms submit only here; nothing may frame the site. The LinkedIn "add to profile"
# button is a link, which form-action does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The login buttons post here and are redirected to the provider: browsers check
        # form-action on that redirect too.
        "form-action": [
            SELF,
            *sorted(
                {
                    "{0.scheme}://{0.netloc}".format(urlsplit(app["settings"]["server_url"]))
                    for app in SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
                }
            ),
        ],
        "frame-ancestors": [NONE],
    },
}

# --- Logs, errors and metrics (README, "Observability") ----------------------------------

# One JSON object a line in production (LOG_FORMAT=json, the default when DEBUG is off),
# readable lines on a laptop; each carries the request id (academy.request_ids), also in
# the Celery worker, whose own logging set-up is switched off so that this one applies.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be plain or json.")
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Errors go to Sentry when SENTRY_DSN is set (config/sentry.py), else by email to
# DJANGO_ADMINS (the server errors Django logs, with the request's details).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from config.sentry import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="development" if DEBUG else "production"),
        release=env.str("SENTRY_RELEASE", default=""),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "academy.request_ids.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own errors (a view's exception, a failed check of a host) reach root's
        # console too; by email only while no Sentry is there to receive them.
        "django": {"handlers": [] if SENTRY_DSN else ["mail_admins"], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
    },
}

# /metrics (monitoring.views) answers only addresses in these networks (the monitoring
# network; the client's address is read behind TRUSTED_PROXY_COUNT as for rate limits) or
# a request with `Authorization: Bearer <METRICS_TOKEN>`; anyone else gets a 404. By
# default only this machine: a proxy in front, or containers beside, are not trusted
# unless named. Behind gunicorn's several workers, set PROMETHEUS_MULTIPROC_DIR.
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=["127.0.0.1/32", "::1/128"])
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
