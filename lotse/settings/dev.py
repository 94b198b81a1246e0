"""Local development and the demo started by `make run`."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("LOTSE_DEBUG", True)
LOTSE_DEMO_MODE = True
# Demo data and accounts (`make run`, `make demo`): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "lotse.demo"]  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo runs in one process without Redis; rate limits then count per process.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
