"""Public URLs of the general desk under /lotsendienst/ (English /en/lotsendienst/)."""

from django.urls import path

from . import views

app_name = "lotsendienst"

urlpatterns = [
    path("", views.general_form, name="form"),
    path("danke/", views.general_thanks, name="thanks"),
    path("einwilligung/<str:token>/", views.referral_consent, name="consent"),
    path("widerruf/<str:token>/", views.consent_withdraw, name="withdraw"),
]
