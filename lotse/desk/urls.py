from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("", views.inquiry_form, name="form"),
    path("danke/", views.inquiry_thanks, name="thanks"),
]
