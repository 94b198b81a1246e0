from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrationConfig(AppConfig):
    name = "lotse.migration"
    label = "migration"
    verbose_name = _("Einwanderungs-Check")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        # The check's static parts. The questions and the result carry a visitor's answers in
        # the query and say `never_cache`, which the page cache respects.
        page_cache_register("migration:start", "migration:easy_read")
