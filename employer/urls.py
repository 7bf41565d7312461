from django.urls import path

from employer import demand, views

app_name = "employer"

organisation = "employer/<int:organisation_id>/"

urlpatterns = [
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("employer/", views.index, name="index"),
    path("employer/register/", views.register, name="register"),
    path(organisation, views.staff, name="staff"),
    path(organisation + "staff.csv", views.staff_csv, name="staff_csv"),
    path(organisation + "invite/", views.invite, name="invite"),
    path(
        organisation + "enrolments/<int:enrolment_id>/<str:decision>/",
        views.approval,
        name="approval",
    ),
    path(
        organisation + "invitations/<int:invitation_id>/<str:action>/",
        views.invitation_action,
        name="invitation_action",
    ),
    path(
        organisation + "members/<int:membership_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path(organisation + "organisation/", views.organisation_settings, name="settings"),
    path(organisation + "admins/<str:role>/", views.change_role, name="change_role"),
    path(organisation + "imports/new/", views.import_new, name="import_new"),
    path(organisation + "imports/<int:import_id>/", views.staff_import, name="import"),
    path(organisation + "cohorts/", views.cohorts, name="cohorts"),
    path(organisation + "activity/", views.activity, name="activity"),
    path(organisation + "learning-needs/", demand.learning_needs, name="learning_needs"),
    path(organisation + "learning-needs/new/", demand.learning_need_new, name="learning_need_new"),
    path(organisation + "cohorts/new/", views.cohort_new, name="cohort_new"),
    path(organisation + "cohorts/<int:cohort_id>/", views.cohort_detail, name="cohort"),
    path(organisation + "invoices/<int:invoice_id>.pdf", views.invoice_pdf, name="invoice_pdf"),
]
