"""Public pages: entry points, no-JS form, result, languages, shareable link, PDF, bad input."""

from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.usefixtures("check_day")

ANSWERS = {
    "audience": "person",
    "on": "2026-03-01",
    "citizenship": "other",
    "qualification": "academic",
    "recognition": "full",
    "job_offer": "on",
    "salary": "52000",
    "german": "B1",
    "age": "30",
}


def query(**changes):
    data = {**ANSWERS, **changes}
    return urlencode({k: v for k, v in data.items() if v is not None})


def test_start_page_offers_two_entry_points_and_seven_languages(client, migration_rules):
    response = client.get("/einwanderung/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/einwanderung/person/?lang=de" in html
    assert "/einwanderung/arbeitgeber/?lang=de" in html
    assert 'aria-current="true" lang="de">Deutsch<' in html
    for code in ("en", "uk", "ar", "ru", "vi", "es"):
        assert f'hreflang="{code}"' in html
    assert "/einwanderung/leichte-sprache/" in html


def test_english_address_gives_the_check_in_english(client, migration_rules):
    html = client.get("/en/einwanderung/").content.decode()
    assert 'lang="en" dir="ltr"' in html
    assert "Which way to Saxony" in html


def test_arabic_is_right_to_left_inside_a_german_portal(client, migration_rules):
    html = client.get("/einwanderung/person/?lang=ar").content.decode()
    assert '<div class="lotse-check" lang="ar" dir="rtl">' in html
    assert '<html lang="de"' in html


def test_form_works_without_javascript_as_a_get_form(client, migration_rules):
    html = client.get("/einwanderung/person/").content.decode()
    assert '<form method="get" action="/einwanderung/ergebnis/"' in html
    assert 'name="audience" value="person"' in html
    assert "<script" not in html.split("<main")[1]


def test_employer_wording_differs(client, migration_rules):
    person = client.get("/einwanderung/person/").content.decode()
    employer = client.get("/einwanderung/arbeitgeber/").content.decode()
    assert "Fragen zu Ihnen" in person
    assert "Fragen zur Fachkraft, die Sie einstellen möchten" in employer
    result = client.get(f"/einwanderung/ergebnis/?{query(audience='employer')}").content.decode()
    assert "Beschleunigtes Fachkräfteverfahren" in result
    assert "Zustimmung der Bundesagentur für Arbeit vorbereiten" in result


def test_result_names_the_rules_date_the_notice_and_the_share_link(client, migration_rules):
    response = client.get(f"/einwanderung/ergebnis/?{query()}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stand der Regeln: 06.12.2026" in html
    assert "Information, keine Rechtsberatung." in html
    assert "Blaue Karte EU" in html
    assert "http://testserver/einwanderung/ergebnis/?" in html
    assert "/kontakt/" in html
    assert "no-store" in response["Cache-Control"]


def test_the_same_answers_on_both_sides_of_new_year(client, migration_rules):
    before = client.get(f"/einwanderung/ergebnis/?{query(on='2025-12-31', salary='49000')}")
    after = client.get(f"/einwanderung/ergebnis/?{query(on='2026-01-01', salary='49000')}")
    assert "Das Gehalt erreicht die Grenze von 48.300,00 €" in before.content.decode()
    assert "mindestens 50.700,00 € im Jahr" in after.content.decode()


def test_local_contacts_for_the_chosen_district(client, migration_rules, actors):
    html = client.get(f"/einwanderung/ergebnis/?{query(district='chemnitz')}").content.decode()
    assert "Welcome Center Chemnitz" in html
    assert "Agentur für Arbeit Chemnitz" in html
    assert "Industrie- und Handelskammer Chemnitz" in html


def test_result_queries_do_not_grow_with_contacts(
    client, migration_rules, actors, django_assert_num_queries
):
    client.get(f"/einwanderung/ergebnis/?{query(district='leipzig')}")  # warms Wagtail's site
    for alias in ("default", "local"):
        caches[alias].clear()
    # the content versions; districts, parameters, route notes; the district's contacts:
    # region, actors; the page tree the portal's shell keeps in the same memory
    with django_assert_num_queries(7):
        client.get(f"/einwanderung/ergebnis/?{query(district='leipzig')}")
    # the next time only the versions: districts, parameters and notes are kept under them in
    # the worker's memory (decision 0041), the contacts of a district in the shared cache
    with django_assert_num_queries(1):
        client.get(f"/einwanderung/ergebnis/?{query(district='leipzig', salary='60000')}")


def test_eu_citizens_end_early(client, migration_rules):
    html = client.get(f"/einwanderung/ergebnis/?{query(citizenship='eu')}").content.decode()
    assert "Freizügigkeit" in html
    assert "Offene Wege" not in html


def test_pdf_of_the_result(client, migration_rules):
    response = client.get(f"/einwanderung/ergebnis.pdf?{query()}&lang=ar")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")


def test_edit_link_prefills_the_form(client, migration_rules):
    html = client.get(f"/einwanderung/person/?{query()}").content.decode()
    assert 'value="52000"' in html


def test_easy_read_page(client, migration_rules):
    response = client.get("/einwanderung/leichte-sprache/")
    assert response.status_code == 200
    assert "Leichter Sprache" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"salary": "-1"}, "salary", "Das Gehalt kann nicht negativ sein."),
        ({"age": "300"}, "age", "Bitte ein Alter von 15 bis 99 Jahren."),
        ({"citizenship": "Atlantis"}, "citizenship", "Staatsangehörigkeit aus der Liste"),
        ({"on": "1900-01-01"}, "on", "erst ab dem 18.11.2023"),
        ({"on": "kein Datum"}, "on", "JJJJ-MM-TT"),
        ({"experience_last_5": "4", "experience_last_7": "2"}, "experience_last_7", "mindestens"),
    ],
)
def test_bad_input_gets_a_message_and_no_result(client, migration_rules, changes, field, message):
    response = client.get(f"/einwanderung/ergebnis/?{query(**changes)}")
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in html
    assert message in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "The salary cannot be negative."),
        ("uk", "Зарплата не може бути від’ємною."),
        ("ar", "لا يمكن أن يكون الراتب سالبًا."),
    ],
)
def test_bad_input_message_in_the_chosen_language(client, migration_rules, lang, message):
    response = client.get(f"/einwanderung/ergebnis/?{query(salary='-5')}&lang={lang}")
    assert response.status_code == 400
    assert message in response.content.decode()


text = st.text(max_size=30)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            name: text | st.integers(-(10**12), 10**12).map(str)
            for name in (
                "audience",
                "on",
                "citizenship",
                "qualification",
                "recognition",
                "salary",
                "german",
                "english",
                "age",
                "experience_last_5",
                "experience_last_7",
                "district",
                "abroad",
                "lang",
                "occupation",
            )
        },
    )
)
def test_no_input_gives_a_server_error(client, migration_rules, values):
    response = client.get(f"/einwanderung/ergebnis/?{urlencode(values)}")
    assert response.status_code in (200, 400)
