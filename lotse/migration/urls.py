from django.urls import path

from . import views

app_name = "migration"

urlpatterns = [
    path("", views.start, name="start"),
    path("leichte-sprache/", views.easy_read, name="easy_read"),
    path("ergebnis/", views.result, name="result"),
    path("ergebnis.pdf", views.result_pdf, name="pdf"),
    path("person/", views.questions, {"who": "person"}, name="person"),
    path("arbeitgeber/", views.questions, {"who": "arbeitgeber"}, name="employer"),
]
