from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("", views.start, name="start"),
    path("profil/", views.profile_new, name="profile"),
    path("bedarf/", views.demand_page, name="demand"),
    path("bedarf/export.csv", views.demand_export_csv, name="demand_export_csv"),
    path("plan/<str:token>/", views.plan, name="plan"),
    path("plan/<str:token>/profil/", views.profile_edit, name="profile_edit"),
    path("plan/<str:token>/modul/<slug:key>/", views.module, name="module"),
    path("plan/<str:token>/plan.pdf", views.plan_pdf, name="pdf"),
    path("plan/<str:token>/loeschen/", views.delete, name="delete"),
    path("plan/<str:token>/erneut/", views.recheck, name="recheck"),
    path("plan/<str:token>/per-e-mail/", views.plan_mail, name="mail"),
    path("plan/<str:token>/lotsendienst/", views.plan_desk, name="desk"),
    path("plan/<str:token>/erledigt/<str:key>/", views.measure_done, name="measure_done"),
]
