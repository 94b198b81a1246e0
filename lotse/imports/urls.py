from django.urls import path

from . import views

app_name = "lotse_imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("importieren/", views.run, name="run"),
]
