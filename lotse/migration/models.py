"""The Einwanderungs-Check's dated rules: parameters (thresholds, shares, quotas) and route notes.

A `Parameter` is one value of one key for a period (valid from, valid to). The check reads only
the published (`live`) rows; a change reaches the public only after a second person approved it
in the workflow "Freigabe durch eine zweite Person" (`TwoPersonApprovalTask`). A `RouteNote` is
an editorial note shown with one route in one language; both keep their history as revisions.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from lotse.core.constraints import period_order_constraint
from lotse.core.validators import no_control_characters

from .keys import ParameterKey, RouteKey, Unit

CHECK_LANGUAGES = (
    ("de", "Deutsch"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("vi", "Tiếng Việt"),
    ("es", "Español"),
)


# The fields of a parameter as data files, exports and snapshots name them.
PARAMETER_FIELDS = (
    "key",
    "value",
    "unit",
    "valid_from",
    "valid_to",
    "legal_reference",
    "source_url",
    "checked_on",
    "note",
)


class ParameterQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def in_force(self, on):
        """Rows whose period contains the date `on` (valid_to inclusive, open-ended if empty)."""
        return self.filter(valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class Parameter(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """One dated value of a rule of the check (e.g. the pension contribution ceiling of 2026)."""

    key = models.CharField(_("Schlüssel"), max_length=64, choices=ParameterKey.choices)
    value = models.DecimalField(_("Wert"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("Einheit"), max_length=16, choices=Unit.choices)
    valid_from = models.DateField(_("gültig ab"))
    valid_to = models.DateField(
        _("gültig bis"), null=True, blank=True, help_text=_("Leer: gilt bis auf Weiteres.")
    )
    legal_reference = models.CharField(
        _("Rechtsgrundlage"), max_length=200, validators=[no_control_characters]
    )
    source_url = models.URLField(_("Quelle (Adresse)"), max_length=400)
    checked_on = models.DateField(_("geprüft am"))
    note = models.TextField(_("Anmerkung"), blank=True, max_length=1000)

    objects = ParameterQuerySet.as_manager()

    class Meta:
        verbose_name = _("Regel-Parameter")
        verbose_name_plural = _("Regel-Parameter")
        ordering = ["key", "valid_from"]
        constraints = [
            period_order_constraint("migration_parameter_period_order"),
        ]

    def __str__(self) -> str:
        end = self.valid_to.isoformat() if self.valid_to else "…"
        period = f"{self.valid_from.isoformat()} – {end}"
        return f"{self.get_key_display()}: {self.value} ({period}; {self.legal_reference})"

    def clean(self) -> None:
        super().clean()
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Das Ende liegt vor dem Beginn.")})
        if not (self.key and self.valid_from):
            return
        others = Parameter.objects.filter(key=self.key).exclude(pk=self.pk)
        if self.valid_to:
            others = others.filter(valid_from__lte=self.valid_to)
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if others.exists():
            raise ValidationError(
                {"valid_from": _("Für diesen Schlüssel gibt es im Zeitraum schon einen Wert.")}
            )


class RouteNote(DraftStateMixin, RevisionMixin, models.Model):
    """An editorial note for one route in one language, shown with the route's result."""

    route = models.CharField(_("Weg"), max_length=32, choices=RouteKey.choices)
    language = models.CharField(_("Sprache"), max_length=5, choices=CHECK_LANGUAGES)
    text = models.TextField(_("Hinweis"), max_length=1000, validators=[no_control_characters])

    class Meta:
        verbose_name = _("Hinweis zu einem Weg")
        verbose_name_plural = _("Hinweise zu den Wegen")
        ordering = ["route", "language"]
        constraints = [
            models.UniqueConstraint(fields=["route", "language"], name="migration_routenote_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_route_display()} ({self.language}): {self.text[:60]}"


def _authors(task_state) -> set[int]:
    """Who wrote the revision under review and who submitted it."""
    ids = set()
    revision = getattr(task_state, "revision", None)
    if revision is not None and revision.user_id:
        ids.add(revision.user_id)
    workflow_state = getattr(task_state, "workflow_state", None)
    if workflow_state is not None and workflow_state.requested_by_id:
        ids.add(workflow_state.requested_by_id)
    return ids


class TwoPersonApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves their own change (four-eyes principle)."""

    def _current_task_state(self, obj):
        workflow_state = obj.current_workflow_state if obj is not None else None
        return workflow_state.current_task_state if workflow_state else None

    def user_is_author(self, obj, user) -> bool:
        task_state = self._current_task_state(obj)
        return bool(task_state) and user.pk in _authors(task_state)

    def get_actions(self, obj, user):
        if self.user_is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in _authors(task_state):
            raise PermissionDenied(_("Eine Änderung gibt eine zweite Person frei."))
        from .permissions import approving  # the policy lets the approved revision be published

        with approving():
            return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(revision__user=user).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Eine zweite Person der gewählten Gruppen gibt frei, nie die Autorin selbst.")

    class Meta:
        verbose_name = _("Freigabe durch eine zweite Person")
        verbose_name_plural = _("Freigaben durch eine zweite Person")
