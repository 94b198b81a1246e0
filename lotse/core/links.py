"""Absolute addresses for e-mails, PDFs and calendar files (no request at hand)."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (from reverse() or a file's url) on the public base URL (LOTSE_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
