"""The production settings (config.settings, read from the environment) for the two web
servers of test_two_web_servers.py, except that static files are served by their plain
names, as in every other test (tests/conftest.py): the manifest needs `collectstatic`,
which takes longer than the whole test; tests/academy/test_static.py proves it apart."""

from config.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
