from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "lotse.search"
    label = "site_search"
    verbose_name = _("Suche im Portal")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        page_cache_register("search:results")
        from django.db.models.signals import post_save
        from wagtail.signals import page_unpublished

        from .signals import page_saved
        from .signals import page_unpublished as forget

        post_save.connect(page_saved, dispatch_uid="site_search_page_saved")
        page_unpublished.connect(forget, dispatch_uid="site_search_page_unpublished")
