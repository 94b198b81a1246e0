from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "lotse.figures"
    label = "figures"
    verbose_name = _("Zahlen und Presse")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        page_cache_register("figures:districts", "figures:indicators_csv")
        # The district profile shows the desk's inquiry figures; the catalogue dates the desk
        # statistics dataset from the same fact table.
        page_cache_register(
            "figures:district",
            "catalogue_ttl",
            "catalogue_rdf",
            "catalogue_jsonld",
            scopes=("inquiry_facts",),
        )
        from lotse.imports.kinds import import_kind_register

        from .imports import INDICATOR_IMPORT

        import_kind_register(INDICATOR_IMPORT)
