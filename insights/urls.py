from django.urls import path

from insights import views

app_name = "insights"

urlpatterns = [
    path("insights/", views.insights_dashboard, name="dashboard"),
    path("insights/<slug:table>.csv", views.insights_dashboard_csv, name="dashboard_csv"),
    path("insights/demand/", views.demand, name="demand"),
    path("insights/demand/<slug:table>.csv", views.demand_csv, name="demand_csv"),
]
