"""Events (Veranstaltungen): sites, agenda, working groups, registrations and check-in.

Capacity is an invariant of the database: every site and working group keeps a `booked` counter
that a CheckConstraint holds at or below `capacity`; services take places with one conditional
UPDATE (or under a row lock) and never count-then-insert. An online site is a site without a
room; its capacity may be empty (unlimited).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from lotse.core.constraints import period_order_constraint
from lotse.core.models import DISTRICT_CHOICES
from lotse.core.validators import no_control_characters
from lotse.network.models import postcode_validator

ONE_LINE = [no_control_characters]


class EventKind(models.TextChoices):
    NETWORK_MEETING = "netzwerktreffen", _("Netzwerktreffen")
    FORUM = "fachforum", _("Fachforum")
    ROUND_TABLE = "runder_tisch", _("Runder Tisch")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("Angekündigt")
    REGISTRATION_OPEN = "registration_open", _("Anmeldung offen")
    CLOSED = "closed", _("Anmeldung geschlossen")
    HELD = "held", _("Durchgeführt")
    DOCUMENTED = "documented", _("Dokumentiert")


# Statuses in which the event is visible on the portal and in the open data.
PUBLIC_STATUSES = (
    EventStatus.PUBLISHED,
    EventStatus.REGISTRATION_OPEN,
    EventStatus.CLOSED,
    EventStatus.HELD,
    EventStatus.DOCUMENTED,
)


def default_retention_days() -> int:
    return settings.LOTSE_EVENT_RETENTION_DAYS


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def for_user(self, user):
        """Events a partner user may manage: organised or co-organised by their organisations."""
        return self.filter(
            Q(organiser__memberships__user=user) | Q(co_organisers__memberships__user=user)
        ).distinct()


class Event(ClusterableModel):
    """Veranstaltung: one event, held at one or more sites (and/or online) on its date(s)."""

    title = models.CharField(_("Titel"), max_length=200, validators=ONE_LINE)
    slug = models.SlugField(_("Kennung in der Adresse"), max_length=120, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300, validators=ONE_LINE)
    description = RichTextField(_("Beschreibung"), blank=True)
    kind = models.CharField(_("Art"), max_length=20, choices=EventKind.choices)
    status = models.CharField(
        _("Status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    topic_fields = ParentalManyToManyField(
        "core.TopicField", verbose_name=_("Themenfelder"), related_name="events", blank=True
    )
    languages = ParentalManyToManyField(
        "core.Language", verbose_name=_("Sprachen"), related_name="events", blank=True
    )
    organiser = models.ForeignKey(
        "network.Actor",
        verbose_name=_("Veranstalter"),
        on_delete=models.PROTECT,
        related_name="events_organised",
    )
    co_organisers = ParentalManyToManyField(
        "network.Actor",
        verbose_name=_("Mitveranstalter"),
        related_name="events_co_organised",
        blank=True,
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    registration_opens_at = models.DateTimeField(_("Anmeldung ab"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("Anmeldung bis"), null=True, blank=True)

    # Registration form settings: which optional fields are asked.
    ask_organisation = models.BooleanField(_("Organisation abfragen"), default=True)
    ask_actor_type = models.BooleanField(_("Akteurstyp abfragen"), default=True)
    ask_district = models.BooleanField(_("Landkreis/Stadt abfragen"), default=True)
    ask_role = models.BooleanField(_("Funktion abfragen"), default=True)
    ask_dietary_needs = models.BooleanField(_("Verpflegungswünsche abfragen"), default=False)
    ask_accessibility_needs = models.BooleanField(
        _("Barrierefreiheitsbedarf abfragen"), default=True
    )
    ask_participant_list_consent = models.BooleanField(
        _("Einwilligung Teilnehmendenliste abfragen"), default=True
    )
    ask_photo_consent = models.BooleanField(_("Einwilligung Fotos abfragen"), default=True)
    ask_stream_consent = models.BooleanField(_("Einwilligung Livestream abfragen"), default=False)
    max_group_size = models.PositiveSmallIntegerField(
        _("Höchstzahl Personen je Anmeldung"),
        default=5,
        help_text=_(
            "Eine Person kann Kolleginnen und Kollegen derselben Organisation mit anmelden."
        ),
    )
    hold_hours = models.PositiveSmallIntegerField(
        _("Bestätigungsfrist (Stunden)"),
        default=24,
        help_text=_("So lange wird ein Platz gehalten, bis der Link in der E-Mail geklickt ist."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("Annahmefrist beim Nachrücken (Stunden)"), default=48
    )
    retention_days = models.PositiveSmallIntegerField(
        _("Löschfrist personenbezogener Daten (Tage nach der Veranstaltung)"),
        default=default_retention_days,
    )

    # Documentation (after the event).
    documentation = RichTextField(_("Ergebnisse und Dokumentation"), blank=True)
    personal_data_deleted_at = models.DateTimeField(
        _("Personenbezogene Daten gelöscht am"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "title"]
        indexes = [models.Index(fields=["status", "starts_at"], name="events_status_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="events_event_ends_after_start"
            ),
            period_order_constraint(
                "events_event_registration_window_order",
                start="registration_opens_at",
                end="registration_closes_at",
                open_start=True,
            ),
            models.CheckConstraint(
                condition=Q(max_group_size__gte=1), name="events_event_group_size_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title


def booked_within_capacity(name: str) -> models.CheckConstraint:
    """No more seats `booked` than the `capacity` (an open capacity, NULL, has no limit): the
    seats of a site and of a working group."""
    return models.CheckConstraint(
        condition=Q(capacity__isnull=True) | Q(booked__lte=F("capacity")), name=name
    )


class Site(Orderable):
    """Standort: one place of an event with its own capacity and check-in; or online."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(
        _("Name"),
        max_length=120,
        help_text=_("z. B. Görlitz oder Online"),
        validators=ONE_LINE,
    )
    is_online = models.BooleanField(_("Online-Teilnahme (Livestream)"), default=False)
    venue = models.CharField(
        _("Veranstaltungsort"), max_length=200, blank=True, validators=ONE_LINE
    )
    street = models.CharField(
        _("Straße und Hausnummer"), max_length=200, blank=True, validators=ONE_LINE
    )
    postcode = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True, validators=ONE_LINE)
    district = models.ForeignKey(
        "core.Region",
        verbose_name=_("Landkreis/Stadt"),
        on_delete=models.PROTECT,
        related_name="event_sites",
        null=True,
        blank=True,
        limit_choices_to=DISTRICT_CHOICES,
    )
    room = models.CharField(_("Raum"), max_length=120, blank=True, validators=ONE_LINE)
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        help_text=_("Leer lassen nur bei Online-Teilnahme ohne Begrenzung."),
    )
    # Held + confirmed + offered registrations; changed only by the services, by conditional
    # UPDATEs, and kept <= capacity by the database.
    booked = models.PositiveIntegerField(_("Belegt"), default=0, editable=False)
    step_free = models.BooleanField(_("Stufenloser Zugang"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    accessible_toilet = models.BooleanField(_("Barrierefreies WC"), default=False)
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), blank=True)
    arrival_info = models.TextField(_("Anreise"), blank=True)
    stream_url = models.URLField(
        _("Link zum Livestream"),
        blank=True,
        help_text=_("Nur für Online-Teilnahme; erst nach bestätigter Anmeldung sichtbar."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")
        constraints = [
            booked_within_capacity("events_site_booked_within_capacity"),
            models.CheckConstraint(
                condition=Q(is_online=True) | Q(capacity__isnull=False),
                name="events_site_capacity_required_on_site",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def free_places(self) -> int | None:
        """Free places now, or None when unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.booked, 0)


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200, required=False)
    role = blocks.CharBlock(label=_("Funktion"), max_length=120, required=False)

    class Meta:
        label = _("Referentin/Referent")
        icon = "user"


class WorkingGroup(Orderable):
    """Arbeitsgruppe / parallel track with its own capacity, chosen at registration."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="working_groups")
    title = models.CharField(_("Titel"), max_length=200, validators=ONE_LINE)
    description = models.TextField(_("Beschreibung"), blank=True)
    site = models.ForeignKey(
        Site,
        verbose_name=_("Standort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
        help_text=_("Leer: offen für alle Standorte."),
    )
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    booked = models.PositiveIntegerField(_("Belegt"), default=0, editable=False)
    results = RichTextField(_("Ergebnisse"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Arbeitsgruppe")
        verbose_name_plural = _("Arbeitsgruppen")
        constraints = [
            booked_within_capacity("events_workinggroup_booked_within_capacity"),
        ]

    def __str__(self) -> str:
        return self.title


class Session(ClusterableModel, Orderable):
    """Programmpunkt: at one site, or at all sites (streamed) when no site is set."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"), null=True, blank=True)
    title = models.CharField(_("Titel"), max_length=200, validators=ONE_LINE)
    description = models.TextField(_("Beschreibung"), blank=True)
    site = models.ForeignKey(
        Site,
        verbose_name=_("Standort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("Leer: an allen Standorten (per Livestream übertragen)."),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    speakers = StreamField([("speaker", SpeakerBlock())], blank=True, verbose_name=_("Mitwirkende"))
    documents = ParentalManyToManyField(
        "wagtaildocs.Document",
        verbose_name=_("Folien und Ergebnisse"),
        related_name="event_sessions",
        blank=True,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programm")
        constraints = [
            period_order_constraint(
                "events_session_ends_after_start", start="starts_at", end="ends_at"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Freitext")
    CHOICE = "choice", _("Auswahl")
    YES_NO = "yes_no", _("Ja/Nein")


class CustomQuestion(Orderable):
    """An extra question of the registration form; answers are stored on the registration."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("Frage"), max_length=200, validators=ONE_LINE)
    help_text = models.CharField(_("Hilfetext"), max_length=300, blank=True)
    kind = models.CharField(
        _("Art"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(_("Antwortmöglichkeiten"), blank=True, help_text=_("Eine je Zeile."))
    required = models.BooleanField(_("Pflichtfeld"), default=False)
    # English texts for the English pages; empty: the German text is shown with a notice.
    label_en = models.CharField(
        _("Frage (Englisch)"), max_length=200, blank=True, validators=ONE_LINE
    )
    help_text_en = models.CharField(_("Hilfetext (Englisch)"), max_length=300, blank=True)
    choices_en = models.TextField(
        _("Antwortmöglichkeiten (Englisch)"),
        blank=True,
        help_text=_("Eine je Zeile, in derselben Reihenfolge wie die deutschen."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Zusatzfrage")
        verbose_name_plural = _("Zusatzfragen")

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def in_language(self, language: str) -> tuple[str, str, list[tuple[str, str]], bool]:
        """Label, help text and choices (stored German value, shown text) for the language,
        and whether German had to stand in for a missing translation."""
        german = self.choice_list()
        if not language.startswith("en"):
            return self.label, self.help_text, [(c, c) for c in german], False
        english = [line.strip() for line in self.choices_en.splitlines() if line.strip()]
        translated_choices = len(english) == len(german)
        choices = list(zip(german, english if translated_choices else german, strict=True))
        fallback = (
            not self.label_en
            or bool(self.help_text and not self.help_text_en)
            or bool(german and not translated_choices)
        )
        return (
            self.label_en or self.label,
            self.help_text_en or self.help_text,
            choices,
            fallback,
        )


class RegistrationStatus(models.TextChoices):
    HELD = "held", _("Platz gehalten, E-Mail unbestätigt")
    CONFIRMED = "confirmed", _("Bestätigt")
    WAITLISTED = "waitlisted", _("Warteliste")
    OFFERED = "offered", _("Nachgerückt, Annahme offen")
    CANCELLED = "cancelled", _("Storniert")
    EXPIRED = "expired", _("Verfallen")


# Statuses that occupy a place at the site (counted in Site.booked).
SEAT_STATUSES = (RegistrationStatus.HELD, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)
# Statuses of a registration that is still alive (one per e-mail address and event).
ACTIVE_STATUSES = (*SEAT_STATUSES, RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    """Anmeldung of one person for one site of an event (no account needed).

    `token` is the secret of the personal link (see/change/cancel, confirm, accept); `code` is
    the short code on the ticket and in the QR code for the check-in. Personal fields are blanked
    by the retention task (`anonymised_at`); site, status, actor type, district and check-in time
    stay, so the participant structure report stays correct.
    """

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="registrations")
    working_groups = models.ManyToManyField(
        WorkingGroup, verbose_name=_("Arbeitsgruppen"), related_name="registrations", blank=True
    )
    status = models.CharField(_("Status"), max_length=12, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=64, unique=True, editable=False)
    code = models.CharField(_("Ticketcode"), max_length=12, unique=True, editable=False)
    registered_by = models.ForeignKey(
        "self",
        verbose_name=_("Angemeldet durch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="colleagues",
    )

    first_name = models.CharField(_("Vorname"), max_length=100, validators=ONE_LINE)
    last_name = models.CharField(_("Nachname"), max_length=100, validators=ONE_LINE)
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254)
    organisation = models.CharField(
        _("Organisation"), max_length=200, blank=True, validators=ONE_LINE
    )
    actor_type = models.ForeignKey(
        "core.ActorType",
        verbose_name=_("Akteurstyp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    district = models.ForeignKey(
        "core.Region",
        verbose_name=_("Landkreis/Stadt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    role = models.CharField(_("Funktion"), max_length=120, blank=True, validators=ONE_LINE)
    dietary_needs = models.CharField(_("Verpflegung"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("Barrierefreiheit"), max_length=500, blank=True)
    answers = models.JSONField(_("Antworten auf Zusatzfragen"), default=dict, blank=True)
    consent_participant_list = models.BooleanField(_("Teilnehmendenliste"), default=False)
    consent_photos = models.BooleanField(_("Fotos"), default=False)
    consent_stream = models.BooleanField(_("Livestream"), default=False)
    language = models.CharField(_("Sprache"), max_length=8, default="de")

    created_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    hold_expires_at = models.DateTimeField(_("Bestätigung bis"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("Annahme bis"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Storniert am"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("Eingelassen am"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingelassen durch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The last time the personal link was mailed again because someone registered the same
    # address anew (claimed by a conditional UPDATE: at most one such mail per interval).
    link_resent_at = models.DateTimeField(null=True, blank=True, editable=False)
    thanks_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["site", "status", "id"], name="events_reg_site_status_idx"),
            models.Index(fields=["event", "status"], name="events_reg_event_status_idx"),
            models.Index(fields=["event", "last_name"], name="events_reg_event_name_idx"),
        ]
        constraints = [
            # One live registration per e-mail address and event (case-folded by the services).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(
                    status__in=[
                        "held",
                        "confirmed",
                        "waitlisted",
                        "offered",
                    ],
                    anonymised_at__isnull=True,
                ),
                name="events_registration_one_active_per_email",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status="confirmed"),
                name="events_registration_checkin_only_confirmed",
            ),
        ]

    def __str__(self) -> str:
        if self.anonymised_at:
            return f"#{self.pk} (anonymisiert)"
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class EventMessage(models.Model):
    """A message the organisers mailed to all participants or to one site's participants."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    subject = models.CharField(_("Betreff"), max_length=200, validators=ONE_LINE)
    body = models.TextField(_("Text"))
    sent_at = models.DateTimeField(_("Gesendet am"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recipient_count = models.PositiveIntegerField(_("Empfänger"), default=0)

    class Meta:
        verbose_name = _("Nachricht an Teilnehmende")
        verbose_name_plural = _("Nachrichten an Teilnehmende")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.subject
