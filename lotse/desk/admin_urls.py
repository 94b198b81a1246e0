from django.urls import path

from . import admin_views

app_name = "lotse_desk"

urlpatterns = [
    path("", admin_views.inquiry_list, name="list"),
    path("statistik/", admin_views.statistics, name="statistics"),
    path("statistik.csv", admin_views.statistics_csv, name="statistics_csv"),
    path("<int:pk>/", admin_views.inquiry_detail, name="detail"),
    path("<int:pk>/status/", admin_views.inquiry_status, name="status"),
    path("<int:pk>/zuweisen/", admin_views.inquiry_assign, name="assign"),
    path("<int:pk>/frist/", admin_views.inquiry_due_date, name="due_date"),
    path("<int:pk>/loeschen/", admin_views.inquiry_erase, name="erase"),
]
