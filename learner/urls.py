from django.urls import path

from learner import demand, evaluations, views

app_name = "learner"

urlpatterns = [
    path("modules/<slug:slug>/", views.module_detail, name="module"),
    path("modules/<slug:slug>/<slug:code>/enrol/", views.enrol, name="enrol"),
    path("modules/<slug:slug>/follow/", demand.follow, {"kind": "module"}, name="follow_module"),
    path("themes/<slug:slug>/", demand.theme, name="theme"),
    path("themes/<slug:slug>/follow/", demand.follow, {"kind": "theme"}, name="follow_theme"),
    path("evaluations/<str:token>/", evaluations.evaluation, name="evaluation"),
    path("interest/<str:token>/confirm/", demand.interest_confirm, name="interest_confirm"),
    path("interest/<str:token>/stop/", demand.interest_stop, name="interest_stop"),
    path("me/interest/<int:interest_id>/stop/", demand.unfollow, name="unfollow"),
    path("learning-needs/new/", demand.learning_need_create, name="learning_need_create"),
    path("learning-needs/thanks/", demand.learning_need_thanks, name="learning_need_thanks"),
    path("me/learning-needs/", demand.my_learning_needs, name="learning_needs"),
    path("me/", views.my_learning, name="my_learning"),
    path("me/profile/", views.profile, name="profile"),
    path("me/calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("me/calendar/renew/", views.renew_calendar_feed, name="renew_calendar_feed"),
    path("me/enrolments/<int:enrolment_id>/cancel/", views.cancel_enrolment, name="cancel"),
    path("me/offers/<int:entry_id>/<str:answer>/", views.answer_offer, name="answer_offer"),
    path(
        "me/waiting-list/<int:entry_id>/leave/",
        views.leave_waiting_list,
        name="leave_waiting_list",
    ),
    path("me/invoices/<int:invoice_id>.pdf", views.invoice_pdf, name="invoice_pdf"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/export.json", views.my_data_export, name="my_data_export"),
    path("me/delete/", views.delete_account, name="delete_account"),
]
