"""System checks for a safe production configuration."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def lotse_production_checks(app_configs, **kwargs):
    errors = []
    if not settings.DEBUG and settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        errors.append(
            checks.Warning(
                "Rate limits need a shared cache in production.",
                hint="Set LOTSE_REDIS_URL.",
                id="lotse.W001",
            )
        )
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
        errors.append(
            checks.Warning(
                "E-mails are printed to the console, not sent.",
                hint="Set LOTSE_EMAIL_BACKEND and LOTSE_EMAIL_HOST.",
                id="lotse.W002",
            )
        )
    return errors
