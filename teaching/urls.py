from django.urls import path

from teaching import evaluations, proposals, record, views

app_name = "teaching"

urlpatterns = [
    path("teaching/", views.index, name="index"),
    path("teaching/evaluations/", evaluations.overview, name="evaluations"),
    path("teaching/runs/<int:run_id>/evaluation/", evaluations.run, name="run_evaluation"),
    path(
        "teaching/modules/<slug:slug>/evaluations/",
        evaluations.module,
        name="module_evaluations",
    ),
    path(
        "teaching/evaluations/comments/<int:answer_id>/<str:action>/",
        evaluations.comment_visibility,
        name="comment_visibility",
    ),
    path("teaching/record/", record.record, name="record"),
    path("teaching/record/<int:user_id>/", record.record, name="record_of"),
    path("teaching/record/<int:user_id>/recognise/", record.recognise, name="recognise"),
    path(
        "teaching/record/statements/<int:recognition_id>.pdf",
        record.statement,
        name="statement",
    ),
    path("teaching/proposals/", proposals.proposals, name="proposals"),
    path("teaching/proposals/new/", proposals.proposal_new, name="proposal_new"),
    path("teaching/proposals/<int:proposal_id>/", proposals.proposal, name="proposal"),
    path(
        "teaching/proposals/<int:proposal_id>/edit/", proposals.proposal_edit, name="proposal_edit"
    ),
    path(
        "teaching/proposals/<int:proposal_id>/review/",
        proposals.proposal_review,
        name="proposal_review",
    ),
    path(
        "teaching/proposals/<int:proposal_id>/comment/",
        proposals.proposal_comment,
        name="proposal_comment",
    ),
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
