"""The facts of ../shared/facts/tariffs.md as tests."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from lotse.tariffs import selectors, summaries
from lotse.tariffs.models import StatutoryMinimumWage

D = datetime.date
pytestmark = pytest.mark.django_db


def test_statutory_minimum_wage_from_the_data_migration():
    assert selectors.statutory_minimum_on(D(2024, 6, 1)).amount == Decimal("12.41")
    assert selectors.statutory_minimum_on(D(2026, 1, 1)).amount == Decimal("13.90")
    assert selectors.statutory_minimum_on(D(2025, 12, 31)).amount == Decimal("12.82")
    assert selectors.statutory_minimum_on(D(2014, 12, 31)) is None
    assert StatutoryMinimumWage.objects.count() == 13


def test_trainee_pay_start_2025_third_year_is_921():
    result = selectors.trainee_pay_check(
        start_year=2025, training_year=3, monthly_pay=Decimal("900")
    )
    assert result.minimum == Decimal("921")
    assert result.met is False
    assert result.difference == Decimal("21.00")
    assert selectors.trainee_pay_check(
        start_year=2025, training_year=3, monthly_pay=Decimal("921")
    ).met


def test_trainee_pay_unknown_years_give_german_messages():
    with pytest.raises(ValidationError, match="noch nicht bekanntgegeben"):
        selectors.trainee_pay_check(start_year=2027, training_year=1, monthly_pay=Decimal("800"))
    with pytest.raises(ValidationError, match="vor 2020"):
        selectors.trainee_pay_check(start_year=2019, training_year=1, monthly_pay=Decimal("800"))
    with pytest.raises(ValidationError, match="zwischen 1 und 4"):
        selectors.trainee_pay_check(start_year=2025, training_year=5, monthly_pay=Decimal("800"))


def test_care_helper_floor_on_2025_08_01(tariff_register):
    result = selectors.tariff_lookup(query="Pflege", on=D(2025, 8, 1))
    rates = {rate.category: rate.amount for item in result.sector_minimums for rate in item.rates}
    assert rates["Pflegehilfskraft"] == Decimal("16.10")
    assert rates["Pflegefachkraft"] == Decimal("20.50")
    # 15.99 an hour is above the statutory 12.82 but below the care helper floor
    check = selectors.wage_check(
        amount=Decimal("15.99"), unit="hourly", query="Altenpflege", on=D(2025, 8, 1)
    )
    below = {item.label for item in check.floors if item.below}
    assert any("Pflegehilfskraft" in label for label in below)
    assert "Gesetzlicher Mindestlohn" not in below


def test_scaffolding_gap_2025_11_15(tariff_register):
    result = selectors.tariff_lookup(wz="43.99.1", on=D(2025, 11, 15))
    assert result.sector_minimums == []
    assert result.minimum_gap is True
    assert result.statutory.amount == Decimal("12.82")
    before = selectors.tariff_lookup(wz="43.99.1", on=D(2025, 9, 30))
    assert before.sector_minimums[0].rates[0].amount == Decimal("13.95")
    after = selectors.tariff_lookup(query="Gerüstbauer", on=D(2026, 1, 1))
    assert after.sector_minimums[0].rates[0].amount == Decimal("14.35")
    text = summaries.lookup_summary(wz="43.99.1", on=D(2025, 11, 15))
    assert "Lücke" in text
    assert text.endswith("Stand: 15.11.2025. Dies ist eine Information, keine Rechtsberatung.")


def test_painters_agreement_and_ordinance_have_separate_periods(tariff_register):
    july = selectors.tariff_lookup(wz="43.34.1", on=D(2025, 7, 15))
    assert [item.agreement.register_number for item in july.agreements] == ["SN-DEMO-0002"]
    assert july.sector_minimums == []
    august = selectors.tariff_lookup(wz="43.34.1", on=D(2025, 8, 1))
    assert august.sector_minimums[0].rates[0].amount == Decimal("15.55")


def test_security_ave_applied_for_and_rejected(tariff_register):
    result = selectors.tariff_lookup(query="Wachschutz", on=D(2025, 1, 1))
    assert [item.agreement.register_number for item in result.agreements] == ["SN-DEMO-0004"]
    assert result.agreements[0].applicability is None
    assert [ave.status for ave in result.pending_applications] == ["rejected"]
    assert result.pending_applications[0].announcement == "BAnz AT 08.02.2023 B14"


def test_hairdressers_friseur_finds_frisoer_and_ave_ended(tariff_register):
    # WZ 2008 title is "Frisörsalons"; "Friseur" must find it (synonym), "Frisoer" too (fuzzy).
    for query in ("Friseur", "Frisör", "Friseure", "Frisuer"):
        result = selectors.tariff_lookup(query=query, on=D(2010, 1, 1))
        assert [a.agreement.register_number for a in result.agreements] == ["SN-DEMO-0003"], query
        assert result.agreements[0].applicability is not None
    today = selectors.tariff_lookup(query="Friseur", on=D(2025, 10, 1))
    assert today.agreements[0].applicability is None
    # either WZ version
    assert selectors.tariff_lookup(wz="96.21.0", on=D(2025, 10, 1)).agreements
    assert selectors.tariff_lookup(wz="96.02.1", on=D(2025, 10, 1)).agreements


def test_roofing_by_wz_2025_code_finds_2008_ordinance(tariff_register):
    result = selectors.tariff_lookup(wz="43.41.1", on=D(2026, 3, 1))
    rates = sorted(rate.amount for item in result.sector_minimums for rate in item.rates)
    assert rates == [Decimal("14.96"), Decimal("16.60")]


def test_unknown_wz_code_is_a_german_error(db):
    with pytest.raises(ValidationError, match="weder in der WZ 2008 noch in der WZ 2025"):
        selectors.tariff_lookup(wz="99.99.9", on=D(2025, 1, 1))


def test_company_and_confidential_agreements_are_only_counted(tariff_register):
    result = selectors.tariff_lookup(wz="25.62", on=D(2025, 6, 1))
    numbers = [item.agreement.register_number for item in result.agreements]
    assert numbers == ["SN-TEST-0101"]
    assert result.not_public == selectors.BoundedCount(1, capped=False)
    text = summaries.lookup_summary(wz="25.62", on=D(2025, 6, 1))
    assert "Muster GmbH" not in text
    assert "1 Firmentarifverträge" in text


def test_after_effect_until_replaced(tariff_register):
    result = selectors.tariff_lookup(query="Gastronomie", on=D(2026, 2, 1))
    assert result.agreements[0].in_after_effect is True
    assert "in Nachwirkung" in summaries.lookup_summary(query="Gastronomie", on=D(2026, 2, 1))


def test_nothing_registered(db):
    # A sector of the WZ titles the register holds nothing for; a word nobody knows is "not
    # found" instead (tests/tariffs/test_answers.py).
    result = selectors.tariff_lookup(query="Bergbau", on=D(2025, 1, 1))
    assert result.nothing_registered
    assert result.statutory.amount == Decimal("12.82")
    assert selectors.tariff_lookup(query="Raumfahrt", on=D(2025, 1, 1)).answer_kind == "not_found"


def test_wage_check_monthly_arithmetic(db):
    # 2,000 € at 40 h/week: 40 × 13/3 = 173.33 h → 11.54 € < 12.82 € (2025)
    result = selectors.wage_check(
        amount=Decimal("2000"), unit="monthly", hours_per_week=Decimal("40"), on=D(2025, 3, 1)
    )
    assert selectors.money(result.monthly_hours) == Decimal("173.33")
    assert selectors.money(result.hourly) == Decimal("11.54")
    assert result.below_any
    assert result.floors[0].difference == Decimal("1.28")
    with pytest.raises(ValidationError, match="negativ"):
        selectors.wage_check(amount=Decimal("-1"), unit="hourly", on=D(2025, 3, 1))
    with pytest.raises(ValidationError, match="Wochenstunden"):
        selectors.wage_check(amount=Decimal("2000"), unit="monthly", on=D(2025, 3, 1))


class TestProperties(TestCase):
    @settings(max_examples=150, deadline=None)
    @given(st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31)))
    def test_exactly_one_statutory_minimum_applies(self, day):
        rows = list(StatutoryMinimumWage.objects.order_by("valid_from"))
        applying = [
            row
            for index, row in enumerate(rows)
            if row.valid_from <= day
            and (index + 1 == len(rows) or rows[index + 1].valid_from > day)
        ]
        assert len(applying) == 1
        assert selectors.statutory_minimum_on(day) == applying[0]


def test_lookup_summary_contract_for_the_desk(tariff_register):
    """The desk inserts this text into answers: typed keyword-only, plain text, as-of date last."""
    import inspect

    signature = inspect.signature(summaries.lookup_summary)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in signature.parameters.values())
    assert signature.return_annotation in (str, "str")
    text = summaries.lookup_summary(query="Friseur", on=D(2010, 1, 1))
    assert "Lohntarifvertrag Friseurhandwerk Sachsen (in Kraft, allgemeinverbindlich)" in text
    assert "Gesetzlicher Mindestlohn: 8,50 €" not in text  # no statutory minimum before 2015
    english = summaries.lookup_summary(wz="43.99.1", on=D(2025, 11, 15), language="en")
    assert "gap" in english
    assert "Statutory minimum wage: €12.82 per hour" in english
    assert english.endswith("As of: 15 November 2025. This is information, not legal advice.")
