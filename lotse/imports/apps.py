from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "lotse.imports"
    label = "imports"
    verbose_name = _("Datenimport")

    def ready(self) -> None:
        from .kinds import import_kinds_discover

        import_kinds_discover()
