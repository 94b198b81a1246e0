from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "lotse.network"
    label = "network"
    verbose_name = _("Netzwerk")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        page_cache_register("network:directory", "network:structure", "network:actor")
        from lotse.imports.kinds import import_kind_register

        from .imports import ACTOR_IMPORT

        import_kind_register(ACTOR_IMPORT)
