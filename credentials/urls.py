from django.urls import path

from credentials import views

app_name = "credentials"

urlpatterns = [
    path("issuer", views.issuer, name="issuer"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("credentials/check/", views.check, name="check"),
    path("credentials/status/<str:list_name>", views.status_list_credential, name="status_list"),
    path("credentials/<uuid:credential_id>/", views.verify, name="verify"),
    path("credentials/<uuid:credential_id>.json", views.credential_json, name="json"),
    path("credentials/<uuid:credential_id>.jwt", views.credential_jwt, name="jwt"),
    path("credentials/<uuid:credential_id>.pdf", views.credential_pdf, name="pdf"),
    path("credentials/<uuid:credential_id>.png", views.credential_preview, name="preview"),
]
