from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.directory, name="directory"),
    # "struktur" is reserved: no actor may take this slug (see models/services).
    path("struktur/", views.structure, name="structure"),
    path("<slug:slug>/", views.actor_page, name="actor"),
]
