from django.urls import path

from rio import views

app_name = "rio"

urlpatterns = [
    path("rio/callback/<int:job_id>/<str:secret>/", views.callback, name="callback"),
]
