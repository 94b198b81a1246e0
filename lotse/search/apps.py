from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class SearchConfig(app_config.LotseAppConfig):
    name = "lotse.search"
    label = "site_search"
    verbose_name = _("Suche im Portal")
    cached_pages = ("search:results",)

    def ready(self) -> None:
        super().ready()
        from django.db.models.signals import post_save
        from wagtail.signals import page_unpublished

        from .signals import page_saved
        from .signals import page_unpublished as forget

        post_save.connect(page_saved, dispatch_uid="site_search_page_saved")
        page_unpublished.connect(forget, dispatch_uid="site_search_page_unpublished")
