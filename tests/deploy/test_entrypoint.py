"""The image refuses to start in production without a secret key, allowed hosts and the
site's address, naming what is missing; settings refuse the same without the entrypoint."""

import subprocess
import sys

import pytest

from tests.deploy.conftest import BASE_DIR, ENTRYPOINT, production_env

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL"]


def entrypoint(*command: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENTRYPOINT), *command], env=env, cwd=BASE_DIR,
                          capture_output=True, text=True, timeout=20)  # fmt: skip


def without(*names: str, **overrides: str) -> dict:
    env = production_env(**overrides)
    for name in names:
        env.pop(name)
    return env


def test_the_image_defaults_to_production():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    assert "DJANGO_DEBUG=false" in dockerfile
    assert 'ENTRYPOINT ["/app/docker/entrypoint.sh"]' in dockerfile


def test_without_any_of_them_the_entrypoint_names_all_three_and_runs_nothing(tmp_path):
    marker = tmp_path / "ran"

    result = entrypoint("touch", str(marker), **without(*REQUIRED))

    assert result.returncode == 64
    assert "Refusing to start" in result.stderr
    for name in REQUIRED:
        assert f"  {name}" in result.stderr
    assert not marker.exists()


@pytest.mark.parametrize("missing", REQUIRED)
def test_each_one_missing_is_named_alone(missing):
    result = entrypoint("true", **without(missing))

    assert result.returncode == 64
    named = [name for name in REQUIRED if f"  {name}" in result.stderr]
    assert named == [missing]


def test_debug_is_off_when_the_environment_does_not_say_otherwise():
    env = without(*REQUIRED)
    env.pop("DJANGO_DEBUG")

    assert entrypoint("true", **env).returncode == 64


def test_an_empty_mounted_secret_is_refused(tmp_path):
    (tmp_path / "secret_key").write_text("")

    result = entrypoint(
        "true", **without("SECRET_KEY", SECRET_KEY_FILE=str(tmp_path / "secret_key"))
    )

    assert result.returncode == 64
    assert "SECRET_KEY_FILE" in result.stderr and "empty" in result.stderr


def test_with_everything_set_the_command_runs_with_its_arguments():
    result = entrypoint(sys.executable, "-c", "import sys; print(sys.argv[1:])", "a b", "c",
                        **production_env())  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['a b', 'c']"


def test_a_mounted_secret_key_file_is_enough(tmp_path):
    (tmp_path / "secret_key").write_text("k" * 50)

    result = entrypoint(
        "true", **without("SECRET_KEY", SECRET_KEY_FILE=str(tmp_path / "secret_key"))
    )

    assert result.returncode == 0, result.stderr


def test_a_developer_container_starts_with_the_laptop_defaults():
    assert entrypoint("true", **without(*REQUIRED, DJANGO_DEBUG="True")).returncode == 0


def test_settings_name_every_missing_one_when_started_without_the_entrypoint():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**without(*REQUIRED), "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=BASE_DIR, capture_output=True, text=True, timeout=20,
    )  # fmt: skip

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in REQUIRED:
        assert f"Set {name}" in result.stderr


def test_the_metrics_directory_starts_empty(tmp_path):
    """Files a dead worker left would count in /metrics as if it still served."""
    metrics = tmp_path / "prometheus"
    metrics.mkdir()
    (metrics / "counter_123.db").write_bytes(b"stale")

    result = entrypoint(
        "ls", "-A", str(metrics), **production_env(PROMETHEUS_MULTIPROC_DIR=str(metrics))
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
