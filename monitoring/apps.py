from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """/metrics and the task counts behind it; no models, so nothing in the admin."""

    name = "monitoring"

    def ready(self):
        from monitoring import task_counts

        task_counts.connect_celery_signals()
