"""The answer at scale: one page of agreements, bounded counts, constant queries, detail pages.

Many agreements are bulk-inserted (as the bench generator does) so the tests stay fast; the few
that need an AVE procedure or provisions go through the services.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.utils import timezone

from lotse.core.fulltext import search_document
from lotse.tariffs import api, selectors, services, summaries
from lotse.tariffs.models import (
    CollectiveAgreement,
    GeneralApplicability,
    SectorCode,
    SectorSynonym,
)
from tests.tariffs.factories import register_agreement

pytestmark = pytest.mark.django_db

D = datetime.date
ON = D(2025, 1, 1)
CODE = "43.99.1"  # Gerüstbau: no sample agreements are needed for these tests
FIRST_DAY = D(2020, 1, 1)
ANSWER = f"/tarifauskunft/auskunft/?wz={CODE}&stand=2025-01-01"
API = "/api/v1/tariffs"


def bulk_agreements(
    count: int,
    *,
    prefix: str = "T",
    level: str = "sector",
    confidential: bool = False,
    first_day: datetime.date = FIRST_DAY,
    code: str = CODE,
    words: str = "Gerüstbau",
) -> list[CollectiveAgreement]:
    """`count` agreements of one WZ class, in force from consecutive days (the last newest)."""
    CollectiveAgreement.objects.bulk_create(
        CollectiveAgreement(
            register_number=f"{prefix}-{n:04d}",
            title=f"Tarifvertrag {prefix} {n:04d}",
            search_document=search_document([f"Tarifvertrag {words}", words]),
            kind="pay",
            level=level,
            territory="saxony",
            concluded_on=first_day + datetime.timedelta(days=n),
            valid_from=first_day + datetime.timedelta(days=n),
            confidential=confidential,
        )
        for n in range(count)
    )
    rows = list(
        CollectiveAgreement.objects.filter(register_number__startswith=f"{prefix}-").order_by(
            "register_number"
        )
    )
    SectorCode.objects.bulk_create(
        SectorCode(agreement=row, version="2008", code=code) for row in rows
    )
    return rows


def declare_ave(agreement: CollectiveAgreement, *, since: datetime.date) -> GeneralApplicability:
    ave = services.ave_apply(
        user=None, agreement=agreement, applied_on=since - datetime.timedelta(days=90)
    )
    ave = services.ave_transition(user=None, ave=ave, status="committee", on=since)
    return services.ave_transition(
        user=None, ave=ave, status="declared", on=since, valid_from=since
    )


# --- bounded counts ------------------------------------------------------------------------------


def test_bounded_count_is_exact_below_the_cap_and_says_more_above():
    bulk_agreements(5)
    queryset = CollectiveAgreement.objects.all()
    assert selectors.bounded_count(queryset, cap=5) == selectors.BoundedCount(5, capped=False)
    assert selectors.bounded_count(queryset, cap=4) == selectors.BoundedCount(4, capped=True)
    assert selectors.bounded_count(queryset.none(), cap=4) == selectors.BoundedCount(0)
    assert not selectors.BoundedCount(0)
    assert selectors.BoundedCount(4, capped=True)


def test_lookup_pages_newest_first_and_counts_everything():
    rows = bulk_agreements(45)
    bulk_agreements(7, prefix="H", level="company")
    bulk_agreements(2, prefix="C", confidential=True)
    first = selectors.tariff_lookup(wz=CODE, on=ON, per_page=20)
    assert first.agreement_count == selectors.BoundedCount(45)
    assert first.not_public == selectors.BoundedCount(9)
    numbers = [item.agreement.register_number for item in first.agreements]
    assert numbers == [row.register_number for row in reversed(rows)][:20]
    assert (first.first_shown, first.last_shown, first.has_next) == (1, 20, True)
    assert first.page_count == 3
    assert first.page_numbers == [1, 2, 3]
    last = selectors.tariff_lookup(wz=CODE, on=ON, page=3, per_page=20)
    assert [item.agreement.register_number for item in last.agreements] == [
        row.register_number for row in reversed(rows)
    ][40:]
    assert (last.first_shown, last.last_shown, last.has_next) == (41, 45, False)
    # hidden entries never appear on any page
    every = {
        item.agreement.register_number
        for page in (1, 2, 3)
        for item in selectors.tariff_lookup(wz=CODE, on=ON, page=page).agreements
    }
    assert len(every) == 45
    assert all(number.startswith("T-") for number in every)


def test_lookup_counts_are_capped_with_more_than(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 10)
    bulk_agreements(25)
    bulk_agreements(11, prefix="H", level="company")
    result = selectors.tariff_lookup(wz=CODE, on=ON, per_page=20)
    assert result.agreement_count == selectors.BoundedCount(10, capped=True)
    assert result.not_public == selectors.BoundedCount(10, capped=True)
    assert result.page_count is None
    assert result.has_next  # paging goes on past the counted matches
    second = selectors.tariff_lookup(wz=CODE, on=ON, page=2, per_page=20)
    assert len(second.agreements) == 5
    assert not second.has_next
    assert second.page_numbers == [1, 2]


def test_page_out_of_range_is_a_german_error():
    with pytest.raises(selectors.ValidationError, match="Seite zwischen 1 und 50"):
        selectors.tariff_lookup(wz=CODE, on=ON, page=selectors.MAX_PAGE + 1)


def test_generally_binding_does_not_depend_on_the_page():
    rows = bulk_agreements(30)
    oldest = rows[0]  # newest first: the oldest is on the last page
    declare_ave(oldest, since=D(2024, 1, 1))
    result = selectors.tariff_lookup(wz=CODE, on=ON, per_page=20)
    assert oldest.pk not in {item.agreement.pk for item in result.agreements}
    assert result.generally_binding
    assert [ave.agreement.register_number for ave in result.binding] == [oldest.register_number]
    assert not selectors.tariff_lookup(wz=CODE, on=D(2023, 12, 31)).binding
    last = selectors.tariff_lookup(wz=CODE, on=ON, page=2, per_page=20)
    item = next(item for item in last.agreements if item.agreement.pk == oldest.pk)
    assert item.applicability is not None


def test_lookup_query_count_does_not_grow_with_matches(django_assert_max_num_queries):
    # One agreement with an AVE: the answer then reads everything it can read, including the
    # titles of the AVE procedures (a query that is left out when there are none).
    declare_ave(bulk_agreements(1)[0], since=D(2024, 1, 1))
    with django_assert_max_num_queries(12) as one:
        selectors.tariff_lookup(wz=CODE, on=ON)
    bulk_agreements(150, prefix="M")
    bulk_agreements(150, prefix="H", level="company")
    for number in ("M-0003", "M-0140", "M-0149"):
        declare_ave(CollectiveAgreement.objects.get(register_number=number), since=D(2024, 1, 1))
    with django_assert_max_num_queries(len(one.captured_queries)):
        result = selectors.tariff_lookup(wz=CODE, on=ON)
    assert result.agreement_count.capped
    assert len(result.agreements) == selectors.PAGE_SIZE


# --- the answer page -----------------------------------------------------------------------------


def test_answer_page_says_how_many_and_pages_with_permanent_urls(client):
    bulk_agreements(25)
    html = client.get(ANSWER).content.decode()
    assert "25 Branchentarifverträge gelten an diesem Tag oder wirken nach." in html
    assert "Gezeigt werden Nr. 1 bis 20, die zuletzt in Kraft getretenen zuerst." in html
    assert html.count("Register-Nr. T-") == 20
    assert "Register-Nr. T-0024" in html  # newest first
    assert "Register-Nr. T-0004" not in html
    assert 'aria-label="Seiten der Trefferliste"' in html
    assert '<span aria-current="page"><span class="kern-sr-only">Seite </span>1</span>' in html
    # the links keep the query and fix the date; page 1 has no `seite`
    assert 'rel="next" href="?wz=43.99.1&amp;stand=2025-01-01&amp;seite=2"' in html
    # the pay tables are on each agreement's own page, linked with the date
    assert "Einzelne Bestimmungen an diesem Tag" not in html
    assert '/tarifauskunft/tarifvertrag/T-0024/?stand=2025-01-01"' in html

    second = client.get(ANSWER + "&seite=2").content.decode()
    assert "Gezeigt werden Nr. 21 bis 25" in second
    assert "Register-Nr. T-0004" in second
    assert 'rel="prev" href="?wz=43.99.1&amp;stand=2025-01-01"' in second
    assert 'rel="next"' not in second
    # everything issue 5 asks for is still on every page
    for text in (
        "Allgemeinverbindlichkeit",
        "Branchenmindestlohn",
        "Gesetzlicher Mindestlohn",
        "Mindestausbildungsvergütung bei Ausbildungsbeginn 2025",
        "Stand: 01.01.2025.",
        "keine Rechtsberatung",
    ):
        assert text in second


def test_answer_page_without_date_links_pages_of_the_same_date(client):
    bulk_agreements(21, first_day=D(2000, 1, 1))
    html = client.get(f"/tarifauskunft/auskunft/?wz={CODE}").content.decode()
    today = timezone.localdate().isoformat()
    assert f'rel="next" href="?wz=43.99.1&amp;stand={today}&amp;seite=2"' in html


def test_answer_page_one_page_needs_no_pagination(client):
    bulk_agreements(3)
    html = client.get(ANSWER).content.decode()
    assert "3 Branchentarifverträge gelten an diesem Tag oder wirken nach." in html
    assert "Die zuletzt in Kraft getretenen stehen zuerst." in html
    assert "Seiten der Trefferliste" not in html
    single = bulk_agreements(1, prefix="S", code="81.21.0")
    html = client.get("/tarifauskunft/auskunft/?wz=81.21.0&stand=2025-01-01").content.decode()
    assert "1 Branchentarifvertrag gilt an diesem Tag oder wirkt nach." in html
    assert single[0].title in html


def test_answer_page_capped_counts_are_worded_honestly(client, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 10)
    bulk_agreements(25)
    bulk_agreements(12, prefix="H", level="company")
    html = client.get(ANSWER).content.decode()
    assert "Mehr als 10 Branchentarifverträge gelten an diesem Tag oder wirken nach." in html
    assert "grenzen Sie die Suche ein" in html
    assert "Außerdem sind mehr als 10 Firmentarifverträge oder vertrauliche Einträge" in html
    assert 'rel="next"' in html


def test_answer_page_beyond_the_matches_and_bad_pages(client):
    bulk_agreements(5)
    html = client.get(ANSWER + "&seite=2").content.decode()
    assert "Auf dieser Seite gibt es keine weiteren Treffer." in html
    assert 'href="?wz=43.99.1&amp;stand=2025-01-01">Zur ersten Seite' in html
    for bad in ("0", "51", "zwei"):
        response = client.get(ANSWER + f"&seite={bad}")
        assert response.status_code == 400
        assert "Bitte wählen Sie eine Seite zwischen 1 und 50." in response.content.decode()


def test_answer_page_names_binding_agreements_of_other_pages(client):
    rows = bulk_agreements(30)
    declare_ave(rows[0], since=D(2024, 1, 1))
    html = client.get(ANSWER).content.decode()
    assert "Register-Nr. T-0000" not in html  # not on page 1 ...
    assert "An diesem Tag allgemeinverbindlich" in html  # ... but named as binding
    assert '/tarifauskunft/tarifvertrag/T-0000/?stand=2025-01-01">Tarifvertrag T 0000</a>' in html
    bulk_agreements(2, prefix="N", code="81.21.0")
    other = client.get("/tarifauskunft/auskunft/?wz=81.21.0&stand=2025-01-01").content.decode()
    assert "Keiner dieser Branchentarifverträge war an diesem Tag allgemeinverbindlich." in other


def test_answer_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    declare_ave(bulk_agreements(1)[0], since=D(2024, 1, 1))
    with django_assert_max_num_queries(16) as one:
        assert client.get(ANSWER).status_code == 200
    rows = bulk_agreements(120, prefix="M")
    bulk_agreements(60, prefix="H", level="company")
    declare_ave(rows[-1], since=D(2024, 1, 1))  # on the shown page
    declare_ave(rows[0], since=D(2024, 1, 1))  # on a later page
    for url in (ANSWER, ANSWER + "&seite=3"):
        with django_assert_max_num_queries(len(one.captured_queries)):
            assert client.get(url).status_code == 200


def test_answer_pdf_has_the_page_without_navigation(client):
    bulk_agreements(25)
    response = client.get(f"/tarifauskunft/auskunft.pdf?wz={CODE}&stand=2025-01-01&seite=2")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


# --- an agreement's own page ---------------------------------------------------------------------


@pytest.fixture
def with_provisions(db):
    agreement = register_agreement(
        "SN-PAGE-1",
        title="Entgelttarifvertrag Gerüstbau Sachsen",
        valid_from=D(2023, 1, 1),
        valid_to=D(2024, 12, 31),
        codes=[CODE],
        parties=[services.party_create(user=None, name="Verband Gerüstbau", kind="union")],
    )
    for grade, amount, start, end in (
        ("1", "14.10", D(2023, 1, 1), D(2023, 12, 31)),
        ("1", "15.20", D(2024, 1, 1), None),
        ("2", "17.50", D(2023, 1, 1), None),
    ):
        services.provision_add(
            user=None,
            agreement=agreement,
            kind="pay",
            grade=grade,
            amount=Decimal(amount),
            unit="hourly",
            valid_from=start,
            valid_to=end,
        )
    return agreement


def test_agreement_page_shows_the_provisions_of_the_date(client, with_provisions):
    url = "/tarifauskunft/tarifvertrag/SN-PAGE-1/"
    html = client.get(url + "?stand=2023-06-01").content.decode()
    assert "Einzelne Bestimmungen an diesem Tag" in html
    assert "14,10" in html
    assert "15,20" not in html
    assert "In Kraft seit 01.01.2023." in html
    assert "Verband Gerüstbau" in html
    assert "WZ 2008 43.99.1" in html
    assert "Stand: 01.06.2023." in html
    assert "keine Rechtsberatung" in html
    later = client.get(url + "?stand=2025-03-01").content.decode()
    assert "15,20" in later
    assert "14,10" not in later
    assert "Abgelaufen am 31.12.2024, in Nachwirkung bis zur Ablösung." in later
    assert "Noch nicht in Kraft" in client.get(url + "?stand=2022-01-01").content.decode()
    bad = client.get(url + "?stand=31.02.2024")
    assert bad.status_code == 400
    assert "gültiges Datum" in bad.content.decode()
    pdf = client.get("/tarifauskunft/tarifvertrag/SN-PAGE-1.pdf?stand=2023-06-01")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_agreement_page_ends_after_effect_at_a_successor(client, with_provisions):
    register_agreement(
        "SN-PAGE-2",
        title="Entgelttarifvertrag Gerüstbau Sachsen 2025",
        valid_from=D(2025, 2, 1),
        codes=[CODE],
        predecessor=with_provisions,
    )
    html = client.get("/tarifauskunft/tarifvertrag/SN-PAGE-1/?stand=2025-03-01").content.decode()
    assert "nicht mehr in Kraft" in html
    assert "Entgelttarifvertrag Gerüstbau Sachsen 2025" in html  # the successor, linked


@pytest.mark.parametrize(("level", "confidential"), [("company", False), ("sector", True)])
def test_agreement_page_never_shows_hidden_entries(client, login, staff_users, level, confidential):
    register_agreement(
        "SN-HIDDEN",
        title="Haustarifvertrag Geheim GmbH",
        level=level,
        codes=[CODE],
        confidential=confidential,
    )
    for url in (
        "/tarifauskunft/tarifvertrag/SN-HIDDEN/?stand=2024-06-01",
        "/tarifauskunft/tarifvertrag/SN-HIDDEN.pdf?stand=2024-06-01",
    ):
        assert client.get(url).status_code == 404
        response = login("partner").get(url)
        assert response.status_code == 404
        assert "Geheim" not in response.content.decode()
    answer = client.get("/tarifauskunft/auskunft/?wz=43.99.1&stand=2024-06-01").content.decode()
    assert "SN-HIDDEN" not in answer
    assert "Geheim" not in answer


def test_agreement_page_queries_do_not_grow_with_provisions(
    client, with_provisions, django_assert_max_num_queries
):
    url = "/tarifauskunft/tarifvertrag/SN-PAGE-1/?stand=2024-06-01"
    with django_assert_max_num_queries(10) as one:
        assert client.get(url).status_code == 200
    for n in range(3, 30):
        services.provision_add(
            user=None,
            agreement=with_provisions,
            kind="pay",
            grade=str(n),
            amount=Decimal("20"),
            unit="hourly",
            valid_from=D(2024, 1, 1),
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("€ je Stunde") >= 29


# --- wage check and API --------------------------------------------------------------------------


def test_wage_check_query_count_does_not_grow(client, django_assert_max_num_queries):
    url = f"/tarifauskunft/lohncheck/?betrag=12&einheit=hourly&wz={CODE}&stand=2025-01-01"
    html = client.get(url).content.decode()
    assert "Branchentarifverträge können höhere Entgelte vorsehen" not in html
    bulk_agreements(1)
    with django_assert_max_num_queries(12) as one:
        html = client.get(url).content.decode()
    assert "Branchentarifverträge können höhere Entgelte vorsehen" in html
    bulk_agreements(200, prefix="M")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200


def test_api_lookup_pages_and_counts(client, monkeypatch):
    rows = bulk_agreements(25)
    bulk_agreements(3, prefix="H", level="company")
    declare_ave(rows[0], since=D(2024, 1, 1))
    data = client.get(f"{API}/lookup?wz={CODE}&date=2025-01-01").json()
    assert len(data["agreements"]) == 20
    assert data["agreements"][0]["register_number"] == "T-0024"
    assert (data["page"], data["per_page"], data["has_next"]) == (1, 20, True)
    assert (data["agreements_count"], data["agreements_count_capped"]) == (25, False)
    assert data["company_or_confidential_count"] == 3
    assert data["company_or_confidential_count_capped"] is False
    assert data["generally_binding"] is True  # the AVE'd agreement is on page 2
    second = client.get(f"{API}/lookup?wz={CODE}&date=2025-01-01&page=2").json()
    assert [item["register_number"] for item in second["agreements"]][-1] == "T-0000"
    assert second["agreements"][-1]["generally_binding"] is True
    assert second["has_next"] is False
    assert client.get(f"{API}/lookup?wz={CODE}&page=0").status_code == 422
    assert client.get(f"{API}/lookup?wz={CODE}&page=51").status_code == 422
    monkeypatch.setattr(selectors, "COUNT_CAP", 10)
    caches["local"].clear()  # the cap is code, not register content: not in the cache key
    capped = client.get(f"{API}/lookup?wz={CODE}&date=2025-01-01").json()
    assert (capped["agreements_count"], capped["agreements_count_capped"]) == (10, True)


def test_api_lookup_query_count_does_not_grow(client, django_assert_max_num_queries):
    url = f"{API}/lookup?wz={CODE}&date=2025-01-01"
    bulk_agreements(1)
    with django_assert_max_num_queries(12) as one:
        client.get(url)
    bulk_agreements(150, prefix="M")
    bulk_agreements(50, prefix="H", level="company")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get(url).json()["agreements"]) == 20


def test_api_agreement_list_count_is_capped(client, monkeypatch, django_assert_max_num_queries):
    bulk_agreements(12)
    bulk_agreements(4, prefix="H", level="company")
    data = client.get(f"{API}/agreements?limit=5").json()
    assert (data["count"], data["count_capped"]) == (12, False)
    monkeypatch.setattr(api, "LIST_COUNT_CAP", 10)
    with django_assert_max_num_queries(5):  # with the register version
        data = client.get(f"{API}/agreements?limit=5&offset=10").json()
    assert (data["count"], data["count_capped"]) == (10, True)
    assert [item["register_number"] for item in data["items"]] == ["T-0010", "T-0011"]
    filtered = client.get(f"{API}/agreements?wz={CODE}&limit=3").json()
    assert (filtered["count"], filtered["count_capped"]) == (10, True)
    assert len(filtered["items"]) == 3


def test_answer_and_agreement_pages_in_english(client, with_provisions):
    bulk_agreements(25)
    html = client.get(f"/en{ANSWER}").content.decode()
    assert "26 sector agreements apply or have after-effect on this day." in html
    assert "Shown: no. 1 to 20, the most recently entered into force first." in html
    assert 'aria-label="Pages of the result list"' in html
    assert ">Next page</a>" in html
    assert "None of these sector agreements was generally binding on this day." in html
    page = client.get("/en/tarifauskunft/tarifvertrag/SN-PAGE-1/?stand=2025-03-01")
    assert "Expired on 31 December 2024, in after-effect until replaced." in page.content.decode()
    assert "As of 1 March 2025" in page.content.decode()


def test_more_procedures_than_listed_still_mark_the_shown_agreements(client, monkeypatch):
    monkeypatch.setattr(selectors, "PROCEDURES_CAP", 1)
    rows = bulk_agreements(3)
    for row in rows:
        declare_ave(row, since=D(2024, 1, 1))
    result = selectors.tariff_lookup(wz=CODE, on=ON)
    assert result.procedures_capped
    assert len(result.binding) == 1
    assert all(item.applicability is not None for item in result.agreements)
    html = client.get(ANSWER).content.decode()
    assert "Es gibt weitere Verfahren zur Allgemeinverbindlicherklärung" in html
    assert html.count("Allgemeinverbindlich seit 01.01.2024") == 3


def test_desk_summary_says_how_many_more_and_binding_ones_elsewhere():
    rows = bulk_agreements(22)
    declare_ave(rows[0], since=D(2024, 1, 1))
    bulk_agreements(4, prefix="H", level="company")
    text = summaries.lookup_summary(wz=CODE, on=ON)
    assert text.count("\n- Tarifvertrag T ") == 20
    assert "- und 2 weitere" in text
    assert "Allgemeinverbindlich an diesem Tag außerdem: Tarifvertrag T 0000" in text
    assert "Außerdem 4 Firmentarifverträge oder vertrauliche Einträge (nicht einsehbar)." in text
    assert text.endswith("Dies ist eine Information, keine Rechtsberatung.")


def test_desk_summary_with_capped_counts(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 10)
    bulk_agreements(12)
    bulk_agreements(11, prefix="H", level="company")
    text = summaries.lookup_summary(wz=CODE, on=ON)
    assert text.count("\n- Tarifvertrag T ") == 12
    assert "weitere" not in text  # all twelve are listed
    assert "Außerdem mehr als 10 Firmentarifverträge" in text
    bulk_agreements(20, prefix="M")
    text = summaries.lookup_summary(wz=CODE, on=ON)
    assert text.count("\n- Tarifvertrag ") == 20
    assert "- und weitere" in text
    monkeypatch.setattr(selectors, "COUNT_CAP", 25)
    caches["local"].clear()
    assert "- und mehr als 5 weitere" in summaries.lookup_summary(wz=CODE, on=ON)


def test_choice_labels_match_get_display_in_both_languages():
    from django.utils import translation

    from lotse.tariffs.models import Provision, choice_label

    agreement = CollectiveAgreement(kind="trainee_pay", territory="regions")
    provision = Provision(kind="notice", unit="weeks")
    for language in ("de", "en"):
        with translation.override(language):
            assert agreement.kind_label == agreement.get_kind_display()
            assert agreement.territory_label == agreement.get_territory_display()
            assert provision.kind_label == provision.get_kind_display()
            assert provision.unit_label == provision.get_unit_display()
    assert choice_label(CollectiveAgreement.Kind, "unknown") == "unknown"


@pytest.mark.parametrize("ids_limit", [1000, 2])
def test_text_search_by_index_matches_or_subquery(monkeypatch, ids_limit):
    """Few matches filter by primary key, many keep the subquery; both find the same."""
    monkeypatch.setattr(selectors, "IDS_LIMIT", ids_limit)
    SectorSynonym.objects.create(term="Baugerüstfirma", canonical="Gerüstbau")
    bulk_agreements(5, words="Gerüstbau Sachsen")
    bulk_agreements(3, prefix="K", words="Kälteanlagenbau", code="43.22.0")
    bulk_agreements(2, prefix="H", level="company", words="Gerüstbau")
    for query in ("Gerüstbau", "Baugerüstfirma", "Gerüstbau Sachsen"):
        result = selectors.tariff_lookup(query=query, on=ON)
        assert result.agreement_count == selectors.BoundedCount(5), query
        assert all(item.agreement.register_number.startswith("T-") for item in result.agreements)
    assert selectors.tariff_lookup(query="Gerüstbau", on=ON).not_public.value == 2
    assert selectors.tariff_lookup(query="Kälteanlagenbau", on=ON).agreement_count.value == 3


def test_text_search_without_index_matches_asks_nothing_more(django_assert_max_num_queries):
    bulk_agreements(30)
    # The floors' tables (statutory minimum wage, trainee pay) are read once per register
    # version and then come from memory, as in every answer after the first.
    selectors.statutory_minimum_on(ON)
    selectors.trainee_minimum_for(ON.year)
    with django_assert_max_num_queries(6) as captured:
        result = selectors.tariff_lookup.uncached(query="Raumfahrt Tiefsee", on=ON)
    # Words the register does not know are "not found", not "nothing registered"; telling
    # the two apart (and the suggestions) fits in the same budget.
    assert result.answer_kind == "not_found"
    assert not any("tariffs_collectiveagreement_parties" in q["sql"] for q in captured)


def test_answer_page_names_the_parties_of_each_shown_agreement(client, with_provisions):
    second = services.party_create(user=None, name="Arbeitgeberverband Bau", kind="employer")
    with_provisions.parties.add(second)
    html = client.get(f"/tarifauskunft/auskunft/?wz={CODE}&stand=2024-06-01").content.decode()
    assert "Tarifparteien: Arbeitgeberverband Bau; Verband Gerüstbau" in html


def test_territory_filter_finds_each_agreement_once():
    from lotse.core.models import Region

    rows = bulk_agreements(6)
    federal, saxony, states_14, states_other, dresden_and_leipzig, leipzig = rows
    CollectiveAgreement.objects.filter(pk=federal.pk).update(territory="federal")
    CollectiveAgreement.objects.filter(pk=states_14.pk).update(territory="states", states="14,15")
    CollectiveAgreement.objects.filter(pk=states_other.pk).update(territory="states", states="15")
    CollectiveAgreement.objects.filter(pk__in=[dresden_and_leipzig.pk, leipzig.pk]).update(
        territory="regions"
    )
    dresden_and_leipzig.regions.set(Region.objects.filter(slug__in=["dresden", "leipzig"]))
    leipzig.regions.set(Region.objects.filter(slug="leipzig"))

    def shown(territory: str) -> list[int]:
        result = selectors.tariff_lookup(wz=CODE, territory=territory, on=ON)
        assert result.agreement_count.value == len(result.agreements)
        return sorted(item.agreement.pk for item in result.agreements)

    assert shown("") == sorted(row.pk for row in rows)
    assert shown("sachsen") == sorted([federal.pk, saxony.pk, states_14.pk])
    assert shown("dresden") == sorted([federal.pk, saxony.pk, states_14.pk, dresden_and_leipzig.pk])
    assert shown("leipzig") == sorted(
        [federal.pk, saxony.pk, states_14.pk, dresden_and_leipzig.pk, leipzig.pk]
    )


@pytest.mark.parametrize("ids_limit", [1000, 3])
def test_wz_search_by_code_rows_or_exists(monkeypatch, ids_limit):
    """Rare codes filter by the keys of their code rows, frequent ones by EXISTS: same answer."""
    monkeypatch.setattr(selectors, "IDS_LIMIT", ids_limit)
    rows = bulk_agreements(8)
    bulk_agreements(3, prefix="H", level="company")
    bulk_agreements(2, prefix="O", code="81.21.0")
    SectorCode.objects.bulk_create(
        SectorCode(agreement=row, version="2025", code=CODE, derived=True) for row in rows
    )  # both WZ versions: two code rows per agreement, counted once
    result = selectors.tariff_lookup(wz=CODE, on=ON)
    assert result.agreement_count == selectors.BoundedCount(8)
    assert result.not_public == selectors.BoundedCount(3)
    assert [item.agreement.pk for item in result.agreements] == [row.pk for row in rows][::-1]


def test_unused_wz_code_asks_nothing_about_agreements(django_assert_max_num_queries):
    bulk_agreements(30)
    with django_assert_max_num_queries(5) as captured:
        result = selectors.tariff_lookup(wz="96.21.0", on=ON)
    assert result.nothing_registered
    assert not any("COUNT(" in query["sql"] for query in captured)


# --- a WZ code alone: answered from the code's register in memory (issue 16) ------------------


def _answer_key(result: selectors.LookupResult) -> tuple:
    return (
        result.agreement_count,
        result.not_public,
        result.has_next,
        [
            (
                item.agreement.pk,
                item.in_after_effect,
                item.applicability.pk if item.applicability else None,
                item.parties,
                item.has_provisions,
            )
            for item in result.agreements
        ],
        [ave.pk for ave in result.binding],
        [ave.pk for ave in result.pending_applications],
        result.procedures_capped,
        result.last_end,
        result.answer_kind,
    )


@pytest.mark.parametrize("cap", [50, 2])
def test_wz_alone_answers_as_the_database_does(monkeypatch, cap):
    """Agreements in force, ended, in after-effect with and without a successor in force,
    hidden ones, declared and pending AVE procedures (more than the cap of listed procedures
    too): the in-memory answer equals the database's on every date and page."""
    monkeypatch.setattr(selectors, "PROCEDURES_CAP", cap)
    rows = bulk_agreements(12)
    bulk_agreements(3, prefix="H", level="company")
    CollectiveAgreement.objects.filter(pk=rows[0].pk).update(
        valid_to=D(2021, 6, 30), after_effect=True
    )
    CollectiveAgreement.objects.filter(pk=rows[1].pk).update(
        valid_to=D(2021, 6, 30), after_effect=True
    )
    CollectiveAgreement.objects.filter(pk=rows[5].pk).update(predecessor=rows[1])
    CollectiveAgreement.objects.filter(pk=rows[2].pk).update(valid_to=D(2020, 3, 1))
    for row in rows[6:10]:
        declare_ave(row, since=D(2022, 1, 1))
    services.ave_apply(user=None, agreement=rows[10], applied_on=D(2023, 5, 1))
    days = [D(2019, 1, 1), FIRST_DAY, D(2020, 1, 8), D(2021, 7, 1), D(2022, 6, 1), ON]
    checked = 0
    for on in days:
        for page in (1, 2):
            fast = selectors.tariff_lookup.uncached(wz=CODE, on=on, page=page, per_page=5)
            with monkeypatch.context() as patched:
                patched.setattr(selectors, "_sector_register", lambda **kwargs: None)
                database = selectors.tariff_lookup.uncached(wz=CODE, on=on, page=page, per_page=5)
            assert _answer_key(fast) == _answer_key(database), (on, page)
            checked += bool(fast.binding or fast.pending_applications)
    assert checked  # the procedures were part of some answers


def test_wz_alone_reads_the_register_of_the_code_once_per_version(
    django_assert_max_num_queries,
):
    bulk_agreements(30)
    selectors.tariff_lookup(wz=CODE, on=ON)
    with django_assert_max_num_queries(6) as captured:  # version, page, parties, provisions …
        selectors.tariff_lookup(wz=CODE, on=D(2024, 3, 1))
    assert not any("COUNT(" in query["sql"] for query in captured)
    # The agreements are not searched by code again (only the ordinances are, for the floors).
    assert not any(
        "tariffs_sectorcode" in query["sql"] and "tariffs_minimumwageordinance" not in query["sql"]
        for query in captured
    )
    register_agreement("NEU-1", valid_from=D(2024, 2, 1))
    SectorCode.objects.create(
        agreement=CollectiveAgreement.objects.get(register_number="NEU-1"),
        version="2008",
        code=CODE,
    )
    # A write moved the register version: the new agreement is counted at once.
    assert selectors.tariff_lookup(wz=CODE, on=D(2024, 3, 1)).agreement_count == (
        selectors.BoundedCount(31)
    )
