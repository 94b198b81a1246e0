"""The answer page's fragments kept per register version and language (decision 0021): the
search form, the navigation, the floors and the agreements' list items; and the floors of a WZ
code read from memory. Each must equal what the templates render, follow every register change
at once and differ by language."""

import re
from decimal import Decimal

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from lotse.core.models import Region
from lotse.tariffs import selectors, services
from lotse.tariffs.forms import LookupForm, TraineeCheckForm, WageCheckForm
from lotse.tariffs.models import MinimumWageRate, StatutoryMinimumWage
from lotse.tariffs.templatetags.tariff_pages import (
    agreement_paths,
    check_fields,
    lookup_form,
    page_numbers,
)
from lotse.tariffs.versioning import version_pinned
from tests.tariffs.factories import add_rate, register_agreement, register_ordinance

from .test_paging import ANSWER, CODE, ON, D, bulk_agreements, declare_ave

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"wz": CODE, "stand": "2025-01-01"},
    {"q": "Bau <b>\"&' lotse-tariffs-form-wz-value", "stand": "01.01.2025", "gebiet": "sachsen"},
    {"q": "Gerüstbau"},
    {"wz": "43.99", "gebiet": "", "stand": ""},
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("data", QUESTIONS)
def test_lookup_form_equals_the_full_rendering(data, language):
    """Values with markup, with another field's placeholder, in German date notation, empty
    and absent: the same markup as the form rendered through its template."""
    with translation.override(language), version_pinned():
        form = LookupForm(data)
        assert form.is_valid(), form.errors
        expected = render_to_string("tariffs/_lookup_form.html", {"form": form})
        assert str(lookup_form(form)) == expected
        assert str(lookup_form(form)) == expected  # the second time from the cache


def test_lookup_form_with_a_district_equals_the_full_rendering():
    district = Region.objects.districts().first()
    with version_pinned():
        form = LookupForm({"wz": CODE, "gebiet": district.slug})
        assert form.is_valid(), form.errors
        rendered = str(lookup_form(form))
    assert rendered == render_to_string("tariffs/_lookup_form.html", {"form": form})
    assert f'<option value="{district.slug}" selected>' in rendered


def test_lookup_form_with_errors_is_rendered_in_full(client):
    html = client.get("/tarifauskunft/auskunft/?wz=99.99.9&stand=2025-01-01").content.decode()
    assert "weder in der WZ 2008 noch in der WZ 2025 bekannt" in html
    assert 'value="99.99.9"' in html and 'aria-invalid="true"' in html
    assert "lotse-tariffs-form" not in html


def test_answer_form_shows_a_new_district_at_once(client):
    bulk_agreements(1)
    assert "Neuer Kreis" not in client.get(ANSWER).content.decode()
    Region.objects.filter(pk=Region.objects.districts().first().pk).update(name="Neuer Kreis")
    html = client.get(f"{ANSWER}&seite=1").content.decode()
    assert "Neuer Kreis" in html


def test_answer_form_and_navigation_differ_by_language(client):
    bulk_agreements(1)
    german = client.get(ANSWER).content.decode()
    english = client.get(f"/en{ANSWER}").content.decode()
    assert "Auskunft anzeigen" in german and "Lohncheck" in german
    assert "Auskunft anzeigen" not in english and "Lohncheck" not in english
    assert f'value="{CODE}"' in german and f'value="{CODE}"' in english
    assert 'href="/en/tarifauskunft/lohncheck/"' in english
    assert "lotse-tariffs-form" not in german + english


def test_answer_floors_follow_a_corrected_statutory_minimum_wage_at_once(client):
    bulk_agreements(1)
    assert "99,99 €" not in client.get(ANSWER).content.decode()
    statutory = selectors.statutory_minimum_on(ON)
    StatutoryMinimumWage.objects.filter(pk=statutory.pk).update(amount=Decimal("99.99"))
    since = statutory.valid_from.strftime("%d.%m.%Y")
    html = client.get(f"{ANSWER}&seite=1").content.decode()
    assert f"99,99 € brutto je Stunde (seit {since})" in html
    english = client.get(f"/en{ANSWER}&seite=1").content.decode()
    assert "€99.99" in english and "brutto je Stunde" not in english


def test_agreement_items_escape_and_say_what_the_data_says(client):
    """Title, parties, personal scope and announcement are escaped; the dates of the in-force,
    after-effect and AVE sentences are the agreements' own."""
    party = services.party_create(user=None, name="IG <Bau> & Co", kind="union")
    binding = register_agreement(
        "TV <1>/2024",
        title='Entgelt "Bau" <script>',
        valid_from=D(2024, 2, 1),
        parties=[party],
        codes=[CODE],
        personal_scope="Azubis & <Lehrlinge>",
    )
    declare_ave(binding, since=D(2024, 7, 1))
    register_agreement(
        "TV-ALT",
        valid_from=D(2020, 1, 1),
        valid_to=D(2023, 12, 31),
        after_effect=True,
        codes=[CODE],
    )
    html = client.get(ANSWER).content.decode()
    path = reverse("tariffs:agreement", args=["TV <1>/2024"])
    assert f'href="{path}?stand=2025-01-01"><strong>Entgelt &quot;Bau&quot; &lt;script&gt;' in html
    assert "<script>" not in html.split("tariffs-agreements")[1]
    assert "Tarifparteien: IG &lt;Bau&gt; &amp; Co · Für: Azubis &amp; &lt;Lehrlinge&gt;" in html
    assert "In Kraft seit 01.02.2024." in html
    assert "<strong>Allgemeinverbindlich seit 01.07.2024" in html
    assert "Abgelaufen am 31.12.2023, in Nachwirkung bis zur Ablösung." in html
    assert "Nicht allgemeinverbindlich: bindet nur tarifgebundene Arbeitgeber." in html
    english = client.get(f"/en{ANSWER}").content.decode()
    assert "In force since 1 February 2024." in english
    assert "Generally binding since 1 July 2024" in english
    assert "Expired on 31 December 2023, in after-effect until replaced." in english
    assert "In Kraft seit" not in english


@pytest.mark.parametrize("number", ["BENCH-0000001", "TV <1>/2024", "Tarif ä 12 %", "a?b#c"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_agreement_paths_are_those_of_reverse(number, language):
    with translation.override(language):
        assert agreement_paths([number]) == {number: reverse("tariffs:agreement", args=[number])}


# --- the floors of a WZ code from memory ----------------------------------------------------------


def test_wz_floors_from_memory_equal_the_database():
    """Gerüstbau's ordinances (with their gap) and one more with rates of several dates: the
    floors of the code from memory are the ordinances and rates in force in the database on
    every day around their limits."""
    register_ordinance(
        "Test-Verordnung",
        sector_label="Gerüstbau",
        valid_from=D(2024, 1, 1),
        valid_to=D(2024, 12, 31),
        codes=(CODE,),
        rates=(
            ("Helfer", "15.00", D(2024, 1, 1), D(2024, 6, 30)),
            ("Helfer", "15.50", D(2024, 7, 1), D(2024, 12, 31)),
            ("Fachkraft", "15.50", D(2024, 1, 1), D(2024, 12, 31)),
        ),
    )
    days = [D(2023, 11, 30), D(2024, 1, 1), D(2024, 7, 1), D(2025, 10, 1), D(2026, 1, 1), ON]
    shown = 0
    for on in days:
        floors = selectors.sector_floors(wz=CODE, on=on)
        expected = [
            (
                ordinance.pk,
                list(
                    MinimumWageRate.objects.filter(selectors.in_force_q(on), ordinance=ordinance)
                    .order_by("amount", "pk")
                    .values_list("pk", "amount")
                ),
            )
            for ordinance in selectors.matching_ordinances(wz=CODE).filter(selectors.in_force_q(on))
        ]
        assert [
            (item.ordinance.pk, [(rate.pk, rate.amount) for rate in item.rates])
            for item in floors.sector_minimums
        ] == expected, on
        assert floors.ordinances_found
        shown += sum(len(rates) for _pk, rates in expected)
    assert shown >= 4


def test_wz_floors_follow_a_new_rate_at_once(client):
    ordinance = register_ordinance(
        "Test-Verordnung", sector_label="Gerüstbau", valid_from=D(2024, 1, 1), codes=(CODE,)
    )
    assert selectors.sector_floors(wz=CODE, on=ON).sector_minimums[-1].rates == []
    add_rate(ordinance, "Helfer", "16.10", D(2024, 1, 1))
    html = client.get(ANSWER).content.decode()
    assert "16,10 €" in html
    assert selectors.sector_facts(wz=CODE, on=ON)[0].sector_minimums[-1].rates[0].amount == (
        Decimal("16.10")
    )


# --- the page links of an answer ---------------------------------------------------------------

# The loop the template had before `{% page_numbers %}` (decision 0030).
PAGE_LOOP = (
    "{% load i18n %}{% for number in result.page_numbers %}<li>{% if number == result.page %}"
    '<span aria-current="page"><span class="kern-sr-only">{% translate "Seite" %} </span>'
    '{{ number }}</span>{% else %}<a class="kern-link" href="?{{ page_params }}'
    '{% if number > 1 %}&amp;seite={{ number }}{% endif %}"><span class="kern-sr-only">'
    '{% translate "Seite" %} </span>{{ number }}</a>{% endif %}</li>{% endfor %}'
)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    ("page", "count"),
    [
        (1, selectors.BoundedCount(45)),
        (3, selectors.BoundedCount(45)),
        (2, selectors.BoundedCount(21)),
    ]
    + [
        (page, selectors.BoundedCount(100, capped=True))
        for page in (1, 5, 6, 7, selectors.MAX_PAGE)
    ],
)
def test_page_numbers_equal_the_template_loop(language, page, count):
    params = "q=Bau+%3Cb%3E+%26+%22x%22&wz=43.99.1&stand=2025-01-01"
    result = selectors.LookupResult(
        on=ON, query="Bau", wz=CODE, territory="", page=page, agreement_count=count, has_next=True
    )
    with translation.override(language):
        expected = (
            engines["django"]
            .from_string(PAGE_LOOP)
            .render({"result": result, "page_params": params})
        )
        assert str(page_numbers(result, params, gettext("Seite"))) == expected
    assert (
        f'<span class="kern-sr-only">{"Page" if language == "en" else "Seite"} </span>{page}</span>'
        in expected
    )
    assert "&amp;wz=" in expected and "%3Cb%3E" in expected


CHECKS = [
    (
        WageCheckForm,
        {"betrag": "2.300,50", "einheit": "monthly", "stunden": "40", "wz": CODE, "stand": ""},
    ),
    (
        WageCheckForm,
        {
            "betrag": "13,50",
            "einheit": "hourly",
            "q": "Bau <b>\"&' lotse-tariffs-form-wz-value",
            "stand": "01.01.2025",
        },
    ),
    (WageCheckForm, {"betrag": "14", "einheit": "hourly", "wz": "43.99", "stand": "2025-01-01"}),
    (TraineeCheckForm, {"beginn": "2025", "jahr": "2", "verguetung": "700,00"}),
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("form_class", "data"), CHECKS)
def test_check_fields_equal_the_template_loop(form_class, data, language):
    """Amounts in German notation, values with markup and another field's placeholder, empty
    and absent ones, both choices of a radio and a select: the same markup as the loop over
    `as_field_group`."""
    loop = engines["django"].from_string(
        "{% for field in form %}{{ field.as_field_group }}{% endfor %}"
    )
    with translation.override(language), version_pinned():
        form = form_class(data)
        assert form.is_valid(), form.errors
        expected = loop.render({"form": form})
        assert str(check_fields(form)) == expected
        assert str(check_fields(form)) == expected  # the second time from the cache


def test_check_with_errors_is_rendered_in_full(client):
    url = "/tarifauskunft/lohncheck/?betrag=abc&einheit=hourly&wz=43.99&stand=2025-01-01"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="abc"' in html and 'aria-invalid="true"' in html
    assert "lotse-tariffs-form" not in html


@pytest.mark.usefixtures("in_german")
def test_wage_check_fields_follow_the_unit_and_the_language(client):
    monthly = "/tarifauskunft/lohncheck/?betrag=2300&einheit=monthly&stunden=40&wz=43.99"
    hourly = "/tarifauskunft/lohncheck/?betrag=14&einheit=hourly&wz=43.99"
    pages = {url: client.get(url).content.decode() for url in (monthly, hourly, f"/en{monthly}")}
    assert 'value="monthly" id="id_einheit_1" checked' in pages[monthly]
    assert 'value="hourly" id="id_einheit_0" checked' in pages[hourly]
    assert 'value="40"' in pages[monthly] and 'name="stunden"' in pages[hourly]
    empty = re.search(r'<input[^>]* name="stunden"[^>]*>', pages[hourly]).group(0)
    assert "value=" not in empty
    assert "Ihr Bruttoentgelt in Euro" in pages[monthly]
    assert "Ihr Bruttoentgelt in Euro" not in pages[f"/en{monthly}"]
    assert "lotse-tariffs-form" not in "".join(pages.values())
