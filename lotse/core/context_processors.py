from django.conf import settings
from django.http import HttpRequest

from .navigation import main_navigation


def portal(request: HttpRequest) -> dict:
    return {
        "centre_name": settings.LOTSE_CENTRE_NAME,
        "centre_short_name": settings.LOTSE_CENTRE_SHORT_NAME,
        "main_navigation": main_navigation(request),
        "demo_mode": settings.LOTSE_DEMO_MODE,
    }
