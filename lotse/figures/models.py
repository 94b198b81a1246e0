"""Labour-market indicators (Arbeitsmarktzahlen) per district or for the state, with their source;
the press release pages (Medieninformationen).

Every figure names where it comes from (source, address, licence, date retrieved): the portal
never shows a number it cannot cite. What is not there stays empty and the page says so.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index


class IndicatorKey(models.TextChoices):
    """The indicators the district profiles show, in this order."""

    UNEMPLOYED = "arbeitslose", _("Arbeitslose")
    UNEMPLOYMENT_RATE = "arbeitslosenquote", _("Arbeitslosenquote")
    VACANCIES = "gemeldete-stellen", _("Gemeldete Arbeitsstellen")
    UNEMPLOYED_PER_VACANCY = "arbeitslose-je-stelle", _("Arbeitslose je gemeldete Arbeitsstelle")
    EMPLOYEES = (
        "beschaeftigte-arbeitsort",
        _("Sozialversicherungspflichtig Beschäftigte am Arbeitsort"),
    )
    FOREIGN_SHARE = "auslaenderanteil", _("Anteil ausländischer Beschäftigter")
    TRAINING_PLACES = "unbesetzte-ausbildungsstellen", _("Unbesetzte Ausbildungsstellen")
    UNPLACED_APPLICANTS = "unversorgte-bewerber", _("Unversorgte Bewerberinnen und Bewerber")
    SHORTAGE_OCCUPATIONS = "engpassberufe", _("Engpassberufe (Engpassanalyse der BA)")


class IndicatorUnit(models.TextChoices):
    PERSONS = "personen", _("Personen")
    PERCENT = "prozent", _("Prozent")
    COUNT = "anzahl", _("Anzahl")
    RATIO = "verhaeltnis", _("Verhältnis")


# The unit each indicator is given in (the import refuses another).
INDICATOR_UNITS: dict[str, str] = {
    IndicatorKey.UNEMPLOYED: IndicatorUnit.PERSONS,
    IndicatorKey.UNEMPLOYMENT_RATE: IndicatorUnit.PERCENT,
    IndicatorKey.VACANCIES: IndicatorUnit.COUNT,
    IndicatorKey.UNEMPLOYED_PER_VACANCY: IndicatorUnit.RATIO,
    IndicatorKey.EMPLOYEES: IndicatorUnit.PERSONS,
    IndicatorKey.FOREIGN_SHARE: IndicatorUnit.PERCENT,
    IndicatorKey.TRAINING_PLACES: IndicatorUnit.COUNT,
    IndicatorKey.UNPLACED_APPLICANTS: IndicatorUnit.PERSONS,
    IndicatorKey.SHORTAGE_OCCUPATIONS: IndicatorUnit.COUNT,
}


class Indicator(models.Model):
    """One figure: an indicator for one region (district or state) and one month."""

    key = models.CharField(_("Kennzahl"), max_length=40, choices=IndicatorKey.choices)
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("Region"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    # The reference month (its first day); a quarter or year is given by its last month.
    period = models.DateField(_("Berichtsmonat"))
    value = models.DecimalField(
        _("Wert"), max_digits=14, decimal_places=3, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("Einheit"), max_length=20, choices=IndicatorUnit.choices)
    source = models.CharField(_("Quelle"), max_length=300)
    source_url = models.URLField(_("Fundstelle (Internetadresse)"), max_length=500)
    licence = models.CharField(_("Lizenz/Nutzungsbedingungen"), max_length=200)
    retrieved_on = models.DateField(_("Abgerufen am"))
    imported_at = models.DateTimeField(_("Importiert am"), auto_now=True)

    class Meta:
        verbose_name = _("Arbeitsmarktzahl")
        verbose_name_plural = _("Arbeitsmarktzahlen")
        ordering = ["key", "region__code", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "region", "period"], name="figures_indicator_unique"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="figures_value_gte_0"),
        ]
        indexes = [models.Index(fields=["region", "key", "period"])]

    def __str__(self) -> str:
        return f"{self.get_key_display()} {self.region.code} {self.period:%Y-%m}"

    @property
    def external_id(self) -> str:
        return indicator_external_id(self.key, self.region.code, self.period.strftime("%Y-%m"))


def indicator_external_id(key: str, ags: str, period: str) -> str:
    """The stable key of one figure in imports and the initial content: key:AGS:YYYY-MM."""
    return f"{key}:{ags}:{period}"


# --- Press releases (Medieninformationen) ---------------------------------------------------


class FactRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Bezeichnung"), max_length=200)
    value = blocks.IntegerBlock(label=_("Zahl"), min_value=0, max_value=10_000_000)

    class Meta:
        label = _("Zeile")


class FactGroupBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    rows = blocks.ListBlock(FactRowBlock(), label=_("Zeilen"))

    class Meta:
        label = _("Zahlenblock")
        icon = "table"


class PressLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Linktext"), max_length=200)
    url = blocks.URLBlock(label=_("Adresse"))

    class Meta:
        label = _("Link")
        icon = "link"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class PressReleaseIndexPage(RoutablePageMixin, Page):
    """ "Medieninformationen": the list of press releases, with RSS and Atom feeds."""

    intro = models.TextField(_("Kurztext"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["figures.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Medieninformationen (Liste)")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = press_releases_live(index=self)
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        return PressReleaseRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return PressReleaseAtomFeed(self)(request)


def press_releases_live(*, index: Page, limit: int | None = None):
    """The published press releases under `index`, newest first."""
    queryset = (
        PressReleasePage.objects.live()
        .public()
        .child_of(index)
        .order_by("-release_date", "-first_published_at")
    )
    return queryset[:limit] if limit else queryset


class PressReleasePage(RoutablePageMixin, Page):
    """ "Medieninformation": the structure of the centre's press releases, with a PDF in
    letterhead layout. Drafts go through the review workflow like every page."""

    release_date = models.DateField(_("Datum"))
    subtitle = models.CharField(_("Unterzeile"), max_length=300, blank=True)
    body = RichTextField(_("Text"), features=RICH_TEXT_FEATURES)
    background = RichTextField(_("Hintergrund"), features=RICH_TEXT_FEATURES, blank=True)
    facts = StreamField(
        [("fact_group", FactGroupBlock())],
        verbose_name=_("Zahlen (Faktenkasten)"),
        blank=True,
        help_text=_("Aus der Teilnehmendenstruktur übernommen; Zeilen können gelöscht werden."),
    )
    facts_note = models.CharField(_("Quelle der Zahlen"), max_length=300, blank=True)
    links = StreamField([("link", PressLinkBlock())], verbose_name=_("Links"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200)
    contact_role = models.CharField(_("Funktion"), max_length=200, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    source_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("Veranstaltung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("release_date"),
        FieldPanel("body"),
        FieldPanel("facts"),
        FieldPanel("facts_note"),
        FieldPanel("background"),
        FieldPanel("links"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Pressekontakt"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.SearchField("background"),
    ]
    parent_page_types = ["figures.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Medieninformation")
        verbose_name_plural = _("Medieninformationen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["centre"] = centre_address()
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from lotse.core.pdf import pdf_response, render_pdf

        context = {"page": self, "centre": centre_address()}
        content = render_pdf("figures/press_release_pdf.html", context, request=request)
        return pdf_response(content, f"medieninformation-{self.slug}.pdf", private=False)


def centre_address() -> dict:
    """The centre's address block (settings): name, address lines, phone, e-mail, web."""
    from django.conf import settings

    return {
        "name": settings.LOTSE_CENTRE_NAME,
        "lines": [line for line in settings.LOTSE_CENTRE_ADDRESS.split("|") if line.strip()],
        "phone": settings.LOTSE_CENTRE_PHONE,
        "email": settings.LOTSE_CENTRE_EMAIL,
        "web": settings.WAGTAILADMIN_BASE_URL,
    }


# --- Feeds of the list page (Django syndication; the page's routes serve them) ---------------

FEED_LENGTH = 30


class PressReleaseRssFeed(Feed):
    def __init__(self, index: PressReleaseIndexPage):
        super().__init__()
        self.index = index

    def title(self) -> str:
        return self.index.title

    def link(self) -> str:
        return self.index.url

    def description(self) -> str:
        return self.index.intro or self.index.title

    def items(self):
        return press_releases_live(index=self.index, limit=FEED_LENGTH)

    def item_title(self, item: PressReleasePage) -> str:
        return item.title

    def item_description(self, item: PressReleasePage) -> str:
        lead = item.subtitle or Truncator(strip_tags(item.body)).words(60)
        return lead

    def item_link(self, item: PressReleasePage) -> str:
        return item.url

    def item_pubdate(self, item: PressReleasePage) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(item.release_date, datetime.time(9, 0))
        )

    def item_updateddate(self, item: PressReleasePage) -> datetime.datetime | None:
        return item.last_published_at


class PressReleaseAtomFeed(PressReleaseRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
