"""Labour-market indicators (Arbeitsmarktzahlen) per district or for the state, with their source.

Every figure names where it comes from (source, address, licence, date retrieved): the portal
never shows a number it cannot cite. What is not there stays empty and the page says so.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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
