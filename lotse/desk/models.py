"""The inquiry desk: questions to the centre, their handling, answers and statistics.

An `Inquiry` belongs to a topic; the Tarif desk ("Tarifauskunft") is the first. The contact data,
the free text and the answer are personal data: they are emptied after the retention period
(`personal_data_deleted_at`), while the statistical fields (topic, sector, question kind, dates,
turnaround) stay. Rules that must never break are database constraints.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.core.constraints import period_order_constraint, text_length_constraint

MESSAGE_MAX_LENGTH = 4000
ANSWER_MAX_LENGTH = 20000
ATTACHMENT_MAX_LENGTH = 20000
NOTE_MAX_LENGTH = 4000


def optional_reference(to, verbose_name, *, on_delete=models.PROTECT, related_name="+"):
    """An optional foreign key (null and blank), protected unless told otherwise."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
    )


class Topic(models.TextChoices):
    TARIFF = "tarif", _("Tarifauskunft")
    GENERAL = "allgemein", _("Lotsendienst")


# Reference prefixes per topic: TA-2026-00042, LD-2026-00007.
REFERENCE_PREFIXES = {Topic.TARIFF: "TA", Topic.GENERAL: "LD"}


class RequesterType(models.TextChoices):
    COMPANY = "betrieb", _("Betrieb oder Unternehmen")
    WORKER = "beschaeftigte", _("Beschäftigte oder Arbeitsuchende")
    ABROAD = "ausland", _("Fachkraft im Ausland")
    PARTNER = "partner", _("Partnerorganisation")


class Channel(models.TextChoices):
    WEB = "formular", _("Formular im Portal")
    OFFER = "angebot", _("Anfrage an den Anbieter (Angebotsseite)")
    ACTOR = "akteur", _("Kontakt aufnehmen (Akteursseite)")
    GUIDANCE = "wegweiser", _("Wegweiser (Plan besprechen)")
    PHONE = "telefon", _("Telefon")
    EMAIL = "email", _("E-Mail")


STAFF_CHANNELS = (Channel.PHONE, Channel.EMAIL)


class ContactPreference(models.TextChoices):
    EMAIL = "email", _("per E-Mail")
    PHONE = "telefon", _("per Telefon")


class QuestionKind(models.TextChoices):
    PAY = "entgelt", _("Entgelt, Lohn und Gehalt")
    GRADING = "eingruppierung", _("Eingruppierung")
    NOTICE = "kuendigung", _("Kündigungsfristen")
    TRAINEE_PAY = "ausbildung", _("Ausbildungsvergütung")
    WORKING_TIME = "arbeitszeit", _("Arbeitszeit und Urlaub")
    AVE = "ave", _("Allgemeinverbindlichkeit (AVE)")
    OTHER = "sonstiges", _("Sonstiges")


class Status(models.TextChoices):
    NEW = "neu", _("Neu")
    IN_PROGRESS = "in_bearbeitung", _("In Bearbeitung")
    REFERRED = "verwiesen", _("Verwiesen")
    ANSWERED = "beantwortet", _("Beantwortet")
    CLOSED = "abgeschlossen", _("Abgeschlossen")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

# The inbox order: open inquiries first (by due date), then the answered and closed ones.
OPEN_FIRST = Case(
    When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
)

# Statuses that count as the desk's first response (service level).
RESPONDED_STATUSES = (Status.REFERRED, Status.ANSWERED)

# Allowed status changes. Closing without an answer (duplicates, spam, withdrawn questions) is
# allowed from every open status; answering happens only by sending the answer, "referred" only
# by referring the inquiry to a partner.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.IN_PROGRESS, Status.CLOSED),
    Status.IN_PROGRESS: (Status.NEW, Status.CLOSED),
    Status.REFERRED: (Status.IN_PROGRESS, Status.CLOSED),
    Status.ANSWERED: (Status.IN_PROGRESS, Status.CLOSED),
    Status.CLOSED: (),
}


class ReferenceCounter(models.Model):
    """The last reference number given out per prefix and year (one row, updated under lock)."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="desk_counter_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class ConsentKind(models.TextChoices):
    INQUIRY = "anfrage", _("Verarbeitung der Anfrage")
    REFERRAL = "weitergabe", _("Weitergabe an eine Partnerorganisation")


class ConsentText(models.Model):
    """A versioned consent text: the version the asker agreed to is stored with the inquiry
    (and with each referral), so a later change of the wording never rewrites what was agreed."""

    kind = models.CharField(_("Art"), max_length=20, choices=ConsentKind.choices)
    version = models.PositiveIntegerField(_("Version"))
    text = models.TextField(_("Text (deutsch)"))
    text_en = models.TextField(_("Text (englisch)"), blank=True)
    valid_from = models.DateTimeField(_("gültig ab"), default=timezone.now)

    class Meta:
        verbose_name = _("Einwilligungstext")
        verbose_name_plural = _("Einwilligungstexte")
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="desk_consent_unique_version"),
            models.CheckConstraint(condition=~Q(text=""), name="desk_consent_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    def text_for(self, language: str) -> str:
        return self.text_en if language.startswith("en") and self.text_en else self.text


# An inquiry's personal data: emptied when it is erased (services), which a constraint checks.
PERSONAL_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_organisation",
    "message",
    "answer_text",
    "attachment_text",
)


class InquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)


class Inquiry(models.Model):
    reference = models.CharField(_("Aktenzeichen"), max_length=20, unique=True)
    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices)
    sector = models.CharField(_("Branche"), max_length=200, blank=True)
    wz_code = models.CharField(_("WZ-Code"), max_length=10, blank=True)
    question_kind = models.CharField(
        _("Art der Frage"), max_length=20, choices=QuestionKind.choices, blank=True
    )
    # The general desk (Lotsendienst): who asks, about which topic field, from which district.
    requester_type = models.CharField(
        _("Wer fragt"), max_length=20, choices=RequesterType.choices, blank=True
    )
    topic_field = optional_reference("core.TopicField", _("Themenfeld"))
    district = optional_reference("core.Region", _("Landkreis / Stadt"))
    channel = models.CharField(
        _("Eingangsweg"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    # The language the asker would like to be advised in (core.Language code; "dgs": sign language).
    preferred_language = models.CharField(_("Gewünschte Sprache"), max_length=3, blank=True)
    contact_preference = models.CharField(
        _("Bevorzugter Kontaktweg"), max_length=20, choices=ContactPreference.choices, blank=True
    )
    consent_text = optional_reference(ConsentText, _("Einwilligungstext"))
    # The organisation asked from its offer or actor page (the inquiry is referred to it).
    actor = optional_reference(
        "network.Actor",
        _("Angefragte Organisation"),
        on_delete=models.SET_NULL,
        related_name="desk_inquiries",
    )
    source_label = models.CharField(_("Bezug"), max_length=300, blank=True)
    attachment_text = models.TextField(_("Anhang (z. B. Plan aus dem Wegweiser)"), blank=True)
    message = models.TextField(_("Frage"), blank=True)
    contact_name = models.CharField(_("Name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    consent = models.BooleanField(_("Einwilligung in die Verarbeitung"))
    language = models.CharField(_("Sprache"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assignee = optional_reference(
        settings.AUTH_USER_MODEL,
        _("Zuständig"),
        on_delete=models.SET_NULL,
        related_name="desk_inquiries",
    )
    # The asker's links (consent, withdrawal) carry this random token, never the id.
    token = models.CharField(max_length=43, unique=True, null=True, blank=True, editable=False)
    consent_withdrawn_at = models.DateTimeField(
        _("Einwilligung widerrufen am"), null=True, blank=True
    )
    first_response_at = models.DateTimeField(_("Erste Reaktion am"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("Eskaliert am"), null=True, blank=True)
    received_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now)
    due_date = models.DateField(_("Zu beantworten bis"))
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)
    answer_text = models.TextField(_("Antwort"), blank=True)
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, blank=True)
    # Working days from receipt to the answer; kept for the statistics after deletion.
    turnaround_days = models.PositiveIntegerField(
        _("Bearbeitungsdauer (Arbeitstage)"), null=True, blank=True
    )
    personal_data_deleted_at = models.DateTimeField(
        _("Personenbezogene Daten gelöscht am"), null=True, blank=True
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["topic", "status", "due_date"], name="desk_inq_topic_status_due"),
            models.Index(fields=["received_at"], name="desk_inquiry_received"),
            models.Index(fields=["status", "due_date"], name="desk_inq_status_due"),
            # The inbox order of selectors.inquiries_list: open first, next due first.
            models.Index(
                F("topic"),
                OPEN_FIRST,
                F("due_date"),
                F("received_at"),
                F("id"),
                name="desk_inq_inbox_order",
            ),
            # The inbox filtered by district and topic field (selectors.inquiries_list), with
            # status and the overdue condition: an index-only count, a few heap rows to list.
            models.Index(
                fields=["topic", "district", "topic_field", "status", "due_date"],
                name="desk_inq_filter",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="desk_inquiry_consent_given"),
            text_length_constraint(
                "desk_inquiry_message_max_length", field="message", limit=MESSAGE_MAX_LENGTH
            ),
            models.CheckConstraint(
                condition=~Q(topic=Topic.TARIFF) | (~Q(sector="") & ~Q(question_kind="")),
                name="desk_inquiry_tariff_sector_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=False)
                | ~Q(contact_email="")
                | ~Q(contact_phone=""),
                name="desk_inquiry_contact_until_deleted",
            ),
            text_length_constraint(
                "desk_inquiry_attachment_max_length",
                field="attachment_text",
                limit=ATTACHMENT_MAX_LENGTH,
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.ANSWERED) | Q(answered_at__isnull=False),
                name="desk_inquiry_answered_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.CLOSED, closed_at__isnull=False)
                | (~Q(status=Status.CLOSED) & Q(closed_at__isnull=True)),
                name="desk_inquiry_closed_iff_closed_at",
            ),
            period_order_constraint(
                "desk_inquiry_answer_after_receipt", start="received_at", end="answered_at"
            ),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=True)
                | Q(status__in=[Status.ANSWERED, Status.CLOSED]),
                name="desk_inquiry_deleted_only_when_done",
            ),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=True)
                | Q(**dict.fromkeys(PERSONAL_FIELDS, "")),
                name="desk_inquiry_deleted_means_empty",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_STATUSES and self.due_date < today

    @property
    def consent_withdrawn(self) -> bool:
        return self.consent_withdrawn_at is not None

    @property
    def personal_data_deleted(self) -> bool:
        return self.personal_data_deleted_at is not None


class AnswerTemplate(models.Model):
    """A reusable text block for answers, with placeholders filled in when it is chosen."""

    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices, default=Topic.TARIFF)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Text"),
        help_text=_(
            "Platzhalter: {anrede} (Anrede), {name} (Name der anfragenden Person), "
            "{reference} (Aktenzeichen), {lookup} (Ergebnis der Tarifauskunft mit Stichtag)."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("Textbaustein")
        verbose_name_plural = _("Textbausteine")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "title"], name="desk_template_unique_title"),
            models.CheckConstraint(condition=~Q(title=""), name="desk_template_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title


class InquiryNote(models.Model):
    """An internal note of the staff on an inquiry (never shown to the asker or a partner)."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Notiz"))
    created_at = models.DateTimeField(_("erstellt"), default=timezone.now)

    class Meta:
        verbose_name = _("Interne Notiz")
        verbose_name_plural = _("Interne Notizen")
        ordering = ["created_at", "pk"]
        constraints = [
            text_length_constraint("desk_note_max_length", field="text", limit=NOTE_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.inquiry} {self.created_at:%Y-%m-%d}"


class ReferralStatus(models.TextChoices):
    AWAITING_CONSENT = "einwilligung_offen", _("Einwilligung angefragt")
    CONTACT_ONLY = "nur_kontakt", _("Nur Kontakt weitergegeben (ohne Einwilligung)")
    OFFERED = "angeboten", _("Wartet auf Annahme")
    ACCEPTED = "angenommen", _("Angenommen")
    DECLINED = "abgelehnt", _("Abgelehnt")
    COMPLETED = "erledigt", _("Erledigt")


# Referrals the partner sees (they carry personal data only while the consent stands).
PARTNER_STATUSES = (
    ReferralStatus.OFFERED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.COMPLETED,
)


class ConsentMethod(models.TextChoices):
    FORM = "formular", _("im Formular")
    MAIL_LINK = "email_link", _("per Bestätigungslink")
    PHONE = "telefon", _("telefonisch (von der Mitarbeiterin / dem Mitarbeiter erfasst)")


class ReferralConsent(models.TextChoices):
    """How the consent for a referral is obtained when staff refer an inquiry."""

    MAIL_LINK = "link", _("Einwilligung per E-Mail-Link erfragen")
    PHONE = "telefon", _("Einwilligung wurde telefonisch erteilt")
    NONE = (
        "ohne",
        _("Ohne Weitergabe: nur den öffentlichen Kontakt an die anfragende Person"),
    )


class ReferralOutcome(models.TextChoices):
    ADVICE = "beratung", _("Beratung erfolgt")
    OFFER_TAKEN = "angebot_genutzt", _("Angebot wahrgenommen")
    NOT_REACHABLE = "nicht_erreichbar", _("Nicht erreichbar")
    NOT_NEEDED = "kein_bedarf", _("Kein Bedarf mehr")
    OTHER = "sonstiges", _("Sonstiges")


class Referral(models.Model):
    """Verweisung: an inquiry handed on to a network partner.

    Personal data goes to the partner only with the asker's consent for that partner (method,
    consent text version, time, purpose and the data passed are recorded). The partner's view
    reads the copy on this row (`contact_*`, `message`), which is emptied at once when the
    consent is withdrawn and with the inquiry's retention.
    """

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="referrals")
    actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("Partnerorganisation"),
        on_delete=models.PROTECT,
        related_name="desk_referrals",
    )
    status = models.CharField(_("Status"), max_length=20, choices=ReferralStatus.choices)
    purpose = models.CharField(_("Zweck der Weitergabe"), max_length=300)
    data_passed = models.CharField(_("Weitergegebene Daten"), max_length=300, blank=True)
    consent_method = models.CharField(
        _("Einwilligung"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_text = models.ForeignKey(
        ConsentText, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consent_given_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True)
    consent_token = models.CharField(max_length=43, unique=True, null=True, editable=False)  # noqa: DJ001 (unique: NULL, never "")
    created_at = models.DateTimeField(_("verwiesen am"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offered_at = models.DateTimeField(_("an den Partner gegeben am"), null=True, blank=True)
    accept_due = models.DateField(_("Annahme bis"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    declined_at = models.DateTimeField(_("abgelehnt am"), null=True, blank=True)
    decline_reason = models.CharField(_("Grund der Ablehnung"), max_length=500, blank=True)
    outcome = models.CharField(
        _("Ergebnis"), max_length=20, choices=ReferralOutcome.choices, blank=True
    )
    completed_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("eskaliert am"), null=True, blank=True)
    # The partner's copy of the personal data (only with consent; emptied on withdrawal).
    contact_name = models.CharField(_("Name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    message = models.TextField(_("Frage"), blank=True)

    class Meta:
        verbose_name = _("Verweisung")
        verbose_name_plural = _("Verweisungen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["actor", "status"], name="desk_referral_actor_status"),
            models.Index(fields=["status", "accept_due"], name="desk_referral_status_due"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "actor"], name="desk_referral_unique"),
            models.CheckConstraint(
                condition=Q(
                    status__in=[ReferralStatus.AWAITING_CONSENT, ReferralStatus.CONTACT_ONLY]
                )
                | Q(consent_given_at__isnull=False),
                name="desk_referral_partner_needs_consent",
            ),
            models.CheckConstraint(
                condition=Q(consent_given_at__isnull=False)
                | Q(contact_name="", contact_email="", contact_phone="", message=""),
                name="desk_referral_no_copy_without_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inquiry} → {self.actor}"

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == ReferralStatus.OFFERED
            and self.accept_due is not None
            and self.accept_due < today
        )

    @property
    def has_personal_data(self) -> bool:
        return bool(self.contact_name or self.contact_email or self.contact_phone or self.message)


class InquiryFact(models.Model):
    """One anonymised row per inquiry for the statistics: no name, no text, no contact.

    It outlives the personal data (and the inquiry itself: the link is set to NULL)."""

    inquiry = models.OneToOneField(
        Inquiry, null=True, on_delete=models.SET_NULL, related_name="fact"
    )
    month = models.DateField(_("Monat des Eingangs"))  # the first day of the month
    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices)
    topic_field = models.CharField(_("Themenfeld"), max_length=60, blank=True)
    district = models.CharField(_("Landkreis / Stadt (AGS)"), max_length=8, blank=True)
    requester_type = models.CharField(_("Wer fragt"), max_length=20, blank=True)
    language = models.CharField(_("Sprache"), max_length=5)
    channel = models.CharField(_("Eingangsweg"), max_length=20)
    outcome = models.CharField(_("Ergebnis"), max_length=20)
    turnaround_days = models.PositiveIntegerField(_("Arbeitstage bis zur Reaktion"), null=True)
    first_response_met = models.BooleanField(_("Erste Reaktion im Servicelevel"), null=True)
    partner_acceptance_met = models.BooleanField(_("Annahme im Servicelevel"), null=True)

    class Meta:
        verbose_name = _("Statistikzeile")
        verbose_name_plural = _("Statistikzeilen")
        indexes = [models.Index(fields=["month", "topic"], name="desk_fact_month_topic")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.topic}"
