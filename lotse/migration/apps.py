from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class MigrationConfig(app_config.LotseAppConfig):
    name = "lotse.migration"
    label = "migration"
    verbose_name = _("Einwanderungs-Check")
    # The check's static parts. The questions and the result carry a visitor's answers in the
    # query and say `never_cache`, which the page cache respects.
    cached_pages = ("migration:start", "migration:easy_read")
