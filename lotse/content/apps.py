from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "lotse.content"
    label = "content"
    verbose_name = _("Inhalte")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        # The page tree (home, topic fields, articles, press releases and their feeds).
        page_cache_register("wagtail_serve")
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_slug_changed, page_unpublished

        from .caching import portal_cache_clear

        for signal in (page_published, page_unpublished, page_slug_changed):
            signal.connect(portal_cache_clear, dispatch_uid=f"lotse.content.{id(signal)}")
        post_delete.connect(portal_cache_clear, sender=Page, dispatch_uid="lotse.content.delete")
