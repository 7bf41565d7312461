"""Hooks on the catalogue (and the OOAPI details) that tell the RIO pushes of a change.

The catalogue cannot import this app (it sits below it), so the RIO app listens: a saved
module, run or session, or a module's RIO details, may mean RIO must hear of the module
again (a run is an offering, whose course or programme must be upserted again). Each hook
only asks `services.module_changed`, which does nothing while RIO is off."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from catalogue.models import Module, ModuleRun, Session
from catalogue.signals import module_published


def _module_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _changed(instance, "module saved")


def _module_published(sender, module, **kwargs):
    _changed(module, "module published", by=module.published_by)


def _run_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _changed_by_id(instance.module_id, f"run {instance.code} changed", offerings_only=True)


def _session_changed(sender, instance, raw=False, **kwargs):
    from rio import services

    if not raw and services.is_enabled():  # asks the database nothing while RIO is off
        module_id = ModuleRun.objects.filter(pk=instance.run_id).values_list("module_id", flat=True)
        _changed_by_id(module_id.first(), "session changed", offerings_only=True)


def _after_commit(hook):
    """A run or session deleted may be part of deleting its module: ask once that is done
    (the module is gone then, and nothing is asked)."""

    def deferred(sender, instance, **kwargs):
        transaction.on_commit(lambda: hook(sender, instance, **kwargs))

    return deferred


_run_deleted = _after_commit(_run_changed)
_session_deleted = _after_commit(_session_changed)


def _rio_details_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _changed_by_id(instance.module_id, "RIO details changed")


def _changed(module, trigger: str, by=None):
    from rio import services

    if services.is_enabled():
        services.module_changed(module=module, trigger=trigger, by=by)


def _changed_by_id(module_id, trigger: str, *, offerings_only: bool = False):
    from rio import services

    if module_id is None or not services.is_enabled():
        return
    module = Module.objects.filter(pk=module_id).select_related("registration").first()
    if module is not None:
        services.module_changed(module=module, trigger=trigger, offerings_only=offerings_only)


def connect() -> None:
    from ooapi.models import ModuleRegistration

    post_save.connect(_module_saved, sender=Module, dispatch_uid="rio-module-saved")
    module_published.connect(_module_published, dispatch_uid="rio-module-published")
    post_save.connect(_run_changed, sender=ModuleRun, dispatch_uid="rio-run-saved")
    post_delete.connect(_run_deleted, sender=ModuleRun, dispatch_uid="rio-run-deleted")
    post_save.connect(_session_changed, sender=Session, dispatch_uid="rio-session-saved")
    post_delete.connect(_session_deleted, sender=Session, dispatch_uid="rio-session-deleted")
    post_save.connect(
        _rio_details_saved, sender=ModuleRegistration, dispatch_uid="rio-details-saved"
    )
