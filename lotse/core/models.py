"""Reference data shared by every module: regions, topic fields, target groups, actor types."""

from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField


class TranslatedNameMixin(models.Model):
    """German name first, English second; `label` picks the active language."""

    name = models.CharField(_("Name (deutsch)"), max_length=200)
    name_en = models.CharField(_("Name (englisch)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "de").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class ReferenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class OrderedListEntry(TranslatedNameMixin):
    """An entry of a fixed list: shown in its `order`, hidden from choices when not active."""

    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]


class ReferenceItem(OrderedListEntry):
    """A fixed list entry identified by a stable slug (used in URLs, imports and the API)."""

    slug = models.SlugField(_("Kennung"), max_length=60, unique=True)

    class Meta(OrderedListEntry.Meta):
        abstract = True


class TopicField(ReferenceItem):
    """Themenfeld: one of the centre's five fields of work."""

    summary = models.TextField(_("Kurzbeschreibung (deutsch)"), blank=True)
    summary_en = models.TextField(_("Kurzbeschreibung (englisch)"), blank=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")

    @property
    def summary_label(self) -> str:
        if (get_language() or "de").startswith("en") and self.summary_en:
            return self.summary_en
        return self.summary


class TargetGroup(ReferenceItem):
    """Zielgruppe: who an offer, page or event is for."""

    class Meta(ReferenceItem.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class ActorType(ReferenceItem):
    """Akteurstyp: the kind of organisation in the network."""

    class Meta(ReferenceItem.Meta):
        verbose_name = _("Akteurstyp")
        verbose_name_plural = _("Akteurstypen")


class Language(OrderedListEntry):
    """A language of advice or of an offer (ISO 639-1; "dgs" for German Sign Language)."""

    code = models.CharField(_("Sprachcode"), max_length=3, unique=True)

    class Meta(OrderedListEntry.Meta):
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")


class RegionQuerySet(models.QuerySet):
    def districts(self):
        """Landkreise and kreisfreie Städte: the level offers and actors are placed on."""
        return self.filter(kind__in=Region.DISTRICT_KINDS)

    def in_state(self, state_code: str):
        return self.filter(code__startswith=state_code)


class Region(TranslatedNameMixin):
    """An administrative region: a state, a former Direktionsbezirk or a district (AGS-coded)."""

    class Kind(models.TextChoices):
        STATE = "state", _("Bundesland")
        GOVERNMENT_REGION = "government_region", _("Direktionsbezirk")
        URBAN_DISTRICT = "urban_district", _("Kreisfreie Stadt")
        RURAL_DISTRICT = "rural_district", _("Landkreis")

    DISTRICT_KINDS = (Kind.URBAN_DISTRICT, Kind.RURAL_DISTRICT)

    code = models.CharField(
        _("Amtlicher Gemeindeschlüssel (AGS)"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{2,8}$", _("Der AGS besteht aus 2 bis 8 Ziffern."))],
    )
    kind = models.CharField(_("Art"), max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("übergeordnete Region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("Kennung"), max_length=80, unique=True)
    nuts_code = models.CharField(_("NUTS-Code"), max_length=5, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    population_date = models.DateField(_("Stand der Einwohnerzahl"), null=True, blank=True)
    seat = models.CharField(_("Verwaltungssitz"), max_length=120, blank=True)
    seat_latitude = models.DecimalField(
        _("Breitengrad des Sitzes"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    seat_longitude = models.DecimalField(
        _("Längengrad des Sitzes"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )
    source = models.CharField(_("Quelle"), max_length=300, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{2,8}$"), name="region_code_digits"
            ),
            models.CheckConstraint(
                condition=Q(kind="state") | Q(parent__isnull=False),
                name="region_non_state_has_parent",
            ),
        ]

    @property
    def is_district(self) -> bool:
        return self.kind in self.DISTRICT_KINDS

    @property
    def population_density(self) -> Decimal | None:
        if not self.population or not self.area_km2:
            return None
        return (Decimal(self.population) / self.area_km2).quantize(Decimal("0.1"))


class SearchSynonym(models.Model):
    """Words that mean the same for the search (German and English), kept by the Redaktion.

    A query word that equals one of the terms also finds texts with any other term of the
    group ("Deutschkurs" finds "Sprachkurs", "visa" finds "Visum"); see core.synonyms.
    """

    terms = models.TextField(
        _("Begriffe"),
        help_text=_(
            "Wörter oder Wortgruppen mit derselben Bedeutung, durch Komma oder Zeilenumbruch "
            "getrennt, deutsch und englisch, z. B. „Sprachkurs, Deutschkurs, German course“."
        ),
    )
    note = models.CharField(_("Notiz"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Synonymgruppe der Suche")
        verbose_name_plural = _("Synonyme der Suche")
        ordering = ["pk"]

    def __str__(self) -> str:
        text = ", ".join(self.term_list())
        return text if len(text) <= 80 else text[:79] + "…"

    def term_list(self) -> list[str]:
        """The terms as typed, without blanks and duplicates."""
        unique: dict[str, str] = {}
        for line in (self.terms or "").replace(";", ",").splitlines():
            for term in line.split(","):
                term = " ".join(term.split())
                if term:
                    unique.setdefault(term.casefold(), term)
        return list(unique.values())

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .fulltext import query_stems

        terms = self.term_list()
        empty = [term for term in terms if not query_stems(term)]
        if empty:
            raise ValidationError(
                {
                    "terms": _("Diese Begriffe enthalten kein suchbares Wort: %(terms)s")
                    % {"terms": ", ".join(empty)}
                }
            )
        if len(terms) < 2:
            raise ValidationError(
                {"terms": _("Eine Synonymgruppe braucht mindestens zwei verschiedene Begriffe.")}
            )


class LoadedContent(models.Model):
    """What `load_initial_content` loaded last for one object, to never overwrite editors' work.

    `key` names the object stably ("network.actor:sn:smwa"), `data_hash` is the hash of the data
    file's entry that was loaded, `object_hash` the hash of the object as it was saved then. When
    the object's current hash differs from `object_hash`, an editor changed it: the loader skips
    it and reports it.
    """

    key = models.CharField(_("Kennung"), max_length=200, unique=True)
    data_hash = models.CharField(_("Prüfsumme der Daten"), max_length=64)
    object_hash = models.CharField(_("Prüfsumme des Objekts"), max_length=64)
    loaded_at = models.DateTimeField(_("geladen"), auto_now=True)

    class Meta:
        verbose_name = _("geladener Erstinhalt")
        verbose_name_plural = _("geladene Erstinhalte")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("wartet")
    SENDING = "sending", _("wird gesendet")
    SENT = "sent", _("gesendet")
    FAILED = "failed", _("fehlgeschlagen")
    CANCELLED = "cancelled", _("verworfen")


class OutgoingMail(models.Model):
    """One e-mail of the outbox (core/mail.py): written in the transaction that decides it, sent
    by the worker, and kept as the record of what went out (to whom, which kind, when, result).

    The text is stored only until it is sent; `key` is unique, so a decision enqueued twice or
    a batch retried after a failure never yields a second mail.
    """

    key = models.CharField(_("Schlüssel"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=80, db_index=True)
    recipient = models.EmailField(_("Empfänger"), max_length=254)
    subject = models.CharField(_("Betreff"), max_length=255)
    body = models.TextField(_("Text"), blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    base_url = models.CharField(_("Basisadresse der Links"), max_length=200)
    batch = models.CharField(_("Sendung"), max_length=100, blank=True)
    # Dotted path of a function marked with core.mail.mail_attachments that adds the heavy parts
    # (PDF, calendar file, HTML) when the worker sends the mail; empty for plain text mails.
    attachments_from = models.CharField(max_length=200, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.CharField(_("Letzter Fehler"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Angelegt am"), default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(_("Letzter Versuch"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("E-Mail")
        verbose_name_plural = _("Gesendete E-Mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["batch", "status"], name="outgoingmail_batch_status"),
            models.Index(fields=["content_type", "object_id"], name="outgoingmail_object"),
            models.Index(fields=["status", "next_attempt_at"], name="outgoingmail_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MailStatus.values), name="outgoingmail_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient}"


# Regions a record can serve or sit in: districts and district-free cities, not the state.
DISTRICT_CHOICES = {"kind__in": ["urban_district", "rural_district"]}


def districts_field(verbose_name, *, related_name: str) -> ParentalManyToManyField:
    """The districts a record serves (actors) or is available in (offers)."""
    return ParentalManyToManyField(
        "core.Region",
        verbose_name=verbose_name,
        related_name=related_name,
        blank=True,
        limit_choices_to=DISTRICT_CHOICES,
    )


class PublicRecord(models.Model):
    """What the public records of the directory and the catalogue (actors, offers) keep besides
    their content: the search document behind their full-text index (core.fulltext_db), the demo
    flag (set by the demo loader) and when they were created and last changed."""

    search_document = models.TextField(editable=False, blank=True, default="")
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        abstract = True


class ContentVersion(models.Model):
    """One row per scope whose counter database triggers move with every write the public pages
    read (`lotse.core.versioning`): the whole-response cache of the public pages
    (`lotse.core.page_cache`) keys its entries by these versions, so a page is rebuilt after
    any change, also after bulk writes and raw SQL that bypass Django's signals. `token`
    (random, new with every write) tells versions apart after the table was emptied (tests,
    restores), when the counter starts again."""

    scope = models.CharField(primary_key=True, max_length=40)
    version = models.PositiveBigIntegerField(default=0)
    token = models.CharField(max_length=40, default="", blank=True)

    class Meta:
        verbose_name = _("Inhaltsstand")
        verbose_name_plural = _("Inhaltsstände")

    def __str__(self) -> str:
        return f"{self.scope} {self.version} ({self.token})"
