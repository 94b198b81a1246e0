"""The Tarifregister: agreements, parties, extensions (AVE, ordinances), provisions, floors.

Every period is a closed date range `valid_from`–`valid_to` (`valid_to` empty = open-ended).
Periods of one kind never overlap; the services check that under a row lock on the parent
(`validity.py`), on PostgreSQL an exclusion constraint guards it as well (migration 0002).
Nothing is deleted: rows are ended (`valid_to`) or corrected, every change is audited.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.functional import LazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from lotse.core.constraints import period_order_constraint
from lotse.core.money import euro_text

from .validators import validate_agreement_document


class PrivateDocumentStorage(LazyObject):
    """Originals of agreements: outside MEDIA_ROOT, never served by a public URL."""

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.LOTSE_TARIFF_DOCUMENT_ROOT, base_url=None
        )


_private_storage = PrivateDocumentStorage()


def private_storage() -> PrivateDocumentStorage:
    """The storage as a callable, so migrations record this function, not a machine's path."""
    return _private_storage


def choice_label(choices: type[models.TextChoices], value: str) -> str:
    """The label of a stored choice value (the value itself when it is not a choice).

    Templates use this instead of `get_FOO_display()`, which builds a hashable copy of every
    choice, translating all labels, on each call (noticeable in lists of many rows).
    """
    member = choices._value2member_map_.get(value)
    return str(member.label) if member is not None else value


class AgreementParty(models.Model):
    """Tarifvertragspartei: a union, an employers' association or a single employer."""

    class Kind(models.TextChoices):
        UNION = "union", _("Gewerkschaft")
        EMPLOYERS_ASSOCIATION = "employers_association", _("Arbeitgeberverband")
        EMPLOYER = "employer", _("Arbeitgeber")

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=32, choices=Kind.choices)
    address = models.TextField(_("Anschrift (öffentlich)"), blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    website = models.URLField(_("Website"), blank=True)

    class Meta:
        verbose_name = _("Tarifvertragspartei")
        verbose_name_plural = _("Tarifvertragsparteien")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="tariffs_party_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class SectorSynonym(models.Model):
    """A plain word for a sector and the term the register uses ("Friseur" → "Frisör")."""

    term = models.CharField(_("Suchwort"), max_length=100, unique=True)
    canonical = models.CharField(_("Begriff im Register"), max_length=200)

    class Meta:
        verbose_name = _("Branchen-Synonym")
        verbose_name_plural = _("Branchen-Synonyme")
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.canonical}"


class CollectiveAgreement(ClusterableModel):
    """Tarifvertrag as registered (§ 6 TVG, § 14 TVGDV)."""

    class Kind(models.TextChoices):
        FRAMEWORK = "framework", _("Manteltarifvertrag")
        PAY = "pay", _("Entgelt-/Vergütungstarifvertrag")
        TRAINEE_PAY = "trainee_pay", _("Ausbildungsvergütungstarifvertrag")
        AMENDMENT = "amendment", _("Änderungstarifvertrag")
        OTHER = "other", _("sonstiger Tarifvertrag")

    class Level(models.TextChoices):
        SECTOR = "sector", _("Verbands-/Branchentarifvertrag")
        COMPANY = "company", _("Firmen-/Haustarifvertrag")

    class Territory(models.TextChoices):
        FEDERAL = "federal", _("bundesweit")
        STATES = "states", _("mehrere Länder")
        SAXONY = "saxony", _("Sachsen")
        REGIONS = "regions", _("Regionen in Sachsen")

    register_number = models.CharField(_("Registernummer"), max_length=40, unique=True)
    title = models.CharField(_("Titel"), max_length=300)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("Ebene"), max_length=10, choices=Level.choices)
    parties = models.ManyToManyField(
        AgreementParty, verbose_name=_("Tarifvertragsparteien"), related_name="agreements"
    )
    territory = models.CharField(
        _("Räumlicher Geltungsbereich"), max_length=10, choices=Territory.choices
    )
    states = models.CharField(
        _("Länder (AGS-Präfixe, durch Komma getrennt)"),
        max_length=100,
        blank=True,
        help_text=_("Nur bei „mehrere Länder“, z. B. 14,15,16"),
    )
    regions = models.ManyToManyField(
        "core.Region", verbose_name=_("Regionen"), blank=True, related_name="+"
    )
    sector_text = models.TextField(_("Fachlicher Geltungsbereich (Text)"), blank=True)
    personal_scope = models.CharField(
        _("Persönlicher Geltungsbereich"),
        max_length=300,
        blank=True,
        help_text=_("z. B. Arbeitnehmer, Angestellte, Auszubildende"),
    )
    concluded_on = models.DateField(_("abgeschlossen am"))
    valid_from = models.DateField(_("in Kraft ab"))
    earliest_termination_on = models.DateField(_("frühestens kündbar zum"), null=True, blank=True)
    terminated_on = models.DateField(_("gekündigt zum"), null=True, blank=True)
    valid_to = models.DateField(_("abgelaufen am"), null=True, blank=True)
    after_effect = models.BooleanField(
        _("Nachwirkung bis zur Ablösung"),
        default=True,
        help_text=_("Nach Ablauf gelten die Rechtsnormen weiter, bis ein Nachfolger sie ablöst."),
    )
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("Vorgänger"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="successor",
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("ändert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    confidential = models.BooleanField(
        _("vertraulich (§ 16 TVGDV)"),
        default=False,
        help_text=_("Geschäftsgeheimnisse oder personenbezogene Daten: nie öffentlich zeigen."),
    )
    document = models.FileField(
        _("Originaldokument (nur intern)"),
        storage=private_storage,
        upload_to="agreements/%Y/",
        blank=True,
        validators=[validate_agreement_document],
        help_text=_("PDF, DOCX oder ODT; die Größe ist begrenzt (Einstellung des Betriebs)."),
    )
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    search_document = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Tarifvertrag")
        verbose_name_plural = _("Tarifverträge")
        ordering = ["register_number"]
        constraints = [
            period_order_constraint("tariffs_agreement_period"),
            models.CheckConstraint(
                condition=Q(predecessor__isnull=True) | ~Q(predecessor=F("pk")),
                name="tariffs_agreement_not_own_predecessor",
            ),
        ]
        indexes = [
            models.Index(fields=["level", "confidential", "valid_from"], name="tariffs_agr_public"),
            # The answer's page order (newest in force first) over public agreements only: both
            # databases walk it backwards and stop after one page (SQLite otherwise sorted all
            # sector agreements of the register for every page).
            models.Index(
                fields=["valid_from", "id"],
                condition=Q(level="sector", confidential=False),
                name="tariffs_agr_public_newest",
            ),
            # Counting public matches up to a cap walks public agreements in key order, the API
            # list in register order; both stop early. Without these SQLite's planner took one
            # of the other indexes and sorted all public agreements (60-80 ms at 100,000).
            models.Index(
                fields=["id"],
                condition=Q(level="sector", confidential=False),
                name="tariffs_agr_public_id",
            ),
            models.Index(
                fields=["register_number"],
                condition=Q(level="sector", confidential=False),
                name="tariffs_agr_public_register",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.register_number} {self.title}"

    @property
    def kind_label(self) -> str:
        return choice_label(self.Kind, self.kind)

    @property
    def territory_label(self) -> str:
        return choice_label(self.Territory, self.territory)

    @property
    def is_public(self) -> bool:
        return self.level == self.Level.SECTOR and not self.confidential

    def status_on(self, on, *, successor: "CollectiveAgreement | None") -> str:
        """ "not_yet", "in_force", "replaced" (a successor is in force), "after_effect" or
        "ended" on the date `on`. The same rule in SQL: `selectors.agreements_on`."""
        if self.valid_from > on:
            return "not_yet"
        if self.valid_to is None or self.valid_to >= on:
            return "in_force"
        if successor is not None and successor.valid_from <= on:
            return "replaced"
        return "after_effect" if self.after_effect else "ended"


class SectorCode(models.Model):
    """One WZ class (2008 or 2025) in the sectoral scope of an agreement or an ordinance.

    The services add the equivalents of the other WZ version from `wz-code`'s correspondence,
    so a lookup by either version finds the same entries.
    """

    class Version(models.TextChoices):
        WZ2008 = "2008", "WZ 2008"
        WZ2025 = "2025", "WZ 2025"

    agreement = models.ForeignKey(
        CollectiveAgreement, null=True, blank=True, on_delete=models.CASCADE, related_name="codes"
    )
    ordinance = models.ForeignKey(
        "MinimumWageOrdinance",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="codes",
    )
    version = models.CharField(_("Version"), max_length=4, choices=Version.choices)
    code = models.CharField(_("WZ-Code"), max_length=10)
    derived = models.BooleanField(_("aus der Umsteigetabelle"), default=False)

    class Meta:
        verbose_name = _("WZ-Klasse")
        verbose_name_plural = _("WZ-Klassen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(agreement__isnull=False) & Q(ordinance__isnull=True))
                | (Q(agreement__isnull=True) & Q(ordinance__isnull=False)),
                name="tariffs_code_one_owner",
            ),
            models.UniqueConstraint(
                fields=["agreement", "version", "code"], name="tariffs_code_unique_agreement"
            ),
            models.UniqueConstraint(
                fields=["ordinance", "version", "code"], name="tariffs_code_unique_ordinance"
            ),
        ]
        indexes = [models.Index(fields=["code", "agreement"], name="tariffs_code_lookup")]

    def __str__(self) -> str:
        return f"WZ {self.version} {self.code}"


class GeneralApplicability(models.Model):
    """Allgemeinverbindlicherklärung (AVE, § 5 TVG) and its procedure."""

    class Status(models.TextChoices):
        APPLIED_FOR = "applied_for", _("beantragt")
        COMMITTEE = "committee", _("im Tarifausschuss")
        DECLARED = "declared", _("für allgemeinverbindlich erklärt")
        REJECTED = "rejected", _("abgelehnt")
        WITHDRAWN = "withdrawn", _("zurückgezogen")
        ENDED = "ended", _("beendet")

    # Allowed next states of the procedure.
    TRANSITIONS = {
        Status.APPLIED_FOR: {Status.COMMITTEE, Status.WITHDRAWN, Status.REJECTED},
        Status.COMMITTEE: {Status.DECLARED, Status.REJECTED, Status.WITHDRAWN},
        Status.DECLARED: {Status.ENDED},
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
        Status.ENDED: set(),
    }

    agreement = models.ForeignKey(
        CollectiveAgreement,
        verbose_name=_("Tarifvertrag"),
        on_delete=models.PROTECT,
        related_name="applicabilities",
    )
    status = models.CharField(
        _("Stand des Verfahrens"), max_length=20, choices=Status.choices, default="applied_for"
    )
    applied_on = models.DateField(_("beantragt am"), null=True, blank=True)
    announcement = models.CharField(
        _("Bekanntmachung im Bundesanzeiger"), max_length=120, blank=True
    )
    committee_on = models.DateField(_("Tarifausschuss am"), null=True, blank=True)
    decided_on = models.DateField(_("entschieden am"), null=True, blank=True)
    valid_from = models.DateField(_("allgemeinverbindlich ab"), null=True, blank=True)
    valid_to = models.DateField(_("allgemeinverbindlich bis"), null=True, blank=True)
    note = models.TextField(_("Vermerk"), blank=True)

    class Meta:
        verbose_name = _("Allgemeinverbindlicherklärung")
        verbose_name_plural = _("Allgemeinverbindlicherklärungen")
        ordering = ["agreement", "applied_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | (Q(valid_from__isnull=False) & Q(valid_to__gte=F("valid_from"))),
                name="tariffs_ave_period",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["declared", "ended"]) | Q(valid_from__isnull=False),
                name="tariffs_ave_declared_has_start",
            ),
        ]

    def __str__(self) -> str:
        return f"AVE {self.agreement.register_number} ({self.get_status_display()})"


class MinimumWageOrdinance(ClusterableModel):
    """A sector minimum wage ordinance (§ 7/7a AEntG, Pflege) or an AVE'd minimum wage."""

    class Basis(models.TextChoices):
        AENTG = "aentg", _("Rechtsverordnung nach § 7 AEntG")
        CARE = "care", _("Pflegearbeitsbedingungenverordnung (§ 7a AEntG)")
        AVE = "ave", _("Allgemeinverbindlicherklärung (§ 5 TVG)")

    title = models.CharField(_("Titel"), max_length=300)
    basis = models.CharField(_("Rechtsgrundlage"), max_length=10, choices=Basis.choices)
    agreement = models.ForeignKey(
        CollectiveAgreement,
        verbose_name=_("erstreckter Tarifvertrag"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ordinances",
    )
    sector_label = models.CharField(_("Branche"), max_length=200)
    valid_from = models.DateField(_("gilt ab"))
    valid_to = models.DateField(_("gilt bis"), null=True, blank=True)
    source = models.CharField(_("Quelle"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    search_document = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("Mindestlohnverordnung")
        verbose_name_plural = _("Mindestlohnverordnungen")
        ordering = ["sector_label", "valid_from"]
        constraints = [period_order_constraint("tariffs_ordinance_period")]

    def __str__(self) -> str:
        return self.title


class MinimumWageRate(models.Model):
    """One amount of an ordinance for one category (e.g. Pflegehilfskraft) and period."""

    ordinance = ParentalKey(MinimumWageOrdinance, on_delete=models.PROTECT, related_name="rates")
    category = models.CharField(_("Beschäftigtengruppe"), max_length=120)
    amount = models.DecimalField(_("Betrag (€ je Stunde)"), max_digits=7, decimal_places=2)
    valid_from = models.DateField(_("gilt ab"))
    valid_to = models.DateField(_("gilt bis"), null=True, blank=True)

    class Meta:
        verbose_name = _("Mindestlohnsatz")
        verbose_name_plural = _("Mindestlohnsätze")
        ordering = ["ordinance", "category", "valid_from"]
        constraints = [
            period_order_constraint("tariffs_rate_period"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="tariffs_rate_positive"),
            models.UniqueConstraint(
                fields=["ordinance", "category", "valid_from"], name="tariffs_rate_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {euro_text(self.amount)}"


class Provision(models.Model):
    """A structured provision of an agreement with its own validity period."""

    class Kind(models.TextChoices):
        PAY = "pay", _("Entgelt")
        TRAINEE_PAY = "trainee_pay", _("Ausbildungsvergütung")
        WEEKLY_HOURS = "weekly_hours", _("Wochenarbeitszeit")
        LEAVE_DAYS = "leave_days", _("Urlaubstage")
        NOTICE = "notice", _("Kündigungsfrist")
        BONUS = "bonus", _("Jahressonderzahlung")

    class Unit(models.TextChoices):
        HOURLY = "hourly", _("€ je Stunde")
        MONTHLY = "monthly", _("€ je Monat")
        HOURS = "hours", _("Stunden je Woche")
        DAYS = "days", _("Tage je Jahr")
        WEEKS = "weeks", _("Wochen")
        PERCENT = "percent", _("Prozent eines Monatsentgelts")
        EUR = "eur", _("€ einmalig")

    agreement = ParentalKey(
        CollectiveAgreement, on_delete=models.PROTECT, related_name="provisions"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    grade = models.CharField(_("Entgeltgruppe"), max_length=20, blank=True)
    step = models.PositiveSmallIntegerField(_("Stufe"), null=True, blank=True)
    training_year = models.PositiveSmallIntegerField(_("Ausbildungsjahr"), null=True, blank=True)
    amount = models.DecimalField(_("Wert"), max_digits=9, decimal_places=2)
    unit = models.CharField(_("Einheit"), max_length=10, choices=Unit.choices)
    text = models.CharField(_("Erläuterung"), max_length=300, blank=True)
    valid_from = models.DateField(_("gilt ab"))
    valid_to = models.DateField(_("gilt bis"), null=True, blank=True)

    class Meta:
        verbose_name = _("Tarifbestimmung")
        verbose_name_plural = _("Tarifbestimmungen")
        ordering = ["agreement", "kind", "grade", "step", "training_year", "valid_from"]
        constraints = [
            period_order_constraint("tariffs_provision_period"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="tariffs_provision_amount"),
            models.CheckConstraint(
                condition=~Q(kind="trainee_pay")
                | (Q(training_year__gte=1) & Q(training_year__lte=4)),
                name="tariffs_provision_training_year",
            ),
        ]
        indexes = [
            models.Index(fields=["agreement", "kind", "valid_from"], name="tariffs_prov_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.grade} {self.amount}"

    @property
    def kind_label(self) -> str:
        return choice_label(self.Kind, self.kind)

    @property
    def unit_label(self) -> str:
        return choice_label(self.Unit, self.unit)


class StatutoryMinimumWage(models.Model):
    """Gesetzlicher Mindestlohn (MiLoG): each row applies from `valid_from` to the next row."""

    valid_from = models.DateField(_("gilt ab"), unique=True)
    amount = models.DecimalField(_("€ brutto je Stunde"), max_digits=6, decimal_places=2)
    source = models.CharField(_("Quelle"), max_length=300)

    class Meta:
        verbose_name = _("Gesetzlicher Mindestlohn")
        verbose_name_plural = _("Gesetzlicher Mindestlohn")
        ordering = ["valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="tariffs_milog_positive")
        ]

    def __str__(self) -> str:
        return gettext("%(amount)s ab %(date)s") % {
            "amount": euro_text(self.amount),
            "date": date_format(self.valid_from, "SHORT_DATE_FORMAT"),
        }


class MinimumTraineePay(models.Model):
    """Mindestausbildungsvergütung (§ 17 BBiG), fixed by the year training starts."""

    start_year = models.PositiveSmallIntegerField(_("Ausbildungsbeginn im Jahr"), unique=True)
    year_1 = models.DecimalField(_("1. Ausbildungsjahr"), max_digits=7, decimal_places=2)
    year_2 = models.DecimalField(_("2. Ausbildungsjahr"), max_digits=7, decimal_places=2)
    year_3 = models.DecimalField(_("3. Ausbildungsjahr"), max_digits=7, decimal_places=2)
    year_4 = models.DecimalField(_("4. Ausbildungsjahr"), max_digits=7, decimal_places=2)
    source = models.CharField(_("Quelle"), max_length=300)

    class Meta:
        verbose_name = _("Mindestausbildungsvergütung")
        verbose_name_plural = _("Mindestausbildungsvergütungen")
        ordering = ["start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_1__gt=0)
                & Q(year_2__gte=F("year_1"))
                & Q(year_3__gte=F("year_2"))
                & Q(year_4__gte=F("year_3")),
                name="tariffs_bbig_rising",
            )
        ]

    def __str__(self) -> str:
        return str(self.start_year)

    def for_year(self, training_year: int):
        return getattr(self, f"year_{training_year}")

    @property
    def years(self) -> list[tuple[int, object]]:
        return [(n, self.for_year(n)) for n in range(1, 5)]


class RegisterVersion(models.Model):
    """One row whose counter moves with every write to the register (database triggers).

    The public answers are cached under this version (`lotse.tariffs.cache`): any insert,
    update or delete of an agreement, party, code, procedure, ordinance, rate, provision,
    floor, synonym or district changes it in the same transaction, also for bulk writes and
    raw SQL that bypass Django's signals. `token` (random, new with every write) tells versions
    apart after the table was emptied and filled again (tests, restores): the counter restarts.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.PositiveBigIntegerField(default=0)
    token = models.CharField(max_length=40, default="", blank=True)

    class Meta:
        verbose_name = _("Registerstand")
        verbose_name_plural = _("Registerstand")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="tariffs_version_single")]

    def __str__(self) -> str:
        return f"{self.version} ({self.token})"
