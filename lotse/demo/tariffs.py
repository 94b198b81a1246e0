"""Demo register: invented Saxon agreements (marked "Demo") with pay tables and one confidential
company agreement that must never appear publicly. The real sector minimum wages, the Gerüstbau
gap and the Saxon AVE cases are initial content (lotse/tariffs/data/sn, `load_initial_content`).
Idempotent: keyed by register number."""

import datetime
from decimal import Decimal

from django.db import transaction

from lotse.tariffs import services
from lotse.tariffs.models import AgreementParty, CollectiveAgreement

D = datetime.date

PARTIES = {
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


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    """The invented part of the demo register (idempotent); no accounts of its own."""
    parties = {}
    for key, (name, kind, address, town) in PARTIES.items():
        parties[key], _created = AgreementParty.objects.get_or_create(
            name=name, kind=kind, defaults={"address": address, "town": town}
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
        services.provisions_add(
            user=None,
            agreement=hotel,
            valid_from=D(2024, 4, 1),
            rows=[
                *(
                    ("pay", amount, "hourly", {"grade": grade, "step": 1})
                    for grade, amount in (("1", "13.00"), ("2", "13.50"), ("3", "14.80"))
                ),
                *(
                    ("trainee_pay", amount, "monthly", {"training_year": year})
                    for year, amount in ((1, "900"), (2, "1000"), (3, "1100"))
                ),
            ],
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
    pay = [
        (
            "pay",
            (Decimal(amount) * factor).quantize(Decimal("0.01")),
            "monthly",
            {"grade": grade, "step": step},
        )
        for grade, amount in base.items()
        for step, factor in ((1, Decimal("1.00")), (2, Decimal("1.05")))
    ]
    trainee = [
        ("trainee_pay", amount, "monthly", {"training_year": year})
        for year, amount in ((1, "1100"), (2, "1160"), (3, "1230"), (4, "1300"))
    ]
    terms = [
        ("weekly_hours", "38", "hours", {}),
        ("leave_days", "30", "days", {}),
        ("notice", "4", "weeks", {"text": "in der Probezeit 2 Wochen"}),
        (
            "bonus",
            "55",
            "percent",
            {"text": "Jahressonderzahlung nach 12 Monaten Betriebszugehörigkeit"},
        ),
    ]
    services.provisions_add(
        user=None, agreement=metal, valid_from=start, rows=[*pay, *trainee, *terms]
    )
