"""/metrics for Prometheus; a 404, as for a page that does not exist, to anyone else."""

import os

import prometheus_client
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import multiprocess

from monitoring.access import may_read_metrics
from monitoring.metrics import academy_registry


def _request_metrics_registry():
    """django-prometheus's metrics: this process's own, or, when gunicorn's workers write
    them to PROMETHEUS_MULTIPROC_DIR, every worker's summed up."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return prometheus_client.REGISTRY


@require_GET
@never_cache
def metrics(request):
    if not may_read_metrics(request):
        raise Http404
    body = prometheus_client.generate_latest(
        _request_metrics_registry()
    ) + prometheus_client.generate_latest(academy_registry)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)
