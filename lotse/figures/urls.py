from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.district_index, name="districts"),
    path("arbeitsmarktzahlen.csv", views.indicators_export, {"fmt": "csv"}, name="indicators_csv"),
    path(
        "arbeitsmarktzahlen.xlsx", views.indicators_export, {"fmt": "xlsx"}, name="indicators_xlsx"
    ),
    path("lotsendienst-statistik.csv", views.desk_statistics_export, name="desk_statistics_csv"),
    path("<slug:slug>/", views.district_detail, name="district"),
]
