"""Demo register: real sector minimum wages from ../shared/facts/tariffs.md (sources in each
entry), the real Gerüstbau gap and the Saxon security AVE that was applied for and rejected,
plus invented Saxon agreements (marked "Demo") with pay tables and one confidential company
agreement that must never appear publicly. Idempotent: keyed by register number / title."""

import datetime
from decimal import Decimal

from django.db import transaction

from . import services
from .models import (
    AgreementParty,
    CollectiveAgreement,
    MinimumWageOrdinance,
)

D = datetime.date
FACTS = "Faktenblatt Tarifregister (BMAS/BAnz/BGBl.; siehe docs/tariffs.md)"

PARTIES = {
    "verdi": (
        "ver.di – Vereinte Dienstleistungsgewerkschaft",
        "union",
        "Paula-Thiede-Ufer 10, 10179 Berlin",
        "Berlin",
    ),
    "igbau": (
        "IG Bauen-Agrar-Umwelt",
        "union",
        "Olof-Palme-Straße 19, 60439 Frankfurt am Main",
        "Frankfurt am Main",
    ),
    "igm": (
        "IG Metall",
        "union",
        "Wilhelm-Leuschner-Straße 79, 60329 Frankfurt am Main",
        "Frankfurt am Main",
    ),
    "ngg": (
        "Gewerkschaft Nahrung-Genuss-Gaststätten",
        "union",
        "Haubachstraße 76, 22765 Hamburg",
        "Hamburg",
    ),
    "geruest": ("Bundesverband Gerüstbau e. V.", "employers_association", "", "Köln"),
    "zvdh": (
        "Zentralverband des Deutschen Dachdeckerhandwerks e. V.",
        "employers_association",
        "",
        "Köln",
    ),
    "biv": (
        "Bundesinnungsverband des Gebäudereiniger-Handwerks",
        "employers_association",
        "",
        "Berlin",
    ),
    "maler": (
        "Bundesverband Farbe Gestaltung Bautenschutz",
        "employers_association",
        "",
        "Frankfurt am Main",
    ),
    "zveh": (
        "Zentralverband der Deutschen Elektro- und Informationstechnischen Handwerke",
        "employers_association",
        "",
        "Frankfurt am Main",
    ),
    "bdsw": (
        "BDSW Bundesverband der Sicherheitswirtschaft, Landesgruppe Sachsen",
        "employers_association",
        "",
        "Dresden",
    ),
    "friseur": (
        "Landesinnungsverband des Friseurhandwerks Sachsen",
        "employers_association",
        "",
        "Dresden",
    ),
    "demo_metall": (
        "Demo: Arbeitgeberverband Metall Sachsen e. V.",
        "employers_association",
        "Musterstraße 1, 01067 Dresden",
        "Dresden",
    ),
    "demo_dehoga": (
        "Demo: Gastgewerbeverband Sachsen e. V.",
        "employers_association",
        "Beispielweg 5, 04109 Leipzig",
        "Leipzig",
    ),
    "demo_firma": ("Demo: Präzisionsteile Muster GmbH", "employer", "", "Chemnitz"),
}


def _agreement(parties, number, **fields):
    existing = CollectiveAgreement.objects.filter(register_number=number).first()
    if existing:
        return existing, False
    fields.setdefault("kind", "pay")
    fields.setdefault("level", "sector")
    fields.setdefault("territory", "saxony")
    agreement = services.agreement_register(
        user=None,
        register_number=number,
        parties=[parties[key] for key in fields.pop("party_keys")],
        is_demo=True,
        **fields,
    )
    return agreement, True


def _ordinance(title, rates, **fields):
    if MinimumWageOrdinance.objects.filter(title=title).exists():
        return
    ordinance = services.ordinance_register(user=None, title=title, is_demo=True, **fields)
    for category, amount, start, end in rates:
        services.rate_add(
            user=None,
            ordinance=ordinance,
            category=category,
            amount=Decimal(amount),
            valid_from=start,
            valid_to=end,
        )


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    """The demo register (idempotent); no demo accounts of its own."""
    parties = {}
    for key, (name, kind, address, town) in PARTIES.items():
        parties[key], _created = AgreementParty.objects.get_or_create(
            name=name, kind=kind, defaults={"address": address, "town": town}
        )

    # --- real sector minimum wages (facts file) ---
    _ordinance(
        "Sechste Pflegearbeitsbedingungenverordnung (6. PflegeArbbV)",
        [
            ("Pflegehilfskraft", "14.15", D(2024, 2, 1), D(2024, 4, 30)),
            ("Pflegehilfskraft", "15.50", D(2024, 5, 1), D(2025, 6, 30)),
            ("Pflegehilfskraft", "16.10", D(2025, 7, 1), D(2026, 6, 30)),
            ("Qualifizierte Pflegehilfskraft", "15.25", D(2024, 2, 1), D(2024, 4, 30)),
            ("Qualifizierte Pflegehilfskraft", "16.50", D(2024, 5, 1), D(2025, 6, 30)),
            ("Qualifizierte Pflegehilfskraft", "17.35", D(2025, 7, 1), D(2026, 6, 30)),
            ("Pflegefachkraft", "18.25", D(2024, 2, 1), D(2024, 4, 30)),
            ("Pflegefachkraft", "19.50", D(2024, 5, 1), D(2025, 6, 30)),
            ("Pflegefachkraft", "20.50", D(2025, 7, 1), D(2026, 6, 30)),
        ],
        basis="care",
        sector_label="Pflege (Altenpflege, ambulante Pflege)",
        valid_from=D(2024, 2, 1),
        valid_to=D(2026, 6, 30),
        codes=["87.10", "87.30", "88.10.1"],
        source="6. PflegeArbbV; " + FACTS,
    )
    _ordinance(
        "Zehnte Verordnung über zwingende Arbeitsbedingungen in der Gebäudereinigung",
        [
            ("Lohngruppe 1", "14.25", D(2025, 2, 1), D(2025, 12, 31)),
            ("Lohngruppe 1", "15.00", D(2026, 1, 1), D(2026, 12, 31)),
            ("Lohngruppe 6", "17.65", D(2025, 2, 1), D(2025, 12, 31)),
            ("Lohngruppe 6", "18.40", D(2026, 1, 1), D(2026, 12, 31)),
        ],
        basis="aentg",
        sector_label="Gebäudereinigung",
        valid_from=D(2025, 2, 1),
        valid_to=D(2026, 12, 31),
        codes=["81.21"],
        source="§ 7 AEntG; " + FACTS,
    )
    electro, _c = _agreement(
        parties,
        "SN-DEMO-0001",
        title="Tarifvertrag Mindestlohn Elektrohandwerke",
        territory="federal",
        concluded_on=D(2024, 6, 1),
        valid_from=D(2025, 1, 1),
        valid_to=D(2028, 12, 31),
        party_keys=["igm", "zveh"],
        codes=["43.21"],
        sector_text="Elektrohandwerke: Elektrotechnik, Informationstechnik",
        personal_scope="Arbeitnehmer",
    )
    if not electro.applicabilities.exists():
        ave = services.ave_apply(
            user=None, agreement=electro, applied_on=D(2024, 9, 1), announcement="BAnz 30.12.2024"
        )
        ave = services.ave_transition(user=None, ave=ave, status="committee", on=D(2024, 11, 1))
        services.ave_transition(
            user=None,
            ave=ave,
            status="declared",
            on=D(2024, 12, 30),
            valid_from=D(2025, 1, 1),
            valid_to=D(2028, 12, 31),
        )
    _ordinance(
        "Mindestlohn Elektrohandwerke (allgemeinverbindlich, BAnz 30.12.2024)",
        [
            ("Arbeitnehmer", "14.41", D(2025, 1, 1), D(2025, 12, 31)),
            ("Arbeitnehmer", "14.93", D(2026, 1, 1), D(2026, 12, 31)),
            ("Arbeitnehmer", "15.49", D(2027, 1, 1), D(2027, 12, 31)),
            ("Arbeitnehmer", "16.10", D(2028, 1, 1), D(2028, 12, 31)),
        ],
        basis="ave",
        sector_label="Elektrohandwerke",
        agreement=electro,
        valid_from=D(2025, 1, 1),
        valid_to=D(2028, 12, 31),
        codes=["43.21"],
        source="AVE § 5 TVG, BAnz 30.12.2024 (Ende 31.12.2028: Konfidenz M); " + FACTS,
    )
    _ordinance(
        "Verordnung über zwingende Arbeitsbedingungen im Dachdeckerhandwerk (bis 2025)",
        [
            ("Mindestlohn 1", "14.35", D(2024, 1, 1), D(2025, 12, 31)),
            ("Mindestlohn 2", "16.00", D(2024, 1, 1), D(2025, 12, 31)),
        ],
        basis="aentg",
        sector_label="Dachdeckerhandwerk",
        valid_from=D(2024, 1, 1),
        valid_to=D(2025, 12, 31),
        codes=["43.91.1"],
        source="Ende 31.12.2025 laut Faktenblatt; Beginn hier vereinfacht 01.01.2024. " + FACTS,
    )
    _ordinance(
        "13. Verordnung über zwingende Arbeitsbedingungen im Dachdeckerhandwerk",
        [
            ("Mindestlohn 1", "14.96", D(2026, 1, 1), D(2028, 12, 31)),
            ("Mindestlohn 2", "16.60", D(2026, 1, 1), D(2026, 12, 31)),
            ("Mindestlohn 2", "17.10", D(2027, 1, 1), D(2027, 12, 31)),
            ("Mindestlohn 2", "17.60", D(2028, 1, 1), D(2028, 12, 31)),
        ],
        basis="aentg",
        sector_label="Dachdeckerhandwerk",
        valid_from=D(2026, 1, 1),
        valid_to=D(2028, 12, 31),
        codes=["43.91.1"],
        source="13. Verordnung; " + FACTS,
    )
    _ordinance(
        "Achte Verordnung über zwingende Arbeitsbedingungen im Gerüstbauerhandwerk",
        [
            ("Arbeitnehmer", "13.60", D(2023, 12, 1), D(2024, 9, 30)),
            ("Arbeitnehmer", "13.95", D(2024, 10, 1), D(2025, 9, 30)),
        ],
        basis="aentg",
        sector_label="Gerüstbau",
        valid_from=D(2023, 12, 1),
        valid_to=D(2025, 9, 30),
        codes=["43.99.1"],
        source="8. Verordnung; " + FACTS,
    )
    # The real gap: no sector minimum for scaffolding from 2025-10-01 to 2025-12-31.
    _ordinance(
        "Neunte Verordnung über zwingende Arbeitsbedingungen im Gerüstbauerhandwerk",
        [
            ("Arbeitnehmer", "14.35", D(2026, 1, 1), D(2026, 12, 31)),
            ("Arbeitnehmer", "14.90", D(2027, 1, 1), D(2027, 12, 31)),
        ],
        basis="aentg",
        sector_label="Gerüstbau",
        valid_from=D(2026, 1, 1),
        valid_to=D(2027, 12, 31),
        codes=["43.99.1"],
        source="9. Verordnung (Konfidenz M); " + FACTS,
    )
    painters, _c = _agreement(
        parties,
        "SN-DEMO-0002",
        title="Tarifvertrag Mindestlohn Maler- und Lackiererhandwerk",
        territory="federal",
        concluded_on=D(2025, 6, 1),
        valid_from=D(2025, 7, 1),
        valid_to=D(2027, 6, 30),
        party_keys=["igbau", "maler"],
        codes=["43.34.1"],
        sector_text="Maler- und Lackiererhandwerk",
        personal_scope="Gesellen",
    )
    _ordinance(
        "Zwölfte Maler- und Lackiererarbeitsbedingungenverordnung (12. MalerArbbV)",
        [
            ("Gesellen", "15.55", D(2025, 8, 1), D(2026, 6, 30)),
            ("Gesellen", "16.13", D(2026, 7, 1), D(2027, 6, 30)),
        ],
        basis="aentg",
        sector_label="Maler und Lackierer",
        agreement=painters,
        valid_from=D(2025, 8, 1),
        valid_to=D(2027, 6, 30),
        codes=["43.34.1"],
        source="12. MalerArbbV (Tarifvertrag ab 01.07.2025, Verordnung ab 01.08.2025); " + FACTS,
    )

    # --- real Saxon cases ---
    hair, created = _agreement(
        parties,
        "SN-DEMO-0003",
        title="Lohntarifvertrag Friseurhandwerk Sachsen",
        concluded_on=D(2004, 10, 6),
        valid_from=D(2004, 10, 1),
        party_keys=["verdi", "friseur"],
        codes=["96.02.1"],
        sector_text="Friseurhandwerk, Frisörsalons",
        personal_scope="Arbeitnehmer und Auszubildende",
    )
    if created:
        ave = services.ave_apply(
            user=None,
            agreement=hair,
            applied_on=D(2004, 10, 1),
            announcement="Bundesanzeiger Nr. 43 vom 03.03.2005",
        )
        ave = services.ave_transition(user=None, ave=ave, status="committee", on=D(2004, 12, 1))
        ave = services.ave_transition(
            user=None,
            ave=ave,
            status="declared",
            on=D(2005, 3, 3),
            valid_from=D(2004, 10, 1),
            valid_to=D(2014, 11, 30),
        )
        services.ave_transition(user=None, ave=ave, status="ended", on=D(2014, 11, 30))
    security, created = _agreement(
        parties,
        "SN-DEMO-0004",
        title="Entgelttarifvertrag Sicherheitsdienstleistungen Sachsen",
        concluded_on=D(2022, 7, 1),
        valid_from=D(2022, 8, 1),
        party_keys=["verdi", "bdsw"],
        codes=["80.10"],
        sector_text="Private Wach- und Sicherheitsdienste",
        personal_scope="Arbeitnehmer",
    )
    if created:
        ave = services.ave_apply(
            user=None,
            agreement=security,
            applied_on=D(2023, 2, 8),
            announcement="BAnz AT 08.02.2023 B14",
        )
        ave = services.ave_transition(user=None, ave=ave, status="committee", on=D(2023, 4, 1))
        services.ave_transition(
            user=None,
            ave=ave,
            status="rejected",
            on=D(2023, 4, 1),
            note="Im Tarifausschuss keine Mehrheit.",
        )

    # --- invented Saxon agreements (Demo) ---
    metal, created = _agreement(
        parties,
        "SN-DEMO-0101",
        title="Demo: Entgelttarifvertrag Metall- und Elektroindustrie Sachsen",
        concluded_on=D(2024, 11, 20),
        valid_from=D(2025, 1, 1),
        party_keys=["igm", "demo_metall"],
        codes=["25.62", "28.11"],
        sector_text="Metall- und Elektroindustrie",
        personal_scope="Beschäftigte und Auszubildende",
        earliest_termination_on=D(2026, 12, 31),
    )
    if created:
        _metal_provisions(metal)
    hotel, created = _agreement(
        parties,
        "SN-DEMO-0102",
        title="Demo: Entgelttarifvertrag Hotel- und Gaststättengewerbe Sachsen",
        concluded_on=D(2024, 3, 1),
        valid_from=D(2024, 4, 1),
        valid_to=D(2025, 12, 31),
        party_keys=["ngg", "demo_dehoga"],
        codes=["55.10", "56.10"],
        sector_text="Hotellerie und Gastronomie",
        personal_scope="Arbeitnehmer und Auszubildende",
    )
    if created:
        for grade, amount in (("1", "13.00"), ("2", "13.50"), ("3", "14.80")):
            services.provision_add(
                user=None,
                agreement=hotel,
                kind="pay",
                grade=grade,
                step=1,
                amount=Decimal(amount),
                unit="hourly",
                valid_from=D(2024, 4, 1),
            )
        for year, amount in ((1, "900"), (2, "1000"), (3, "1100")):
            services.provision_add(
                user=None,
                agreement=hotel,
                kind="trainee_pay",
                training_year=year,
                amount=Decimal(amount),
                unit="monthly",
                valid_from=D(2024, 4, 1),
            )
    _agreement(
        parties,
        "SN-DEMO-0900",
        title="Demo: Haustarifvertrag Präzisionsteile Muster GmbH",
        level="company",
        territory="regions",
        concluded_on=D(2024, 5, 1),
        valid_from=D(2024, 6, 1),
        party_keys=["igm", "demo_firma"],
        codes=["25.62"],
        sector_text="Metall- und Elektroindustrie",
        personal_scope="Beschäftigte",
        confidential=True,
    )
    return []


def _metal_provisions(metal) -> None:
    start = D(2025, 1, 1)
    base = {"E1": 2600, "E2": 2800, "E3": 3050, "E4": 3350, "E5": 3700}
    for grade, amount in base.items():
        for step, factor in ((1, Decimal("1.00")), (2, Decimal("1.05"))):
            services.provision_add(
                user=None,
                agreement=metal,
                kind="pay",
                grade=grade,
                step=step,
                amount=(Decimal(amount) * factor).quantize(Decimal("0.01")),
                unit="monthly",
                valid_from=start,
            )
    for year, amount in ((1, "1100"), (2, "1160"), (3, "1230"), (4, "1300")):
        services.provision_add(
            user=None,
            agreement=metal,
            kind="trainee_pay",
            training_year=year,
            amount=Decimal(amount),
            unit="monthly",
            valid_from=start,
        )
    services.provision_add(
        user=None,
        agreement=metal,
        kind="weekly_hours",
        amount=Decimal("38"),
        unit="hours",
        valid_from=start,
    )
    services.provision_add(
        user=None,
        agreement=metal,
        kind="leave_days",
        amount=Decimal("30"),
        unit="days",
        valid_from=start,
    )
    services.provision_add(
        user=None,
        agreement=metal,
        kind="notice",
        amount=Decimal("4"),
        unit="weeks",
        valid_from=start,
        text="in der Probezeit 2 Wochen",
    )
    services.provision_add(
        user=None,
        agreement=metal,
        kind="bonus",
        amount=Decimal("55"),
        unit="percent",
        valid_from=start,
        text="Jahressonderzahlung nach 12 Monaten Betriebszugehörigkeit",
    )
