"""The desk's plain-text Tarifauskunft: every amount and date comes from the data and is written
the way the answer's language writes it (German "12,82 €" / "15.11.2025", English "€12.82" /
"15 November 2025")."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from lotse.tariffs import selectors, summaries

ON = dt.date(2025, 11, 15)


def _euro_de(amount) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " €"


def _euro_en(amount) -> str:
    return f"€{amount:,.2f}"


@pytest.mark.parametrize(
    ("language", "euro", "stand"),
    [
        ("de", _euro_de, "Stand: 15.11.2025. Dies ist eine Information, keine Rechtsberatung."),
        ("en", _euro_en, "As of: 15 November 2025. This is information, not legal advice."),
    ],
)
def test_amounts_and_date_follow_the_language(register, language, euro, stand):
    result = selectors.tariff_lookup(wz="43.99.1", on=ON)
    text = summaries.lookup_summary(wz="43.99.1", on=ON, language=language)
    lines = text.splitlines()
    assert lines[-1] == stand
    statutory = euro(result.statutory.amount)
    assert f" {statutory} " in text
    trainee = result.trainee_pay
    for n, amount in trainee.years:
        assert euro(amount) in text, (n, amount)
    trainee_line = next(line for line in lines if euro(trainee.for_year(1)) in line)
    assert str(trainee.start_year) in trainee_line


def test_sector_minimum_rates_are_written_per_language(register):
    on = dt.date(2026, 1, 1)
    result = selectors.tariff_lookup(query="Gerüstbauer", on=on)
    rate = result.sector_minimums[0].rates[0]
    german = summaries.lookup_summary(query="Gerüstbauer", on=on)
    english = summaries.lookup_summary(query="Gerüstbauer", on=on, language="en")
    assert f"{rate.category} {_euro_de(rate.amount)}" in german
    assert f"{rate.category} {_euro_en(rate.amount)}" in english
    assert "Branchenmindestlohn (" in german
    assert "Sector minimum wage (" in english


def test_the_selector_module_writes_no_sentences():
    assert not hasattr(selectors, "lookup_summary")
    assert not hasattr(selectors, "_euro")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("de", "1234.5", "1.234,50 €"),
        ("en", "1234.5", "€1,234.50"),
        ("de", "12", "12,00 €"),
        ("de", None, ""),
        ("de", "keine Zahl", ""),
    ],
)
def test_euro_filter(language, value, expected):
    template = Template("{% load money %}{{ value|euro }}")
    with translation.override(language):
        assert template.render(Context({"value": value})) == expected


def test_euro_filter_can_leave_out_cents_of_whole_amounts():
    template = Template('{% load money %}{{ value|euro:"-2" }}')
    with translation.override("de"):
        assert template.render(Context({"value": "12"})) == "12 €"
        assert template.render(Context({"value": "12.5"})) == "12,50 €"


def test_api_as_of_is_written_by_the_template_in_the_active_language():
    from lotse.tariffs import api

    with translation.override("de"):
        assert api._as_of(ON) == "Stand: 15.11.2025"
    with translation.override("en"):
        assert api._as_of(ON) == "As of: 15 November 2025"


ANSWER = "tarifauskunft/auskunft/?wz=43.99.1&stand=2025-11-15"
WAGE = "tarifauskunft/lohncheck/?betrag=2.000&einheit=monthly&stunden=40&q=&stand=2025-03-01"
TRAINEE = "tarifauskunft/ausbildungsverguetung/?beginn=2025&jahr=3&verguetung=900"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        pytest.param(f"/en/{ANSWER}", ["€12.82", "As of: 15 November 2025."], ["12,82 €"], id="en"),
        pytest.param(f"/en/{WAGE}", ["= €11.54 per hour", "below by €1.28"], [], id="en-wage"),
        pytest.param(
            f"/en/{TRAINEE}",
            ["minimum pay €921.00 a month", "€900.00 are €21.00 below the minimum pay."],
            [],
            id="en-trainee",
        ),
        pytest.param(f"/{ANSWER}", ["12,82 € brutto je Stunde", "Stand: 15.11.2025."], [], id="de"),
        pytest.param(
            f"/{TRAINEE}",
            ["900,00 € liegen 21,00 € unter der Mindestvergütung."],
            [],
            id="de-trainee",
        ),
    ],
)
def test_pages_write_amounts_and_dates_in_their_language(client, register, url, present, absent):
    html = client.get(url).content.decode()
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


def test_admin_labels_of_wages_are_localised():
    from decimal import Decimal

    from lotse.tariffs.models import MinimumWageRate, StatutoryMinimumWage

    statutory = StatutoryMinimumWage(amount=Decimal("12.82"), valid_from=dt.date(2025, 1, 1))
    rate = MinimumWageRate(category="Helfer", amount=Decimal("1234.5"))
    with translation.override("de"):
        assert str(statutory) == "12,82 € ab 01.01.2025"
        assert str(rate) == "Helfer: 1.234,50 €"
    with translation.override("en"):
        assert str(statutory) == "€12.82 from 1 January 2025"
        assert str(rate) == "Helfer: €1,234.50"


def test_euro_rounds_half_up_like_the_arithmetic():
    from lotse.core.money import euro_text

    with translation.override("de"):
        assert euro_text("11.5385") == "11,54 €"
        assert euro_text("0.005") == "0,01 €"
        assert euro_text("12.50", cents=False) == "12,50 €"
        assert euro_text("12.00", cents=False) == "12 €"
        assert euro_text("Infinity") == ""
