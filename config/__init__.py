"""The project's configuration: settings, URLs, the Celery app and the WSGI entry point.

Apart from every app, so that no app imports upward to reach them (import-linter checks it).
Importing the package loads the Celery app, so that `shared_task` tasks bind to it."""

from config.celery import app as celery_app

__all__ = ("celery_app",)
