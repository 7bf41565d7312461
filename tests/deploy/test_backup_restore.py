"""Restorable: `make backup` of a seeded demo, `make restore` into a fresh database, and
the demo's credentials still verify there, because the signing keys came back with it."""

import json
import os
import shutil
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import REQUIRE_SERVICES, database_url_of_the_test_database, skip_or_fail
from tests.deploy.conftest import BASE_DIR

CHECK_RESTORED = """
import json, django
django.setup()
from django.db import connection, transaction
from django.test import Client
from credentials import verification
from credentials.models import Credential, SigningKey

def states():
    return {str(c.pk): [verification.check_document(c.document).state,
                        verification.check_jwt(c.jwt).state]
            for c in Credential.objects.defer("pdf")}

credential = Credential.objects.filter(revoked_at=None).first()
page = Client().get(credential.get_absolute_url())
with connection.cursor() as cursor:
    cursor.execute("SELECT procost FROM pg_proc WHERE proname = 'ts_match_vq'")
    cost = cursor.fetchone()[0]
result = {"states": states(), "keys": SigningKey.objects.count(), "page": page.status_code,
          "verified_on_page": credential.get_absolute_url(), "search_cost": cost}
with transaction.atomic():  # what a restore without the keys would give
    SigningKey.objects.all().delete()
    result["without_keys"] = verification.check_document(credential.document).state
    transaction.set_rollback(True)
print(json.dumps(result))
"""


def credential_states() -> dict:
    from credentials import verification
    from credentials.models import Credential

    return {str(c.pk): [verification.check_document(c.document).state,
                        verification.check_jwt(c.jwt).state]
            for c in Credential.objects.defer("pdf")}  # fmt: skip


def make(target: str, *arguments: str, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(["make", "--no-print-directory", target, *arguments], cwd=BASE_DIR,
                            env={**os.environ, **env}, capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_of_the_demo_still_verifies_its_credentials(
    scratch_databases, tmp_path, settings
):
    source = database_url_of_the_test_database()
    if not source:
        skip_or_fail("the test database is not PostgreSQL (CI sets DATABASE_URL to one)",
                     required=REQUIRE_SERVICES)  # fmt: skip
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("make")):
        skip_or_fail("pg_dump, pg_restore or make is missing", required=REQUIRE_SERVICES)
    call_command("seed_demo", "--password", "a-long-demo-password", stdout=StringIO())
    before = credential_states()
    assert sum(states == ["valid", "valid"] for states in before.values()) >= 10
    var, media = tmp_path / "var", tmp_path / "media"
    (var / "nested").mkdir(parents=True)
    (var / "nested" / "kept.txt").write_text("var")
    (var / "staticfiles").mkdir()
    (var / "staticfiles" / "rebuilt.css").write_text("")  # collectstatic makes it again
    media.mkdir()
    (media / "upload.txt").write_text("media")
    places = {"BACKUP_DIR": str(tmp_path / "backups"), "VAR_DIR": str(var),
              "MEDIA_DIR": str(media)}  # fmt: skip

    backup = make("backup", DATABASE_URL=source, **places)
    (dump,) = (tmp_path / "backups").glob("academy-*.dump")
    (files,) = (tmp_path / "backups").glob("files-*.tar.gz")
    assert str(dump) in backup.stdout
    shutil.rmtree(var)
    shutil.rmtree(media)
    restored = scratch_databases.create("restored")
    make("restore", f"DUMP={dump}", f"FILES={files}", DATABASE_URL=restored, **places)

    assert (var / "nested" / "kept.txt").read_text() == "var"
    assert (media / "upload.txt").read_text() == "media"
    assert not (var / "staticfiles").exists()
    check = subprocess.run(
        [sys.executable, "-c", CHECK_RESTORED], cwd=BASE_DIR, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
             "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": restored,
             "SITE_URL": settings.SITE_URL, "ALLOWED_HOSTS": "testserver",
             "LOG_LEVEL": "WARNING"},
        timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    after = json.loads(check.stdout)
    assert after["states"] == before
    assert after["keys"] >= 2
    assert after["page"] == 200
    assert after["search_cost"] == 1000
    assert after["without_keys"] == "invalid"
