from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class FiguresConfig(app_config.LotseAppConfig):
    name = "lotse.figures"
    label = "figures"
    verbose_name = _("Zahlen und Presse")
    cached_pages = ("figures:districts", "figures:indicators_csv")
    # The district profile shows the desk's inquiry figures; the catalogue dates the desk
    # statistics dataset from the same fact table.
    cached_pages_by_scope = {
        "inquiry_facts": (
            "figures:district",
            "catalogue_ttl",
            "catalogue_rdf",
            "catalogue_jsonld",
        ),
    }
    import_kinds = ("lotse.figures.imports.INDICATOR_IMPORT",)
