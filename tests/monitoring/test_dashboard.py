"""The Grafana dashboard in the repository asks only for metrics that /metrics exposes."""

import json
import re
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from monitoring import task_counts

pytestmark = pytest.mark.django_db

DASHBOARD = Path(__file__).resolve().parents[2] / "docs" / "grafana" / "academy.json"
METRIC = re.compile(r"\b(?:academy|django)_[a-z_]+\b")


def test_every_metric_on_the_dashboard_is_exposed(client):
    dashboard = json.loads(DASHBOARD.read_text())
    asked = {
        name
        for panel in dashboard["panels"]
        for target in panel.get("targets", [])
        for name in METRIC.findall(target["expr"])
    }
    client.get("/healthz")  # so that the request metrics have samples
    broker = task_counts.broker_redis()
    if broker is not None:  # and the tasks' counts have one
        task_counts.count("tests.dashboard.task", "succeeded")
    try:
        exposed = {
            sample.name
            for family in text_string_to_metric_families(client.get("/metrics").content.decode())
            for sample in family.samples
        }
    finally:
        if broker is not None:
            broker.hdel(task_counts.COUNTS_KEY, "tests.dashboard.task|succeeded")

    if broker is None:  # no broker here: its metrics cannot be read
        asked = {
            name
            for name in asked
            if not name.startswith(("academy_celery", "academy_metrics_redis"))
        }
    assert asked, "the dashboard asks for no metric"
    assert asked <= exposed, asked - exposed
