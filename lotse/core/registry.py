"""Calling the per-app hooks listed in settings (initial content, benchmark data)."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


def hooks(setting_name: str) -> list[Callable[..., Any]]:
    return [import_string(path) for path in getattr(settings, setting_name)]
