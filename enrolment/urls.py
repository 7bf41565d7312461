from django.urls import path

from enrolment import views

app_name = "enrolment"

urlpatterns = [
    path("me/", views.my_learning, name="my_learning"),
    path("me/profile/", views.profile, name="profile"),
    path("me/calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("me/calendar/renew/", views.renew_calendar_feed, name="renew_calendar_feed"),
    path("me/enrolments/<int:enrolment_id>/cancel/", views.cancel_enrolment, name="cancel"),
    path("me/offers/<int:entry_id>/<str:answer>/", views.answer_offer, name="answer_offer"),
    path("me/invoices/<int:invoice_id>.pdf", views.my_invoice_pdf, name="my_invoice_pdf"),
    path("modules/<slug:slug>/<slug:code>/enrol/", views.enrol, name="enrol"),
    path("teaching/", views.teaching, name="teaching"),
    path(
        "teaching/sessions/<int:session_id>/attendance/",
        views.session_attendance,
        name="session_attendance",
    ),
    path("employer/", views.employer_index, name="employer"),
    path("employer/register/", views.employer_register, name="employer_register"),
    path("employer/<int:organisation_id>/", views.employer_staff, name="employer_staff"),
    path(
        "employer/<int:organisation_id>/staff.csv",
        views.employer_staff_csv,
        name="employer_staff_csv",
    ),
    path("employer/<int:organisation_id>/invite/", views.employer_invite, name="employer_invite"),
    path(
        "employer/<int:organisation_id>/enrolments/<int:enrolment_id>/<str:decision>/",
        views.employer_approval,
        name="employer_approval",
    ),
    path(
        "employer/<int:organisation_id>/invitations/<int:invitation_id>/<str:action>/",
        views.employer_invitation_action,
        name="employer_invitation_action",
    ),
    path(
        "employer/<int:organisation_id>/members/<int:membership_id>/remove/",
        views.employer_remove_member,
        name="employer_remove_member",
    ),
    path(
        "employer/<int:organisation_id>/imports/new/",
        views.employer_import_new,
        name="employer_import_new",
    ),
    path(
        "employer/<int:organisation_id>/imports/<int:import_id>/",
        views.employer_import,
        name="employer_import",
    ),
    path(
        "employer/<int:organisation_id>/cohorts/",
        views.employer_cohorts,
        name="employer_cohorts",
    ),
    path(
        "employer/<int:organisation_id>/cohorts/new/",
        views.employer_cohort_new,
        name="employer_cohort_new",
    ),
    path(
        "employer/<int:organisation_id>/cohorts/<int:cohort_id>/",
        views.employer_cohort,
        name="employer_cohort",
    ),
    path(
        "employer/<int:organisation_id>/invoices/<int:invoice_id>.pdf",
        views.employer_invoice_pdf,
        name="employer_invoice_pdf",
    ),
]
