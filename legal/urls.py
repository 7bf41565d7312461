from django.urls import path

from legal import views
from legal.models import LegalDocument

app_name = "legal"

# /terms/, /privacy/, /cookies/, /accessibility/ and each one's /<version>/.
urlpatterns = [
    pattern
    for kind in LegalDocument.Kind.values
    for pattern in (
        path(f"{kind}/", views.document, {"kind": kind}, name=kind),
        path(f"{kind}/<int:version>/", views.document, {"kind": kind}, name=f"{kind}_version"),
    )
]
