"""The Academy portal project: settings, URLs, Celery app and the people app."""

from academy.celery import app as celery_app

__all__ = ("celery_app",)
