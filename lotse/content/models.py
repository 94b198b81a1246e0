"""Wagtail page types of the public portal."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from lotse.core.versioning import versioned, versions_are_pinned

from .blocks import BodyBlock


class UnrestrictedRouteMixin:
    """For the portal's page types: a page the route cache (`lotse.content.routing`) found
    without view restrictions (on itself or an ancestor, under the current content version)
    answers Wagtail's check without its two queries."""

    _lotse_unrestricted = False
    # Foreign keys every rendering reads: loaded before the route is kept, so they are kept too.
    route_cache_related: tuple[str, ...] = ("locale",)

    def get_view_restrictions(self) -> Any:
        if self._lotse_unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()  # type: ignore[misc]

    def breadcrumb_ancestors(self) -> list[Page]:
        """The ancestors below the tree's root, for the breadcrumbs; inside the page cache's
        pinned versions kept under the content version."""

        def build() -> list[Page]:
            return list(self.get_ancestors()[1:])  # type: ignore[attr-defined]

        if not versions_are_pinned():
            return build()
        return versioned(f"content.ancestors:{self.pk}", build)  # type: ignore[attr-defined]


class TopicOverviewMixin:
    """A page that shows the topic fields and its `latest_articles_count` latest articles."""

    latest_articles_count = 3

    def get_context(self, request, *args, **kwargs):
        from .selectors import articles_latest, topic_pages_for

        context = super().get_context(request, *args, **kwargs)
        context["topic_pages"] = topic_pages_for(locale=self.locale)
        context["latest_articles"] = articles_latest(
            locale=self.locale, limit=self.latest_articles_count
        )
        return context


class HomePage(TopicOverviewMixin, UnrestrictedRouteMixin, Page):
    """The portal's start page (one per language)."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")


class StandardPage(UnrestrictedRouteMixin, Page):
    """An editorial page: legal texts, section introductions, contact."""

    intro = models.TextField(_("Kurztext"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Inhaltsseite")


class KnowledgeIndexPage(TopicOverviewMixin, UnrestrictedRouteMixin, Page):
    """'Wissen': the topic fields and the latest articles."""

    intro = models.TextField(_("Kurztext"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.TopicFieldPage", "content.ArticlePage", "content.StandardPage"]
    max_count_per_parent = 1
    latest_articles_count = 6

    class Meta:
        verbose_name = _("Wissen (Übersicht)")


class TopicFieldPage(UnrestrictedRouteMixin, Page):
    """The page of one topic field (Themenfeld)."""

    topic_field = models.ForeignKey(
        "core.TopicField",
        verbose_name=_("Themenfeld"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    intro = models.TextField(_("Kurztext"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic_field"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    route_cache_related = ("locale", "topic_field")
    parent_page_types = ["content.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Themenfeld-Seite")

    def clean(self) -> None:
        super().clean()
        duplicate = (
            TopicFieldPage.objects.filter(
                topic_field_id=self.topic_field_id, locale_id=self.locale_id
            )
            .exclude(pk=self.pk)
            .exists()
        )
        if duplicate:
            raise ValidationError(
                {
                    "topic_field": _(
                        "Für dieses Themenfeld gibt es in dieser Sprache schon eine Seite."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        from .selectors import articles_latest, topic_field_overview_html

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = articles_latest(
            locale=self.locale, topic_field=self.topic_field, limit=10
        )
        context["overview_html"] = topic_field_overview_html(topic_field=self.topic_field)
        return context


class ArticlePage(UnrestrictedRouteMixin, Page):
    """A knowledge article tagged with topic fields and target groups."""

    date = models.DateField(_("Datum"))
    summary = models.TextField(_("Zusammenfassung"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    topic_fields = ParentalManyToManyField(
        "core.TopicField", verbose_name=_("Themenfelder"), related_name="articles", blank=True
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", verbose_name=_("Zielgruppen"), related_name="articles", blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("topic_fields"),
        FieldPanel("target_groups"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["content.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Artikel")
        verbose_name_plural = pgettext_lazy("plural", "Artikel")
