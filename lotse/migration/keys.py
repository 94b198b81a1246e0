"""Names the rules and the data share: parameter keys, units, routes, answers (no database)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ParameterKey(models.TextChoices):
    BBG_PENSION = "bbg_pension", _("Beitragsbemessungsgrenze der allgemeinen Rentenversicherung")
    BLUE_CARD_SHARE = "blue_card_share", _("Blaue Karte: Anteil an der BBG (Regel)")
    BLUE_CARD_SHARE_REDUCED = (
        "blue_card_share_reduced",
        _("Blaue Karte: Anteil an der BBG (Engpassberufe, Berufsanfänger)"),
    )
    EXPERIENCE_SHARE = "experience_share", _("§ 6 BeschV: Anteil an der BBG")
    OLDER_AGE = "older_age", _("Alter, ab dem das Mindestgehalt für Ältere gilt")
    OLDER_SHARE = "older_share", _("Ältere Fachkräfte: Anteil an der BBG")
    CHANCENKARTE_MIN_POINTS = "chancenkarte_min_points", _("Chancenkarte: Mindestpunktzahl")
    WESTBALKAN_QUOTA = "westbalkan_quota", _("Westbalkanregelung: Zustimmungen je Jahr")
    WESTBALKAN_QUOTA_EXHAUSTED = (
        "westbalkan_quota_exhausted",
        _("Westbalkanregelung: Kontingent ausgeschöpft (1 = ja)"),
    )
    FEE_81A = "fee_81a", _("Gebühr des beschleunigten Fachkräfteverfahrens")


class Unit(models.TextChoices):
    EUR_YEAR = "eur_year", _("Euro je Jahr")
    EUR = "eur", _("Euro")
    PERCENT = "percent", _("Prozent")
    YEARS = "years", _("Jahre")
    POINTS = "points", _("Punkte")
    COUNT = "count", _("Anzahl")
    FLAG = "flag", _("ja (1) / nein (0)")


class RouteKey(models.TextChoices):
    S18A = "18a", _("§ 18a AufenthG – Fachkraft mit Berufsausbildung")
    S18B = "18b", _("§ 18b AufenthG – Fachkraft mit akademischer Ausbildung")
    S18G = "18g", _("§ 18g AufenthG – Blaue Karte EU")
    S18G_REDUCED = "18g_reduced", _("§ 18g AufenthG – Blaue Karte EU (niedrigere Gehaltsgrenze)")
    S19C = "19c", _("§ 19c Abs. 2 AufenthG mit § 6 BeschV – Berufserfahrung")
    S20A = "20a", _("§ 20a AufenthG – Chancenkarte")
    S16D = "16d", _("§ 16d AufenthG – Anerkennung im Inland")
    S16A = "16a", _("§ 16a AufenthG – Berufsausbildung")
    S26 = "26", _("§ 26 Abs. 2 BeschV – Westbalkanregelung")
    S81A = "81a", _("§ 81a AufenthG – beschleunigtes Fachkräfteverfahren")
