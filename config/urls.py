from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import Http404
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from academy import institutional_login, views
from catalogue import views as catalogue_views
from monitoring import views as monitoring_views

admin.site.site_header = _("Academy curation")
admin.site.site_title = _("Academy")
admin.site.index_title = _("Curate the Academy's offer")

urlpatterns = [
    path("", catalogue_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", monitoring_views.metrics, name="metrics"),
    # Browsers and feed readers ask for /favicon.ico whatever the page's <link rel="icon">.
    path("favicon.ico", views.favicon),
    path("ooapi/v5/", include("ooapi.urls")),
    # Before learner.urls, whose modules/<slug>/ would take modules/suggest/ for a module.
    path("", include("catalogue.urls")),
    path("", include("learner.urls")),
    path("", include("employer.urls")),
    path("", include("teaching.urls")),
    path("", include("insights.urls")),
    path("", include("credentials.urls")),
    path("", include("legal.urls")),
    path("", include("rio.urls")),
    # Before allauth's own: the same URL and name, a provider that is down shown as a page.
    path(
        "accounts/oidc/<str:provider_id>/login/",
        institutional_login.login,
        name="openid_connect_login",
    ),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # `make run` is in debug mode, where a missing page shows Django's technical 404. The
    # site's own error pages, as visitors see them in production:
    urlpatterns += [
        path("__errors__/404/", defaults.page_not_found, {"exception": Http404()}),
        path("__errors__/500/", views.server_error),
    ]

handler500 = "academy.views.server_error"
