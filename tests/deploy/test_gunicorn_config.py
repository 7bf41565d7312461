"""config/gunicorn.conf.py beyond what the servers started in test_processes.py show: the
request id on access lines, and a gone worker's live metrics dropped."""

import runpy
from types import SimpleNamespace

from tests.deploy.conftest import BASE_DIR

CONFIG = BASE_DIR / "config" / "gunicorn.conf.py"


def test_access_lines_carry_the_request_id():
    assert "%({x-request-id}o)s" in runpy.run_path(str(CONFIG))["access_log_format"]


def test_a_gone_workers_live_gauges_leave_the_metrics_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    gone, serving = tmp_path / "gauge_livesum_111.db", tmp_path / "gauge_livesum_222.db"
    gone.write_bytes(b"")
    serving.write_bytes(b"")

    runpy.run_path(str(CONFIG))["child_exit"](None, SimpleNamespace(pid=111))

    assert not gone.exists()
    assert serving.exists()
