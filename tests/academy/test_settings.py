"""Settings switch between the laptop defaults and real services through the environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

READ_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "CONN_MAX_AGE": db.get("CONN_MAX_AGE"),
    "EAGER": settings.CELERY_TASK_ALWAYS_EAGER,
    "BROKER": settings.CELERY_BROKER_URL,
    "RESULT_BACKEND": settings.CELERY_RESULT_BACKEND,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_HOST": getattr(settings, "EMAIL_HOST", None),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "SECRET_KEY": settings.SECRET_KEY,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "TIME_ZONE": settings.TIME_ZONE,
    "LANGUAGES": [code for code, _ in settings.LANGUAGES],
    "MIDDLEWARE": settings.MIDDLEWARE,
    "STATICFILES": settings.STORAGES["staticfiles"]["BACKEND"],
    "CRISPY": settings.CRISPY_TEMPLATE_PACK,
    "ACKS_LATE": settings.CELERY_TASK_ACKS_LATE,
}))
"""


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )


def read_settings(**environment: str) -> dict:
    result = run_python("import django; django.setup()\n" + READ_SETTINGS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def production_environment(**overrides: str) -> dict:
    return {
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
        "DATABASE_URL": "postgres://academy:secret@db.internal:5432/academy",
        "CELERY_BROKER_URL": "redis://broker.internal:6379/0",
        "EMAIL_URL": "smtp://mail.internal:1025",
        "MEDIA_ROOT": "/srv/academy/media",
        **overrides,
    }


def test_without_environment_the_portal_runs_on_a_laptop():
    values = read_settings()

    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["NAME"] == str(BASE_DIR / "var" / "academy.sqlite3")
    assert values["EAGER"] is True
    assert values["BROKER"] == ""
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert len(values["SECRET_KEY"]) >= 50
    assert values["SESSION_COOKIE_SECURE"] is False


def test_development_secret_key_is_random_and_kept_between_starts():
    first, second = read_settings(), read_settings()

    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert not first["SECRET_KEY"].startswith("django-insecure")
    assert (BASE_DIR / "var" / "secret_key").read_text().strip() == first["SECRET_KEY"]


def test_environment_switches_to_real_services():
    environment = production_environment()

    values = read_settings(**environment)

    assert values["DEBUG"] is False
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "academy"
    assert values["CONN_MAX_AGE"] == 60
    assert values["EAGER"] is False
    assert values["BROKER"] == "redis://broker.internal:6379/0"
    assert values["RESULT_BACKEND"] == "redis://broker.internal:6379/0"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "mail.internal"
    assert values["ALLOWED_HOSTS"] == ["example.org"]
    assert values["MEDIA_ROOT"] == "/srv/academy/media"
    assert values["SECRET_KEY"] == environment["SECRET_KEY"]
    assert values["SESSION_COOKIE_SECURE"] is True


def test_time_zone_languages_and_frame_settings():
    values = read_settings()

    assert values["TIME_ZONE"] == "Europe/Amsterdam"
    assert values["LANGUAGES"] == ["en", "nl"]
    assert "django.middleware.locale.LocaleMiddleware" in values["MIDDLEWARE"]
    assert values["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["CRISPY"] == "bootstrap5"
    assert values["ACKS_LATE"] is True


def test_production_refuses_to_start_without_a_secret_key():
    environment = production_environment()
    del environment["SECRET_KEY"]

    result = run_python("import django; django.setup()", **environment)

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_secret_key_can_come_from_a_mounted_file(tmp_path):
    key = secrets.token_urlsafe(50)
    (tmp_path / "key").write_text(key + "\n")
    environment = production_environment(SECRET_KEY_FILE=str(tmp_path / "key"))
    del environment["SECRET_KEY"]

    assert read_settings(**environment)["SECRET_KEY"] == key


def test_check_deploy_reports_nothing_in_production():
    environment = production_environment()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": os.environ["PATH"], **environment},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_the_sites_address():
    environment = production_environment()
    environment.pop("SITE_URL")
    result = run_python("import django; django.setup()", **environment)
    assert result.returncode != 0 and "Set SITE_URL" in result.stderr


def test_make_run_points_every_link_at_the_port_it_serves():
    output = subprocess.run(["make", "-n", "run", "PORT=8123"], cwd=BASE_DIR,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    served = [line for line in output.splitlines() if "runserver" in line or "seed_demo" in line]
    assert len(served) == 2
    assert all('SITE_URL="${SITE_URL:-http://127.0.0.1:8123}"' in line for line in served)
