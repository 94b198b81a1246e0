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
    path("<int:pk>/notiz/", admin_views.inquiry_note, name="note"),
    path("<int:pk>/verweisen/", admin_views.inquiry_refer, name="refer"),
    path("erfassen/", admin_views.inquiry_log, name="log"),
    path("bericht/", admin_views.report, name="report"),
    path("bericht.csv", admin_views.report_csv, name="report_csv"),
    path("verweisungen/", admin_views.partner_list, name="partner_list"),
    path("verweisungen/<int:pk>/", admin_views.partner_detail, name="partner_detail"),
    path("verweisungen/<int:pk>/annehmen/", admin_views.partner_accept, name="partner_accept"),
    path("verweisungen/<int:pk>/ablehnen/", admin_views.partner_decline, name="partner_decline"),
    path("verweisungen/<int:pk>/ergebnis/", admin_views.partner_outcome, name="partner_outcome"),
]
