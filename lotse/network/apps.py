from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "lotse.network"
    label = "network"
    verbose_name = _("Netzwerk")

    def ready(self) -> None:
        from lotse.imports.kinds import import_kind_register

        from .imports import ACTOR_IMPORT

        import_kind_register(ACTOR_IMPORT)
