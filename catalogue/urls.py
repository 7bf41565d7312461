from django.urls import path

from catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("modules/", views.catalogue, name="catalogue"),
    path("modules/suggest/", views.suggest, name="suggest"),
    path("modules/<slug:slug>/<slug:code>/calendar.ics", views.run_calendar, name="run_calendar"),
]
