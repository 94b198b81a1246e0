from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class ContentConfig(app_config.LotseAppConfig):
    name = "lotse.content"
    label = "content"
    verbose_name = _("Inhalte")
    # The page tree (home, topic fields, articles, press releases and their feeds).
    cached_pages = ("wagtail_serve",)

    def ready(self) -> None:
        super().ready()
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_slug_changed, page_unpublished

        from .caching import portal_cache_clear

        for signal in (page_published, page_unpublished, page_slug_changed):
            signal.connect(portal_cache_clear, dispatch_uid=f"lotse.content.{id(signal)}")
        post_delete.connect(portal_cache_clear, sender=Page, dispatch_uid="lotse.content.delete")
