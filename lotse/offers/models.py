"""Support offers of the network's actors, reviewed by the centre before they are public.

An offer is a Wagtail snippet with drafts, revisions, locking and a moderation workflow: the
database row holds the published version, drafts live in revisions until the Redaktion approves.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from lotse.core.models import PublicRecord, districts_field


def confirmation_cutoff(now=None):
    """Offers last confirmed before this moment are no longer public."""
    now = now or timezone.now()
    return now - timedelta(days=settings.LOTSE_OFFER_CONFIRMATION_DAYS)


class OfferQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published, confirmed within the last 12 months, and not expired."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        return self.filter(
            live=True,
            confirmed_at__gte=confirmation_cutoff(now),
            actor__is_published=True,
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))

    def for_user(self, user):
        return self.filter(actor__memberships__user=user)

    def with_admin_state(self):
        """Workflow state and schedule for every row at once (the back-office list).

        Wagtail does this for pages (`prefetch_workflow_states`, `annotate_approved_schedule`);
        without it the status column costs two queries per offer.
        """
        from wagtail.models import Revision, WorkflowState

        return self.prefetch_related(
            Prefetch(
                "_workflow_states",
                queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                to_attr="_current_workflow_states",
            )
        ).annotate(
            _approved_schedule=Exists(
                Revision.objects.filter(
                    base_content_type__app_label="offers",
                    base_content_type__model="offer",
                    approved_go_live_at__isnull=False,
                    object_id=Cast(OuterRef("pk"), output_field=models.CharField()),
                )
            )
        )

    def confirmation_expired(self, now=None):
        """Published offers that dropped out of the catalogue: not confirmed for 12 months."""
        return self.filter(live=True).filter(
            Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=confirmation_cutoff(now))
        )

    def confirmation_due(self, now=None):
        """Published offers still public whose confirmation runs out within the reminder window."""
        now = now or timezone.now()
        reminder_from = confirmation_cutoff(now) + timedelta(
            days=settings.LOTSE_OFFER_REMINDER_DAYS
        )
        return self.filter(
            live=True,
            confirmed_at__gte=confirmation_cutoff(now),
            confirmed_at__lte=reminder_from,
        )


class Offer(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    PublicRecord,
    ClusterableModel,
):
    """Angebot: advice, a funding programme, a course, a service of an actor."""

    class Kind(models.TextChoices):
        ADVICE = "beratung", _("Beratung")
        FUNDING = "foerderprogramm", _("Förderprogramm")
        COURSE = "weiterbildung", _("Weiterbildung/Kurs")
        SERIES = "veranstaltungsreihe", _("Veranstaltungsreihe")
        SERVICE = "service", _("Service/Tool")
        NETWORK = "netzwerk", _("Netzwerk")

    class Cost(models.TextChoices):
        FREE = "kostenfrei", _("kostenfrei")
        PAID = "kostenpflichtig", _("kostenpflichtig")
        FUNDED = "gefoerdert", _("gefördert mit Eigenanteil")

    external_id = models.CharField(
        _("Externe Kennung"), max_length=64, unique=True, null=True, blank=True
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kennung in der Adresse"), max_length=200, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=400)
    description = models.TextField(_("Beschreibung"), max_length=8000, blank=True)
    actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("Anbieter"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    kind = models.CharField(_("Art"), max_length=32, choices=Kind.choices)
    topic_fields = ParentalManyToManyField(
        "core.TopicField", verbose_name=_("Themenfelder"), related_name="offers", blank=True
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", verbose_name=_("Zielgruppen"), related_name="offers", blank=True
    )
    statewide = models.BooleanField(_("landesweit verfügbar"), default=False)
    online = models.BooleanField(_("online verfügbar"), default=False)
    districts = districts_field(_("Verfügbar in (Landkreise/Städte)"), related_name="offers")
    languages = ParentalManyToManyField(
        "core.Language", verbose_name=_("Sprachen"), related_name="offers", blank=True
    )
    cost = models.CharField(_("Kosten"), max_length=32, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("Hinweis zu Kosten/Förderung"), max_length=300, blank=True)
    eligibility = models.TextField(_("Voraussetzungen"), max_length=2000, blank=True)
    for_micro = models.BooleanField(_("für Kleinstunternehmen (< 10)"), default=True)
    for_small = models.BooleanField(_("für kleine Unternehmen (10–49)"), default=True)
    for_medium = models.BooleanField(_("für mittlere Unternehmen (50–249)"), default=True)
    for_large = models.BooleanField(_("für große Unternehmen (250+)"), default=True)
    link = models.URLField(_("Weitere Informationen (Link)"), blank=True)
    contact = models.ForeignKey(
        "network.Contact",
        verbose_name=_("Ansprechperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
    )
    valid_from = models.DateField(_("gültig ab"), null=True, blank=True)
    valid_until = models.DateField(_("gültig bis"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("zuletzt bestätigt"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("Erinnerung versandt"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("endgültig abgelehnt am"), null=True, blank=True)
    rejection_reason = models.TextField(_("Begründung der Ablehnung"), max_length=2000, blank=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="offer_valid_until_after_from",
            ),
        ]
        indexes = [
            models.Index(fields=["live", "confirmed_at"], name="offer_public_idx"),
            models.Index(fields=["-first_published_at"], name="offer_newest_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    # Fields that belong to the offer as a whole, not to one revision: publishing an older
    # draft must never roll back a confirmation, a reminder or a rejection (see with_content_json).
    STATE_FIELDS = (
        "confirmed_at",
        "reminder_sent_at",
        "rejected_at",
        "rejection_reason",
        "search_document",
        "is_demo",
        "created_at",
    )

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.STATE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def approved_schedule(self):
        if hasattr(self, "_approved_schedule"):  # OfferQuerySet.with_admin_state
            return self._approved_schedule
        return super().approved_schedule

    @property
    def confirmation_expires_at(self):
        if self.confirmed_at is None:
            return None
        return self.confirmed_at + timedelta(days=settings.LOTSE_OFFER_CONFIRMATION_DAYS)

    def confirmation_status(self, now=None) -> str:
        """ "rejected", "draft", "expired", "due", "ok" – the offer's state for staff lists."""
        now = now or timezone.now()
        if self.rejected_at is not None:
            return "rejected"
        if not self.live:
            return "draft"
        expires = self.confirmation_expires_at
        if expires is None or expires < now:
            return "expired"
        if expires - timedelta(days=settings.LOTSE_OFFER_REMINDER_DAYS) <= now:
            return "due"
        return "ok"

    def get_preview_template(self, request, mode_name):
        return "offers/offer_detail.html"

    def get_preview_context(self, request, mode_name):
        return {"offer": self, "is_preview": True}
