"""What goes into the image, who owns it, and how compose runs it (docker-compose's own
reading of the file: it validates here without a Docker engine)."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REQUIRE_SERVICES, skip_or_fail
from tests.deploy.conftest import BASE_DIR, as_list, compose_config, production_env

APP_SERVICES = ["migrate", "web", "worker", "worker-emails", "worker-certificates", "beat"]
# docker-py (docker-compose's library) applies .dockerignore as a build would.
BUILD_CONTEXT = """
import json, os
from docker.utils.build import exclude_paths
with open(".dockerignore") as f:
    patterns = [line.strip() for line in f if line.strip() and not line.startswith("#")]
print(json.dumps(sorted(exclude_paths(".", patterns))))
"""


@pytest.fixture(scope="module")
def build_context() -> list[str]:
    """The paths `docker build .` would send, read with docker-py like docker-compose."""
    result = subprocess.run(["/usr/bin/python3", "-c", BUILD_CONTEXT], cwd=BASE_DIR,
                            capture_output=True, text=True, check=False)  # fmt: skip
    if result.returncode:
        skip_or_fail(f"docker-py is not installed: {result.stderr[-200:]}",
                     required=REQUIRE_SERVICES)  # fmt: skip
    return json.loads(result.stdout)


def test_tests_benchmarks_ci_and_local_files_stay_out_of_the_image(build_context):
    kept_out = ("tests/", "benchmarks/", ".ci/", ".git/", "node_modules/", "tmp/", "var/",
                ".venv/", "media/", "backups/")  # fmt: skip
    leaks = [path for path in build_context if path.startswith(kept_out) or "__pycache__" in path]
    assert leaks == []
    assert "requirements-dev.lock" not in build_context


def test_the_image_holds_what_it_runs(build_context):
    for path in ["manage.py", "requirements.lock", "config/gunicorn.conf.py",
                 "docker/entrypoint.sh", "locale/nl/LC_MESSAGES/django.mo",
                 "templates/base.html", "credentials/contexts"]:  # fmt: skip
        assert any(entry == path or entry.startswith(path + "/") for entry in build_context), path


def test_the_code_belongs_to_root_and_only_var_and_media_to_the_runtime_user():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    instructions = [line for line in dockerfile.splitlines() if not line.startswith("#")]

    assert not any("--chown" in line for line in instructions)
    assert re.search(r"^COPY \. \.$", dockerfile, re.MULTILINE)
    assert "chmod -R go-w /app" in dockerfile
    assert "chown academy:academy /app/var /app/media" in dockerfile
    user_line = instructions.index("USER academy")
    # Nothing is built or collected after the switch to the runtime user.
    assert not any(line.startswith(("RUN", "COPY")) for line in instructions[user_line:])


def test_the_image_and_compose_serve_with_the_one_gunicorn_config():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi"]' in dockerfile
    web = compose_config()["services"]["web"]
    assert "command" not in web  # the image's command


def test_docker_compose_accepts_the_file_and_asks_for_a_secret_key():
    compose_config()  # validates
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}

    result = subprocess.run(["docker-compose", "config", "-q"], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, check=False)  # fmt: skip

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_every_image_is_pinned_to_a_version():
    for service in compose_config()["services"].values():
        if "build" in service:
            continue  # the portal's own image, built from the Dockerfile's pinned base
        repository, _, tag = service["image"].rpartition(":")
        assert repository and re.fullmatch(r"v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?", tag), service[
            "image"
        ]
    base = re.search(r"^FROM (\S+)", (BASE_DIR / "Dockerfile").read_text(), re.MULTILINE)[1]
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base), base


def test_migrations_run_once_before_everything_else_starts():
    services = compose_config()["services"]

    assert as_list(services["migrate"]["command"]) == ["python", "manage.py", "migrate",
                                                       "--noinput"]  # fmt: skip
    assert services["migrate"]["restart"] == "no"
    for name in ["web", "worker", "worker-emails", "worker-certificates", "beat"]:
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }, name
        assert "migrate" not in " ".join(as_list(services[name].get("command", []))), name


def test_app_containers_have_a_read_only_root_with_var_and_media_volumes():
    services = compose_config()["services"]
    for name in APP_SERVICES:
        service = services[name]
        assert service["read_only"] is True, name
        assert "/tmp" in service["tmpfs"], name
        targets = sorted(volume.split(":")[1] for volume in service["volumes"])
        assert targets == ["/app/media", "/app/var"], name
        assert service["environment"]["DJANGO_DEBUG"] == "false", name


def test_workers_are_split_by_queue_and_can_be_scaled():
    services = compose_config()["services"]

    def queues(name):
        command = as_list(services[name]["command"])
        return command[command.index("-Q") + 1]

    assert queues("worker-emails") == "emails"
    assert queues("worker-certificates") == "certificates"
    assert queues("worker") == "celery"
    for name in ["worker", "worker-emails", "worker-certificates"]:
        # --scale needs containers without a fixed name or published port
        assert "container_name" not in services[name] and "ports" not in services[name], name
    assert as_list(services["beat"]["command"])[:4] == ["celery", "-A", "config", "beat"]


def test_what_goes_into_the_image_is_enough_to_pass_check_deploy(build_context, tmp_path):
    """The build context alone, copied as `COPY . .` would, boots Django in production."""
    image = tmp_path / "app"
    for entry in build_context:
        source, target = BASE_DIR / entry, image / entry
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=image, env=production_env(STATIC_ROOT=str(tmp_path / "static"), DJANGO_HTTPS="true"),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
