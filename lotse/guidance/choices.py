"""Choices shared by the models and the editing blocks of the Wegweiser."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    MICRO = "1-9", _("1–9 Beschäftigte")
    SMALL = "10-49", _("10–49 Beschäftigte")
    MEDIUM = "50-249", _("50–249 Beschäftigte")
    LARGE = "250+", _("250 und mehr Beschäftigte")


SIZE_ORDER = [choice.value for choice in SizeClass]


class Answer(models.TextChoices):
    YES = "ja", _("ja")
    PARTLY = "teilweise", _("teilweise")
    NO = "nein", _("nein")
    UNKNOWN = "weiss_nicht", _("weiß nicht")
    NOT_APPLICABLE = "trifft_nicht_zu", _("trifft nicht zu")


class ModuleKind(models.TextChoices):
    QUESTIONS = "questions", _("Fragen")
    TARIFF = "tariff", _("Tarifauskunft")
