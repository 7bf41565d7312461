"""The site's URLs plus one that fails, to see the 500 page."""

from django.urls import path

from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("Something broke")


urlpatterns = [*site_urlpatterns, path("broken/", broken_view)]
