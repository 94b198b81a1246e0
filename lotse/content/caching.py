"""Cached fragments of the portal layout, cleared when the page tree changes."""

from django.conf import settings
from django.core.cache import cache

from lotse.core.templatetags.lotse import footer_cache_key


def portal_cache_clear(**kwargs) -> None:
    """Receiver for page publish/unpublish/move/delete: drop the cached footer links."""
    cache.delete_many([footer_cache_key(code) for code, _name in settings.LANGUAGES])
