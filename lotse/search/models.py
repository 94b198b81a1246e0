"""The portal search's own index of pages: one row of German stems per live page.

Offers, actors and agreements keep a `search_document` of their own; Wagtail's page models do
not, so this table holds it for them (core.fulltext stems with compound tails, the database's
full-text index from core.fulltext_db: PostgreSQL GIN, SQLite FTS5). It is kept by a
`post_save` receiver on every page model (signals.py) and rebuilt by
`manage.py search_pages_index`; the search reads pages again through `live().public()`, so a
stale row never shows a page that is not public.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageSearchDocument(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Seite")
    )
    title = models.CharField(_("Titel"), max_length=255)
    summary = models.TextField(_("Kurztext"), blank=True)
    search_document = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("Suchindex einer Seite")
        verbose_name_plural = _("Suchindex der Seiten")

    def __str__(self) -> str:
        return self.title
