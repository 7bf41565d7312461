from django.urls import path

from catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("modules/", views.catalogue, name="catalogue"),
    path("modules/<slug:slug>/<slug:code>/calendar.ics", views.run_calendar, name="run_calendar"),
    path("learning-needs/new/", views.learning_need_create, name="learning_need_create"),
    path("learning-needs/thanks/", views.learning_need_thanks, name="learning_need_thanks"),
]
