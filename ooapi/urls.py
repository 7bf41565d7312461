from django.urls import path, re_path

from ooapi import views

app_name = "ooapi"

urlpatterns = [
    path("", views.service, name="service"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:organization_id>", views.organization, name="organization"),
    path(
        "education-specifications",
        views.education_specifications,
        name="education_specifications",
    ),
    path(
        "education-specifications/<str:specification_id>",
        views.education_specification,
        name="education_specification",
    ),
    path("courses", views.courses, name="courses"),
    path("courses/<str:course_id>", views.course, name="course"),
    path("courses/<str:course_id>/offerings", views.course_offerings, name="course_offerings"),
    path("programs", views.programs, name="programs"),
    path("programs/<str:program_id>", views.program, name="program"),
    path("programs/<str:program_id>/offerings", views.program_offerings, name="program_offerings"),
    path("offerings/<str:offering_id>", views.offering, name="offering"),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
