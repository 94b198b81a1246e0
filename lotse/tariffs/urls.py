from django.urls import path

from . import views

app_name = "tariffs"

urlpatterns = [
    path("", views.search, name="search"),
    path("auskunft/", views.answer, name="answer"),
    path("auskunft.pdf", views.answer, {"pdf": True}, name="answer_pdf"),
    path(
        "tarifvertrag/<path:register_number>.pdf",
        views.agreement,
        {"pdf": True},
        name="agreement_pdf",
    ),
    path("tarifvertrag/<path:register_number>/", views.agreement, name="agreement"),
    path("lohncheck/", views.wage, name="wage_check"),
    path("lohncheck.pdf", views.wage, {"pdf": True}, name="wage_check_pdf"),
    path("ausbildungsverguetung/", views.trainee, name="trainee_check"),
    path("ausbildungsverguetung.pdf", views.trainee, {"pdf": True}, name="trainee_check_pdf"),
    path("intern/dokument/<int:pk>/", views.document, name="document"),
    path("intern/datei/<path:name>", views.document_file, name="document_file"),
]
