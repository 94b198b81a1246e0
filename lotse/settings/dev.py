"""Local development and the demo started by `make run`."""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str


def installation_secret_key(path: Path) -> str:
    """The secret key of this installation: made at the first start (random, only readable by
    its owner) and read afterwards, so no two installations share a key that anyone knows."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(64) + "\n")
        try:
            # Appears whole or not at all; the worker starting at the same moment keeps the
            # first key (its link fails) and reads it below.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"{path} holds no usable secret key; delete it.")
    return key


DEBUG = env_bool("LOTSE_DEBUG", True)
LOTSE_DEMO_MODE = True
# Demo data and accounts (`make run`, `make demo`): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "lotse.demo"]  # noqa: F405
# Never the well-known default of base.py: signed values (registration acknowledgements,
# password reset links, sessions) must not be forgeable by anyone who read the source.
if not env_str("LOTSE_SECRET_KEY"):
    SECRET_KEY = installation_secret_key(VAR_DIR / "secret-key")  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo runs in one process without Redis; rate limits then count per process.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003", "django_ratelimit.W001"]  # noqa: F405
# Edited templates show at once while debugging (the page cache keys by data, not by templates).
LOTSE_PAGE_CACHE_SECONDS = env_int("LOTSE_PAGE_CACHE_SECONDS", 0 if DEBUG else 300)
