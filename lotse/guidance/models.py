"""Wegweiser für Betriebe: published check versions (immutable) and completed company checks.

A check version holds modules, questions and rules (answer pattern → measure). Once published it
never changes: every company check points to the version it was made with, so a plan can always
be reproduced. A new version (a new data file) applies to new checks only.
"""

from typing import Any, overload

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from .blocks import ModuleBlock
from .choices import SIZE_ORDER, Answer, ModuleKind, SizeClass  # noqa: F401 - re-exported


class VersionPublishedError(Exception):
    """A published check version (or a part of it) was to be changed or deleted."""


class Bilingual:
    """Picks the English column on /en/ when it is filled, else the German one."""

    def _pick(self, name: str) -> str:
        if (translation.get_language() or "de").startswith("en"):
            english = getattr(self, f"{name}_en", "")
            if english:
                return english
        return getattr(self, f"{name}_de")


class Picked:
    """A text of a `Bilingual` model in the active language: `title = Picked()` reads
    `title_de` or `title_en` through `Bilingual._pick`."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> "Picked": ...

    @overload
    def __get__(self, instance: Bilingual, owner: type) -> str: ...

    def __get__(self, instance: Bilingual | None, owner: type) -> "str | Picked":
        if instance is None:
            return self
        return instance._pick(self.name)


class CheckVersionQuerySet(models.QuerySet["CheckVersion"]):
    def published(self) -> "CheckVersionQuerySet":
        return self.filter(published_at__isnull=False)


class CheckVersion(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A check version: edited by the Redaktion as a draft (`content`, with revisions and review),
    published once into the immutable rows Module/Question/Rule, then frozen for good.

    `published_at` marks the frozen state; Wagtail's `live` follows it. Editing a published
    version means a new draft version (`services.version_draft_from`).
    """

    number = models.PositiveIntegerField(_("Version"), unique=True)
    published_at = models.DateTimeField(_("veröffentlicht"), null=True, blank=True)
    source = models.CharField(_("Datenquelle"), max_length=200, blank=True)
    note = models.TextField(_("Bemerkung"), blank=True)
    content = StreamField(
        [("module", ModuleBlock())], blank=True, verbose_name=_("Module, Fragen und Regeln")
    )

    objects = CheckVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Check-Version")
        verbose_name_plural = _("Check-Versionen")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Wegweiser v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Invariant, not a business rule: a published version is frozen.
        if self._published_in_database():
            raise VersionPublishedError(f"{self} is published and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._published_in_database():
            raise VersionPublishedError(f"{self} is published and cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def _published_in_database(self) -> bool:
        return (
            self.pk is not None
            and CheckVersion.objects.filter(pk=self.pk, published_at__isnull=False).exists()
        )


class FrozenWithVersion(models.Model):
    """A part of a check version: frozen as soon as its version is published."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._frozen():
            raise VersionPublishedError("The check version is published and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._frozen():
            raise VersionPublishedError("The check version is published and cannot change.")
        return super().delete(*args, **kwargs)

    def _version_id(self) -> int | None:
        raise NotImplementedError

    def _frozen(self) -> bool:
        version_id = self._version_id()
        return (
            version_id is not None
            and CheckVersion.objects.filter(pk=version_id, published_at__isnull=False).exists()
        )


class Module(Bilingual, FrozenWithVersion):
    Kind = ModuleKind

    version = models.ForeignKey(CheckVersion, on_delete=models.CASCADE, related_name="modules")
    key = models.SlugField(_("Kennung"), max_length=60)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    kind = models.CharField(_("Art"), max_length=16, choices=Kind.choices, default=Kind.QUESTIONS)
    topic_field = models.SlugField(_("Themenfeld (Kennung)"), max_length=80)
    title_de = models.CharField(_("Titel"), max_length=200)
    title_en = models.CharField(_("Titel (englisch)"), max_length=200, blank=True)
    intro_de = models.TextField(_("Einleitung"), blank=True)
    intro_en = models.TextField(_("Einleitung (englisch)"), blank=True)
    title = Picked()
    intro = Picked()

    class Meta:
        verbose_name = _("Modul")
        verbose_name_plural = _("Module")
        ordering = ["version", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="guidance_module_key_unique")
        ]

    def __str__(self) -> str:
        return self.title_de

    def _version_id(self) -> int | None:
        return self.version_id


class Question(Bilingual, FrozenWithVersion):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("Kennung"), max_length=60)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    text_de = models.CharField(_("Frage"), max_length=400)
    text_en = models.CharField(_("Frage (englisch)"), max_length=400, blank=True)
    why_de = models.TextField(_("Warum fragen wir das?"))
    why_en = models.TextField(_("Warum fragen wir das? (englisch)"), blank=True)
    weight = models.PositiveSmallIntegerField(_("Gewicht"), default=1)
    legal_duty = models.BooleanField(_("gesetzliche Pflicht"), default=False)
    legal_basis = models.CharField(_("Rechtsgrundlage"), max_length=300, blank=True)
    legal_checked_on = models.DateField(_("Rechtsgrundlage geprüft am"), null=True, blank=True)
    # Conditions: the question is asked only for these size classes / WZ sections (empty: all).
    size_classes = models.JSONField(_("nur für Größenklassen"), default=list, blank=True)
    wz_sections = models.JSONField(_("nur für WZ-Abschnitte"), default=list, blank=True)
    article_slug = models.SlugField(_("Wissensartikel (Kennung)"), max_length=200, blank=True)
    text = Picked()
    why = Picked()

    class Meta:
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")
        ordering = ["module__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], name="guidance_question_key_unique"),
            models.CheckConstraint(
                condition=Q(legal_duty=False) | ~Q(legal_basis=""),
                name="guidance_question_duty_has_basis",
            ),
        ]

    def __str__(self) -> str:
        return self.text_de

    def _version_id(self) -> int | None:
        return self.module.version_id if self.module_id else None


class Rule(Bilingual, FrozenWithVersion):
    """Answer pattern → measure: fires when one of `questions` has one of `answers`."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="rules")
    key = models.SlugField(_("Kennung"), max_length=60)
    order = models.PositiveSmallIntegerField(_("Rang im Modul"), default=0)
    questions = models.JSONField(_("Fragen (Kennungen)"), default=list)
    answers = models.JSONField(_("auslösende Antworten"), default=list)
    title_de = models.CharField(_("Maßnahme"), max_length=200)
    title_en = models.CharField(_("Maßnahme (englisch)"), max_length=200, blank=True)
    why_de = models.TextField(_("Warum"), blank=True)
    why_en = models.TextField(_("Warum (englisch)"), blank=True)
    first_step_de = models.TextField(_("Erster Schritt"))
    first_step_en = models.TextField(_("Erster Schritt (englisch)"), blank=True)
    topic_field = models.SlugField(_("Themenfeld (Kennung)"), max_length=80)
    offer_kinds = models.JSONField(_("Angebotsarten"), default=list, blank=True)
    actor_types = models.JSONField(_("Akteurstypen (Kennungen)"), default=list, blank=True)
    article_slug = models.SlugField(_("Wissensartikel (Kennung)"), max_length=200, blank=True)
    title = Picked()
    why = Picked()
    first_step = Picked()

    class Meta:
        verbose_name = _("Regel")
        verbose_name_plural = _("Regeln")
        ordering = ["module__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], name="guidance_rule_key_unique")
        ]

    def __str__(self) -> str:
        return self.title_de

    def _version_id(self) -> int | None:
        return self.module.version_id if self.module_id else None


class CompanyCheck(models.Model):
    """One company's check: anonymous profile, answers and scores; reached by a secret link.

    Only the SHA-256 of the link's token is stored: whoever reads the database cannot open a
    plan. No name, no e-mail, no address.
    """

    class OlderShare(models.TextChoices):
        NONE = "keine", _("keine")
        UNDER_20 = "unter-20", _("unter 20 %")
        FROM_20 = "20-40", _("20 bis 40 %")
        OVER_40 = "ueber-40", _("über 40 %")

    version = models.ForeignKey(
        CheckVersion, on_delete=models.PROTECT, related_name="company_checks"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    size_class = models.CharField(_("Größe"), max_length=8, choices=SizeClass.choices)
    district = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("Landkreis")
    )
    sector_query = models.CharField(_("Branche"), max_length=200, blank=True)
    wz_code = models.CharField(_("WZ-Code"), max_length=12, blank=True)
    wz_section = models.CharField(_("WZ-Abschnitt"), max_length=1, blank=True)
    modules = models.JSONField(_("gewählte Module"), default=list)
    trainees = models.PositiveIntegerField(_("Auszubildende"), null=True, blank=True)
    older_share = models.CharField(
        _("Anteil 55+"), max_length=12, choices=OlderShare.choices, blank=True
    )
    employs_from_abroad = models.BooleanField(_("beschäftigt Menschen aus dem Ausland"), null=True)
    answers = models.JSONField(_("Antworten"), default=dict)
    scores = models.JSONField(_("Ergebnisse"), default=dict)
    # First moment every chosen question module was answered (the check counts as completed:
    # comparison, "Bedarf und Angebot", the re-check clock). Reset by a re-check.
    completed_at = models.DateTimeField(_("abgeschlossen"), null=True, blank=True, db_index=True)
    # {measure key: ISO date} ticked "erledigt" in the plan.
    done_measures = models.JSONField(_("erledigte Maßnahmen"), default=dict, blank=True)
    # The measures the rules recommend (key and topic field; the Tarif measure not included):
    # what "Bedarf und Angebot" counts, without evaluating every check again.
    measures = models.JSONField(_("empfohlene Maßnahmen"), default=list, blank=True)
    # The result before the last re-check: {"completed_at", "scores", "measures", "done"}.
    previous = models.JSONField(_("Ergebnis vor dem erneuten Check"), default=dict, blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    last_used_at = models.DateTimeField(_("zuletzt aufgerufen"), db_index=True)

    class Meta:
        verbose_name = _("Betriebs-Check")
        verbose_name_plural = _("Betriebs-Checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(size_class__in=SIZE_ORDER), name="guidance_check_size_class_valid"
            )
        ]

    def __str__(self) -> str:
        return f"Check {self.pk} (v{self.version_id})"


class PlanDocument(models.Model):
    """The plan of a check as PDF in one language, rendered by the worker when the answers
    change (or by the first download): served while a new rendering of the plan's source would
    be identical (`digest`, SHA-256 of the source without its creation date). Deleted with the
    check."""

    company_check = models.ForeignKey(
        CompanyCheck, on_delete=models.CASCADE, related_name="documents"
    )
    language = models.CharField(max_length=10)
    digest = models.CharField(max_length=64)
    pdf = models.BinaryField()
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("Plan als PDF")
        verbose_name_plural = _("Pläne als PDF")
        constraints = [
            models.UniqueConstraint(
                fields=["company_check", "language"], name="guidance_plandocument_unique"
            )
        ]

    def __str__(self) -> str:
        return f"PDF {self.company_check_id} ({self.language})"
