"""System checks for a safe production configuration."""

from collections import defaultdict

from django.conf import settings
from django.core import checks
from django.template import engines
from django.template.backends.django import DjangoTemplates, get_template_tag_modules

# Template library names given to another module on purpose (settings TEMPLATES "libraries").
OVERRIDDEN_LIBRARIES = {"wagtailadmin_tags": "lotse.core.admin_sidebar"}


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


@checks.register(checks.Tags.templates)
def template_library_names(app_configs, **kwargs):
    """Django's templates.W003 (silenced in the settings), but for the intended override: a
    library name that two modules provide loads only one of them."""
    errors = []
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        modules = defaultdict(set)
        for name, module in [*get_template_tag_modules(), *engine.engine.libraries.items()]:
            modules[name].add(module)
        for name, paths in modules.items():
            intended = OVERRIDDEN_LIBRARIES.get(name)
            if intended is not None and engine.engine.libraries.get(name) == intended:
                paths = paths - {intended}  # left: the one module it replaces
            if len(paths) > 1:
                errors.append(
                    checks.Warning(
                        f"{name!r} is used for multiple template tag modules: "
                        + ", ".join(sorted(paths)),
                        obj=engine,
                        id="lotse.W003",
                    )
                )
    return errors
