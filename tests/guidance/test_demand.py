"""Bedarf und Angebot: staff only (page, CSV, the coverage map's link), counts the recommended
measures of completed checks per district next to the public offers there, constant queries."""

import pytest
from django.urls import reverse

from lotse.core.models import Region
from lotse.guidance.demand import demand
from lotse.guidance.services import check_module_answer
from tests.offers.conftest import create_offer

from .conftest import module_answers, start_check
from .factories import CompanyCheckFactory

pytestmark = pytest.mark.django_db

SAFETY = "arbeits-gesundheitsschutz"
MEASURE = "arbeitsschutz.gefaehrdungsbeurteilung-erstellen"


def completed_with_breach(version, district):
    check, _token = start_check(version, district, modules=("arbeitsschutz",))
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return check


def test_counts_recommended_measures_next_to_offers(version, zwickau):
    dresden = Region.objects.get(slug="dresden")
    for _index in range(3):
        completed_with_breach(version, zwickau)
    completed_with_breach(version, dresden)
    start_check(version, zwickau, modules=("arbeitsschutz",))  # not completed: not counted
    create_offer(title="Arbeitsschutz Dresden", topic_fields=[SAFETY], districts=["dresden"])
    create_offer(title="Arbeitsschutz online", topic_fields=[SAFETY], online=True)
    result = demand()
    assert result.completed == 4
    rows = {(row.district.slug, row.measure_key): row for row in result.rows}
    in_zwickau = rows[("zwickau", MEASURE)]
    assert in_zwickau.checks == 3 and in_zwickau.offers == 0 and in_zwickau.gap
    assert in_zwickau.online == 1
    assert in_zwickau.title == "Gefährdungsbeurteilung erstellen und dokumentieren"
    in_dresden = rows[("dresden", MEASURE)]
    assert in_dresden.checks == 1 and in_dresden.offers == 1 and not in_dresden.gap


def test_queries_constant_in_checks(version, zwickau, django_assert_max_num_queries):
    completed_with_breach(version, zwickau)
    measures = [{"key": MEASURE, "topic_field": SAFETY}]
    CompanyCheckFactory.create_batch(5, measures=measures)
    with django_assert_max_num_queries(10) as first:
        demand()
    CompanyCheckFactory.create_batch(40, measures=measures)
    with django_assert_max_num_queries(len(first.captured_queries)):
        result = demand()
    assert result.rows[0].checks == 46


@pytest.mark.parametrize(("name", "allowed"), [("redaktion", True), ("partner", False)])
def test_staff_only_page_csv_and_coverage_link(
    client, version, zwickau, staff_users, name, allowed
):
    completed_with_breach(version, zwickau)
    assert client.get(reverse("guidance:demand")).status_code in (302, 403)
    client.force_login(staff_users[name])
    page = client.get(reverse("guidance:demand"))
    csv = client.get(reverse("guidance:demand_export_csv"))
    coverage = client.get(reverse("offers:coverage")).content.decode()
    if allowed:
        assert page.status_code == 200 and "Lücke" in page.content.decode()
        assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
        body = csv.content.decode("utf-8-sig")
        assert "Gefährdungsbeurteilung erstellen" in body and "Zwickau" in body
        assert reverse("guidance:demand") in coverage
    else:
        assert page.status_code == 403 and csv.status_code == 403
        assert reverse("guidance:demand") not in coverage


def test_csv_cells_are_guarded(client, version, staff_users):
    CompanyCheckFactory(measures=[{"key": "=cmd|x", "topic_field": SAFETY}])
    client.force_login(staff_users["redaktion"])
    body = client.get(reverse("guidance:demand_export_csv")).content.decode("utf-8-sig")
    assert "'=cmd|x" in body
