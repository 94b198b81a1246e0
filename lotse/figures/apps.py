from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "lotse.figures"
    label = "figures"
    verbose_name = _("Zahlen und Presse")

    def ready(self) -> None:
        from lotse.imports.kinds import import_kind_register

        from .imports import INDICATOR_IMPORT

        import_kind_register(INDICATOR_IMPORT)
