"""The inquiry desk: questions to the centre, their handling, answers and statistics.

An `Inquiry` belongs to a topic; the Tarif desk ("Tarifauskunft") is the first. The contact data,
the free text and the answer are personal data: they are emptied after the retention period
(`personal_data_deleted_at`), while the statistical fields (topic, sector, question kind, dates,
turnaround) stay. Rules that must never break are database constraints.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 4000
ANSWER_MAX_LENGTH = 20000


class Topic(models.TextChoices):
    TARIFF = "tarif", _("Tarifauskunft")


# Reference prefixes per topic: TA-2026-00042.
REFERENCE_PREFIXES = {Topic.TARIFF: "TA"}


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
    ANSWERED = "beantwortet", _("Beantwortet")
    CLOSED = "abgeschlossen", _("Abgeschlossen")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

# Allowed status changes. Closing without an answer (duplicates, spam, withdrawn questions) is
# allowed from every open status; answering happens only by sending the answer.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.IN_PROGRESS, Status.CLOSED),
    Status.IN_PROGRESS: (Status.NEW, Status.CLOSED),
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


class InquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)


class Inquiry(models.Model):
    reference = models.CharField(_("Aktenzeichen"), max_length=20, unique=True)
    topic = models.CharField(_("Thema"), max_length=20, choices=Topic.choices)
    sector = models.CharField(_("Branche"), max_length=200)
    wz_code = models.CharField(_("WZ-Code"), max_length=10, blank=True)
    question_kind = models.CharField(
        _("Art der Frage"), max_length=20, choices=QuestionKind.choices
    )
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
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desk_inquiries",
    )
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
        ]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="desk_inquiry_consent_given"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
                name="desk_inquiry_message_max_length",
            ),
            models.CheckConstraint(condition=~Q(sector=""), name="desk_inquiry_sector_not_empty"),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=False) | ~Q(contact_email=""),
                name="desk_inquiry_email_until_deleted",
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
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | Q(answered_at__gte=F("received_at")),
                name="desk_inquiry_answer_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=True)
                | Q(status__in=[Status.ANSWERED, Status.CLOSED]),
                name="desk_inquiry_deleted_only_when_done",
            ),
            models.CheckConstraint(
                condition=Q(personal_data_deleted_at__isnull=True)
                | Q(
                    contact_name="",
                    contact_email="",
                    contact_phone="",
                    contact_organisation="",
                    message="",
                    answer_text="",
                ),
                name="desk_inquiry_deleted_means_empty",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_STATUSES and self.due_date < today

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
