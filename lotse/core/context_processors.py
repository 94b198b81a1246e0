from django.conf import settings
from django.http import HttpRequest

from .navigation import SEARCH_PATH, language_root, main_navigation


def portal(request: HttpRequest) -> dict:
    return {
        "centre_name": settings.LOTSE_CENTRE_NAME,
        "centre_short_name": settings.LOTSE_CENTRE_SHORT_NAME,
        "main_navigation": main_navigation(request),
        "search_path": language_root() + SEARCH_PATH,
        "demo_mode": settings.LOTSE_DEMO_MODE,
    }
