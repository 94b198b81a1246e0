"""Register entries for tests: the defaults of a plain sector agreement, overridable; parties;
the sample agreements the register tests share (`sample_agreements_create`)."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from lotse.tariffs import services
from lotse.tariffs.models import AgreementParty, CollectiveAgreement


def register_agreement(
    number: str,
    *,
    title: str = "",
    valid_from: datetime.date = datetime.date(2024, 1, 1),
    **fields,
) -> CollectiveAgreement:
    """`services.agreement_register` of a public pay agreement for Saxony, concluded on the day
    it enters into force, unless `fields` say otherwise."""
    defaults = {"kind": "pay", "level": "sector", "territory": "saxony"}
    return services.agreement_register(
        user=None,
        register_number=number,
        title=title or f"Tarifvertrag {number}",
        valid_from=valid_from,
        concluded_on=fields.pop("concluded_on", valid_from),
        **{**defaults, **fields},
    )


def register_ordinance(
    title: str,
    *,
    rates: tuple[tuple[str, str, datetime.date, datetime.date | None], ...] = (),
    **fields,
):
    """`services.ordinance_register` of an AEntG ordinance, unless `fields` say otherwise (they
    name at least `sector_label` and `valid_from`), with its rates: (category, amount, from, to)."""
    ordinance = services.ordinance_register(user=None, title=title, **{"basis": "aentg", **fields})
    for category, amount, start, end in rates:
        add_rate(ordinance, category, amount, start, end)
    return ordinance


def add_rate(
    ordinance,
    category: str,
    amount: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
):
    """`services.rate_add` of one minimum wage of the ordinance."""
    return services.rate_add(
        user=None,
        ordinance=ordinance,
        category=category,
        amount=Decimal(amount),
        valid_from=valid_from,
        valid_to=valid_to,
    )


class AgreementPartyFactory(DjangoModelFactory):
    """A party of agreements; an existing party of the same name and kind is reused."""

    class Meta:
        model = AgreementParty
        django_get_or_create = ("name", "kind")

    name = factory.Sequence(lambda n: f"Arbeitgeberverband {n} e. V.")
    kind = "employers_association"
    town = "Dresden"


def sample_agreements_create() -> dict[str, CollectiveAgreement]:
    """Three invented Saxon agreements on top of the initial register, for the register tests:

    - SN-TEST-0101 metal (IG Metall), in force since 2025-01-01, WZ 25.62/28.11, a pay table of
      five grades with two steps, trainee pay, weekly hours, leave, notice and a bonus;
    - SN-TEST-0102 hotel (NGG), 2024-04-01 to 2025-12-31 (expired, after-effect), WZ 55.10/56.10,
      three hourly grades and trainee pay;
    - SN-TEST-0900 a confidential company agreement (WZ 25.62) that must never appear publicly.
    """
    igm = AgreementPartyFactory(name="IG Metall", kind="union")
    ngg = AgreementPartyFactory(name="Gewerkschaft Nahrung-Genuss-Gaststätten", kind="union")
    metal_employers = AgreementPartyFactory(name="Testverband Metall Sachsen e. V.")
    hotel_employers = AgreementPartyFactory(name="Testverband Gastgewerbe Sachsen e. V.")
    company = AgreementPartyFactory(
        name="Teilefertigung Beispiel GmbH", kind="employer", town="Chemnitz"
    )

    metal_start = datetime.date(2025, 1, 1)
    metal = register_agreement(
        "SN-TEST-0101",
        title="Entgelttarifvertrag Metall- und Elektroindustrie Sachsen (Test)",
        concluded_on=datetime.date(2024, 11, 20),
        valid_from=metal_start,
        parties=[igm, metal_employers],
        codes=["25.62", "28.11"],
        sector_text="Metall- und Elektroindustrie",
        personal_scope="Beschäftigte und Auszubildende",
        earliest_termination_on=datetime.date(2026, 12, 31),
    )
    base = {"E1": 2600, "E2": 2800, "E3": 3050, "E4": 3350, "E5": 3700}
    services.provisions_add(
        user=None,
        agreement=metal,
        valid_from=metal_start,
        rows=[
            (
                "pay",
                (Decimal(amount) * factor).quantize(Decimal("0.01")),
                "monthly",
                {"grade": grade, "step": step},
            )
            for grade, amount in base.items()
            for step, factor in ((1, Decimal("1.00")), (2, Decimal("1.05")))
        ]
        + [
            ("trainee_pay", amount, "monthly", {"training_year": year})
            for year, amount in ((1, "1100"), (2, "1160"), (3, "1230"), (4, "1300"))
        ]
        + [
            ("weekly_hours", "38", "hours", {}),
            ("leave_days", "30", "days", {}),
            ("notice", "4", "weeks", {"text": "in der Probezeit 2 Wochen"}),
            (
                "bonus",
                "55",
                "percent",
                {"text": "Jahressonderzahlung nach 12 Monaten Betriebszugehörigkeit"},
            ),
        ],
    )

    hotel_start = datetime.date(2024, 4, 1)
    hotel = register_agreement(
        "SN-TEST-0102",
        title="Entgelttarifvertrag Hotel- und Gaststättengewerbe Sachsen (Test)",
        concluded_on=datetime.date(2024, 3, 1),
        valid_from=hotel_start,
        valid_to=datetime.date(2025, 12, 31),
        parties=[ngg, hotel_employers],
        codes=["55.10", "56.10"],
        sector_text="Hotellerie und Gastronomie",
        personal_scope="Arbeitnehmer und Auszubildende",
    )
    services.provisions_add(
        user=None,
        agreement=hotel,
        valid_from=hotel_start,
        rows=[
            ("pay", amount, "hourly", {"grade": grade, "step": 1})
            for grade, amount in (("1", "13.00"), ("2", "13.50"), ("3", "14.80"))
        ]
        + [
            ("trainee_pay", amount, "monthly", {"training_year": year})
            for year, amount in ((1, "900"), (2, "1000"), (3, "1100"))
        ],
    )

    confidential = register_agreement(
        "SN-TEST-0900",
        title="Haustarifvertrag Teilefertigung Beispiel GmbH (Test)",
        level="company",
        territory="regions",
        concluded_on=datetime.date(2024, 5, 1),
        valid_from=datetime.date(2024, 6, 1),
        parties=[igm, company],
        codes=["25.62"],
        sector_text="Metall- und Elektroindustrie",
        personal_scope="Beschäftigte",
        confidential=True,
    )
    return {"metal": metal, "hotel": hotel, "confidential": confidential}
