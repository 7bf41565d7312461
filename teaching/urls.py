from django.urls import path

from teaching import views

app_name = "teaching"

urlpatterns = [
    path("teaching/", views.index, name="index"),
    path(
        "teaching/sessions/<int:session_id>/attendance/",
        views.session_attendance,
        name="session_attendance",
    ),
    path("teaching/runs/<int:run_id>/results/", views.run_results, name="run_results"),
    path("teaching/runs/<int:run_id>/results/issue/", views.issue_run, name="issue_run"),
    path(
        "teaching/runs/<int:run_id>/results/progress/",
        views.issuing_progress,
        name="issuing_progress",
    ),
]
