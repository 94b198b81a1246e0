"""The Tarifauskunft never says more than the register: three different "nothing" answers.

- "not found": the words are not understood (suggestions and the inquiry form);
- "nothing registered": the sector is known, the register holds nothing for it on the date;
- "the register holds nothing after this date": an entry ended and no successor is registered
  (may be incomplete; never "only the statutory minimum applies", and the wage check cannot
  confirm instead of "passes").
"""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.template.loader import render_to_string

from lotse.tariffs import selectors, services, summaries, views
from lotse.tariffs.models import CollectiveAgreement, SectorSynonym

from .factories import register_agreement, register_ordinance

pytestmark = pytest.mark.django_db
D = datetime.date
API = "/api/v1/tariffs"
INQUIRY = "/tarifauskunft/anfrage/"


def _ordinance(title, sector, valid_from, valid_to, code, rate):
    """An AEntG ordinance of one sector, one WZ code and one rate (category, amount, from, to)."""
    return register_ordinance(
        title,
        sector_label=sector,
        valid_from=valid_from,
        valid_to=valid_to,
        codes=(code,),
        rates=(rate,),
    )


@pytest.fixture
def care():
    """The 6th PflegeArbbV as in the register: it ended 2026-06-30, no successor registered."""
    pay = ("Pflegehilfskraft", "16.10", D(2025, 7, 1), D(2026, 6, 30))
    title = "Sechste Pflegearbeitsbedingungenverordnung (6. PflegeArbbV)"
    return _ordinance(title, "Pflege", D(2024, 2, 1), D(2026, 6, 30), "87.10", pay)


@pytest.fixture
def scaffolding():
    """Gerüstbau: 8th ordinance until 2025-09-30, 9th from 2026-01-01: a registered gap."""
    eighth = ("Mindestlohn", "13.95", D(2024, 10, 1), D(2025, 9, 30))
    _ordinance(
        "Achte Verordnung Gerüstbau", "Gerüstbau", D(2023, 12, 1), D(2025, 9, 30), "43.99.1", eighth
    )
    ninth = ("Mindestlohn", "14.35", D(2026, 1, 1), D(2026, 12, 31))
    _ordinance(
        "Neunte Verordnung Gerüstbau", "Gerüstbau", D(2026, 1, 1), D(2027, 12, 31), "43.99.1", ninth
    )


@pytest.fixture
def cleaning():
    pay = ("Lohngruppe 1", "15.00", D(2026, 1, 1), D(2026, 12, 31))
    title = "Zehnte Verordnung Gebäudereinigung"
    return _ordinance(title, "Gebäudereinigung", D(2025, 2, 1), D(2026, 12, 31), "81.21", pay)


def _pdf_html(client, monkeypatch, url: str) -> str:
    """The HTML the PDF of an answer is rendered from."""
    seen: list[str] = []

    def fake_render_pdf(template, context, request=None):
        seen.append(render_to_string(template, context, request=request))
        return b"%PDF-fake"

    monkeypatch.setattr(views, "render_pdf", fake_render_pdf)
    assert client.get(url).status_code == 200
    return seen[0]


# --- point 3: the register holds nothing after the date -----------------------------------------


def test_care_after_the_ordinance_ended_is_not_a_gap(client, care):
    result = selectors.tariff_lookup(query="Pflege", on=D(2026, 7, 15))
    assert result.minimum_gap is False
    assert result.minimum_status == "nothing_after"
    assert result.minimum_last_end == D(2026, 6, 30)
    assert result.answer_kind == "nothing_after"
    html = client.get("/tarifauskunft/auskunft/?q=Pflege&stand=2026-07-15").content.decode()
    assert "Lücke" not in html
    assert "Es gilt nur der gesetzliche Mindestlohn" not in html
    assert "nichts registriert" not in html
    assert "enthält für diese Branche nach dem 30.06.2026 keinen Eintrag" in html
    assert "unvollständig" in html
    assert f'href="{INQUIRY}?branche=Pflege' in html


def test_care_api_and_desk_summary_say_the_same(client, care):
    data = client.get(f"{API}/lookup?q=Pflege&date=2026-07-15").json()
    assert data["answer_kind"] == "nothing_after"
    assert data["sector_minimum_status"] == "nothing_after"
    assert data["sector_minimum_last_end"] == "2026-06-30"
    assert data["sector_minimum_gap"] is False
    assert data["nothing_registered"] is False
    summary = summaries.lookup_summary(query="Pflege", on=D(2026, 7, 15))
    assert "Lücke" not in summary
    assert "es gilt der gesetzliche Mindestlohn" not in summary
    assert "nach dem 30.06.2026 keinen Eintrag" in summary


def test_care_answer_pdf_says_the_same(client, care, monkeypatch):
    html = _pdf_html(client, monkeypatch, "/tarifauskunft/auskunft.pdf?q=Pflege&stand=2026-07-15")
    assert "Lücke" not in html
    assert "nach dem 30.06.2026 keinen Eintrag" in html


def test_wage_check_cannot_confirm_after_the_register_ends(client, care):
    url = "/tarifauskunft/lohncheck/?betrag=15&einheit=hourly&q=Pflege&stand=2026-07-15"
    html = client.get(url).content.decode()
    assert "liegt nicht unter den genannten Untergrenzen" not in html
    assert "kann nicht bestätigen" in html
    assert "nach dem 30.06.2026 keinen Eintrag" in html
    assert f'href="{INQUIRY}?branche=Pflege' in html
    data = client.get(f"{API}/wage-check?amount=15&q=Pflege&date=2026-07-15").json()
    assert data["below_any"] is False
    assert data["verdict"] == "cannot_confirm"
    assert data["sector_minimum_status"] == "nothing_after"


def test_wage_check_below_the_statutory_minimum_is_still_definite(client, care):
    data = client.get(f"{API}/wage-check?amount=10&q=Pflege&date=2026-07-15").json()
    assert data["verdict"] == "below"


def test_wage_check_before_the_first_registered_ordinance_cannot_confirm(client, care):
    result = selectors.wage_check(
        amount=Decimal(15), unit="hourly", query="Pflege", on=D(2023, 6, 1)
    )
    assert result.minimum_status == "nothing_before"
    assert result.verdict == "cannot_confirm"
    html = client.get(
        "/tarifauskunft/lohncheck/?betrag=15&einheit=hourly&q=Pflege&stand=2023-06-01"
    ).content.decode()
    assert "erst ab dem 01.02.2024" in html


def test_a_registered_gap_stays_a_gap(client, scaffolding):
    result = selectors.tariff_lookup(wz="43.99.1", on=D(2025, 11, 15))
    assert result.minimum_status == "gap"
    assert result.minimum_gap is True
    html = client.get("/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-11-15").content.decode()
    assert "Lücke" in html
    data = client.get(f"{API}/wage-check?amount=14&wz=43.99.1&date=2025-11-15").json()
    assert data["verdict"] == "not_below"
    assert data["sector_minimum_status"] == "gap"


def test_rates_in_force_are_an_ordinary_answer(client, care):
    result = selectors.tariff_lookup(query="Pflege", on=D(2025, 8, 1))
    assert result.minimum_status == "in_force"
    assert result.answer_kind == "registered"
    data = client.get(f"{API}/wage-check?amount=16&q=Pflege&date=2025-08-01").json()
    assert data["verdict"] == "below"


# --- point 4: not found is not "nothing registered" --------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "words", "label"),
    [
        ("", "Putzkraft", "Gebäudereinigung"),
        ("/en", "cleaning", "Gebäudereinigung"),
        ("/en", "building cleaning", "Gebäudereinigung"),
        ("/en", "scaffolding", "Gerüstbau"),
        ("/en", "care", "Pflege"),
    ],
)
def test_everyday_and_english_words_find_the_sector(
    client, care, scaffolding, cleaning, prefix, words, label
):
    result = selectors.tariff_lookup(query=words, on=D(2026, 3, 1))
    assert result.answer_kind == "registered"
    assert [item.ordinance.sector_label for item in result.sector_minimums] == [label]
    html = client.get(f"{prefix}/tarifauskunft/auskunft/", {"q": words, "stand": "2026-03-01"})
    assert label in html.content.decode()


def test_unknown_words_are_not_found_with_suggestions_and_the_inquiry(client, cleaning):
    result = selectors.tariff_lookup(query="Gebäudereinigungsfirma Zyx", on=D(2026, 3, 1))
    assert result.answer_kind == "not_found"
    assert result.nothing_registered is False
    assert "Gebäudereinigung" in result.suggestions
    html = client.get(
        "/tarifauskunft/auskunft/", {"q": "Gebäudereinigungsfirma Zyx", "stand": "2026-03-01"}
    ).content.decode()
    assert "nichts registriert" not in html
    assert "nicht gefunden" in html
    assert "?q=Geb%C3%A4udereinigung&amp;stand=2026-03-01" in html
    assert f'href="{INQUIRY}?branche=Geb%C3%A4udereinigungsfirma+Zyx' in html
    english = client.get(
        "/en/tarifauskunft/auskunft/", {"q": "Zyxwvu", "stand": "2026-03-01"}
    ).content.decode()
    assert "not found" in english
    data = client.get(f"{API}/lookup?q=Zyxwvu&date=2026-03-01").json()
    assert data["answer_kind"] == "not_found"
    assert data["nothing_registered"] is False
    wage = client.get(f"{API}/wage-check?amount=15&q=Zyxwvu&date=2026-03-01").json()
    assert wage["verdict"] == "cannot_confirm"
    summary = summaries.lookup_summary(query="Zyxwvu", on=D(2026, 3, 1))
    assert "nicht gefunden" in summary
    assert "kein Branchentarifvertrag registriert" not in summary


def test_a_known_sector_without_entries_is_nothing_registered(client):
    # A WZ class the register has nothing for, and a word of the official WZ titles.
    for params in ({"wz": "43.99.1"}, {"query": "Gerüstbau"}):
        result = selectors.tariff_lookup(**params, on=D(2026, 3, 1))
        assert result.answer_kind == "nothing_registered"
    html = client.get("/tarifauskunft/auskunft/?q=Gerüstbau&stand=2026-03-01").content.decode()
    assert "Für diese Branche ist an diesem Tag nichts registriert." in html
    assert f'href="{INQUIRY}?branche=Ger%C3%BCstbau' in html


@pytest.mark.parametrize(
    ("typed", "code"),
    [("4399", "43.99"), ("43991", "43.99.1"), ("96210", "96.21.0"), ("43 99 1", "43.99.1")],
)
def test_wz_codes_without_dots(client, scaffolding, typed, code):
    response = client.get("/tarifauskunft/auskunft/", {"wz": typed, "stand": "2025-08-01"})
    assert response.status_code == 200
    assert f"WZ {code}" in response.content.decode()
    assert client.get(f"{API}/lookup", {"wz": typed, "date": "2025-08-01"}).status_code == 200


def test_the_search_page_does_not_drop_the_query(client):
    response = client.get("/tarifauskunft/?q=Pflege&stand=2025-08-01")
    assert response.status_code == 302
    assert response["Location"] == "/tarifauskunft/auskunft/?q=Pflege&stand=2025-08-01"
    english = client.get("/en/tarifauskunft/?wz=4399")
    assert english["Location"] == "/en/tarifauskunft/auskunft/?wz=4399"


@time_machine.travel(datetime.datetime(2025, 8, 1, 10, tzinfo=datetime.UTC), tick=False)
def test_permanent_links_carry_the_date_they_answered_for(client, care):
    html = client.get("/tarifauskunft/auskunft/?q=Pflege").content.decode()
    assert 'href="/tarifauskunft/auskunft/?q=Pflege&amp;stand=2025-08-01"' in html
    assert 'href="/tarifauskunft/auskunft.pdf?q=Pflege&amp;stand=2025-08-01"' in html
    wage = client.get(
        "/tarifauskunft/lohncheck/?betrag=15&einheit=hourly&q=Pflege"
    ).content.decode()
    assert "stand=2025-08-01" in wage


def test_an_answer_without_date_is_for_today_also_tomorrow(client, care):
    with time_machine.travel(
        datetime.datetime(2026, 6, 30, 21, 50, tzinfo=datetime.UTC), tick=False
    ):
        first = client.get("/tarifauskunft/auskunft/?q=Pflege").content.decode()
    assert "Auskunft für den 30.06.2026" in first
    with time_machine.travel(
        datetime.datetime(2026, 6, 30, 22, 10, tzinfo=datetime.UTC), tick=False
    ):
        second = client.get("/tarifauskunft/auskunft/?q=Pflege").content.decode()
    assert "Auskunft für den 01.07.2026" in second
    assert "16,10" not in second


# --- point 5: hidden agreements are never found by their names ---------------------------------


@pytest.fixture
def hidden_and_public():
    firm = services.party_create(user=None, name="Muster GmbH", kind="employer")
    union = services.party_create(user=None, name="IG Metall", kind="union")
    register_agreement(
        "SN-H-1",
        title="Haustarifvertrag Präzisionsteile Muster GmbH",
        level="company",
        codes=["25.62"],
        parties=[firm, union],
        sector_text="Betriebe der Muster GmbH",
    )
    return register_agreement(
        "SN-P-1", title="Entgelttarifvertrag Metall Sachsen", codes=["25.62"], parties=[union]
    )


@pytest.mark.parametrize("words", ["Muster GmbH", "Muster", "Haustarifvertrag", "Präzisionsteile"])
def test_words_of_hidden_titles_and_parties_find_nothing(client, hidden_and_public, words):
    result = selectors.tariff_lookup(query=words, on=D(2025, 1, 1))
    assert not result.not_public
    assert result.answer_kind == "not_found"
    html = client.get(
        "/tarifauskunft/auskunft/", {"q": words, "stand": "2025-01-01"}
    ).content.decode()
    assert "vertraulich" not in html.split("tariffs-note")[0]
    data = client.get(f"{API}/lookup", {"q": words, "date": "2025-01-01"}).json()
    assert data["company_or_confidential_count"] == 0


def test_hidden_entries_still_count_for_sector_questions(client, hidden_and_public):
    assert selectors.tariff_lookup(wz="25.62", on=D(2025, 1, 1)).not_public.value == 1
    # the party's name finds only the public agreement it is party to
    result = selectors.tariff_lookup(query="IG Metall", on=D(2025, 1, 1))
    assert result.agreement_count.value == 1 and not result.not_public


def test_an_agreement_made_confidential_loses_its_words(hidden_and_public):
    services.agreement_correct(user=None, agreement=hidden_and_public, confidential=True)
    assert (
        "entgelttarifvertrag"
        not in CollectiveAgreement.objects.get(pk=hidden_and_public.pk).search_document
    )
    result = selectors.tariff_lookup(query="Entgelttarifvertrag Metall", on=D(2025, 1, 1))
    assert not result.not_public


# --- point 6: the answer says only what the agreement's page has --------------------------------


def test_answer_promises_pay_tables_only_where_provisions_are_recorded(client):
    with_table = register_agreement("SN-T-1", title="Mit Tabelle", codes=["25.62"])
    register_agreement("SN-T-2", title="Ohne Tabelle", codes=["25.62"], valid_from=D(2024, 2, 1))
    services.provision_add(
        user=None, agreement=with_table, kind="pay", grade="E1", amount=Decimal(2500),
        unit="monthly", valid_from=D(2024, 1, 1),
    )  # fmt: skip
    html = client.get("/tarifauskunft/auskunft/?wz=25.62&stand=2025-01-01").content.decode()
    assert "stehen auf der Seite des jeweiligen Tarifvertrags" not in html
    without, with_ = html.split("Ohne Tabelle")[1], html.split("Mit Tabelle")[1]
    assert (
        "Einzelne Bestimmungen sind für diesen Tag nicht erfasst."
        in without.split("Mit Tabelle")[0]
    )
    assert "Einzelne Bestimmungen an diesem Tag" in with_
    agreement_page = client.get(
        "/tarifauskunft/tarifvertrag/SN-T-2/?stand=2025-01-01"
    ).content.decode()
    assert "keine einzelnen Bestimmungen" in agreement_page
    assert f'href="{INQUIRY}?branche=Ohne+Tabelle' in agreement_page


def test_answer_counts_match_the_data(client):
    for n in range(3):
        register_agreement(f"SN-C-{n}", codes=["25.62"])
    register_agreement("SN-C-H", codes=["25.62"], level="company")
    html = client.get("/tarifauskunft/auskunft/?wz=25.62&stand=2025-01-01").content.decode()
    assert "3 Branchentarifverträge gelten an diesem Tag" in html
    assert "Außerdem ist 1 Firmentarifvertrag oder vertraulicher Eintrag registriert" in html
    assert len(re.findall(r'href="/tarifauskunft/tarifvertrag/SN-C-\d/', html)) == 3


# --- the new answers are cached under the register version like the others --------------------


def test_new_answer_kinds_are_cached_and_follow_the_register(
    client, care, django_assert_num_queries
):
    not_found = "/tarifauskunft/auskunft/?q=Zyxwvu&stand=2026-07-15"
    after = "/tarifauskunft/auskunft/?q=Pflege&stand=2026-07-15"
    for url in (not_found, after):
        first = client.get(url).content.decode()
        with django_assert_num_queries(1):  # the register version only
            assert client.get(url).content.decode() == first
    SectorSynonym.objects.create(term="Zyxwvu", canonical="Pflege")
    assert "nicht gefunden" not in client.get(not_found).content.decode()
    pay = ("Pflegehilfskraft", "16.52", D(2026, 7, 1), None)
    _ordinance(
        "Siebte Pflegearbeitsbedingungenverordnung", "Pflege", D(2026, 7, 1), None, "87.10", pay
    )
    html = client.get(after).content.decode()
    assert "nach dem 30.06.2026 keinen Eintrag" not in html
    assert "16,52" in html


def test_summary_figures_come_from_the_data():
    for n in range(23):
        register_agreement(f"SN-S-{n:02d}", codes=["25.62"])
    summary = summaries.lookup_summary(wz="25.62", on=D(2025, 1, 1))
    assert summary.count("\n- Tarifvertrag SN-S-") == 20
    assert "- und 3 weitere" in summary


@time_machine.travel(datetime.datetime(2025, 8, 1, 10, tzinfo=datetime.UTC), tick=False)
def test_pdf_prints_the_dated_permanent_link(client, care, monkeypatch):
    html = _pdf_html(client, monkeypatch, "/tarifauskunft/auskunft.pdf?q=Pflege")
    assert "/tarifauskunft/auskunft/?q=Pflege&amp;stand=2025-08-01" in html
    wage = _pdf_html(client, monkeypatch, "/tarifauskunft/lohncheck.pdf?betrag=15&einheit=hourly")
    assert "/tarifauskunft/lohncheck/?betrag=15&amp;einheit=hourly&amp;stand=2025-08-01" in wage


@time_machine.travel(datetime.datetime(2025, 8, 1, 10, tzinfo=datetime.UTC), tick=False)
def test_agreement_page_shows_its_dated_permanent_link(client):
    register_agreement("SN-L-1", codes=["25.62"])
    html = client.get("/tarifauskunft/tarifvertrag/SN-L-1/").content.decode()
    assert ">http://testserver/tarifauskunft/tarifvertrag/SN-L-1/?stand=2025-08-01</a>" in html
