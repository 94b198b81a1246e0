from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class NetworkConfig(app_config.LotseAppConfig):
    name = "lotse.network"
    label = "network"
    verbose_name = _("Netzwerk")
    cached_pages = ("network:directory", "network:structure", "network:actor")
    import_kinds = ("lotse.network.imports.ACTOR_IMPORT",)
