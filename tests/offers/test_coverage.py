import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.utils import timezone

from lotse.core import roles
from lotse.core.models import ActorType, Region, TopicField
from lotse.network.models import Actor
from lotse.offers.coverage import coverage_matrix
from lotse.offers.models import Offer

pytestmark = pytest.mark.django_db

URLS = override_settings(ROOT_URLCONF="tests.offers.coverage_urls")


@pytest.fixture
def actor():
    return Actor.objects.create(
        name="Testakteur", slug="testakteur", actor_type=ActorType.objects.first()
    )


def make_offer(actor, number, *, districts=(), topics=(), live=True, **extra):
    offer = Offer.objects.create(
        title=f"Angebot {number}",
        slug=f"angebot-{number}",
        summary="Kurz",
        actor=actor,
        kind=Offer.Kind.ADVICE,
        live=live,
        confirmed_at=timezone.now(),
        **extra,
    )
    offer.districts.set(districts)
    offer.topic_fields.set(topics)
    offer.save()
    return offer


def region(slug):
    return Region.objects.get(slug=slug)


def topic(slug):
    return TopicField.objects.get(slug=slug)


@pytest.fixture
def sample(actor):
    training = topic("ausbildung-weiterbildung")
    migration = topic("integration-fachkraefteeinwanderung")
    leipzig, dresden = region("leipzig"), region("dresden")
    make_offer(actor, 1, districts=[leipzig, dresden], topics=[training, migration])
    make_offer(actor, 2, districts=[leipzig], topics=[training])
    make_offer(actor, 3, topics=[training], statewide=True)
    make_offer(actor, 4, topics=[migration], online=True)
    make_offer(actor, 5, topics=[migration], online=True, statewide=True)
    make_offer(actor, 6, districts=[dresden], topics=[training], live=False)  # not public
    return {"training": training, "migration": migration, "leipzig": leipzig, "dresden": dresden}


def test_matrix_counts_and_separate_statewide_online(sample):
    matrix = coverage_matrix()
    assert len(matrix.districts) == 13
    assert len(matrix.topic_fields) == 5
    assert matrix.count(sample["leipzig"], sample["training"]) == 2
    assert matrix.count(sample["leipzig"], sample["migration"]) == 1
    assert matrix.count(sample["dresden"], sample["training"]) == 1  # draft not counted
    assert matrix.district_totals[sample["leipzig"].pk] == 2
    assert matrix.statewide[sample["training"].pk] == 1
    assert matrix.statewide[sample["migration"].pk] == 1
    assert matrix.online[sample["migration"].pk] == 2
    assert matrix.online.get(sample["training"].pk, 0) == 0
    assert matrix.statewide_total == 2
    assert matrix.online_total == 2
    # statewide/online offers are not added to the district cells
    assert matrix.count(region("chemnitz"), sample["training"]) == 0


def test_gaps(sample):
    matrix = coverage_matrix()
    assert (sample["leipzig"], sample["training"]) not in matrix.gaps
    assert (region("chemnitz"), sample["training"]) in matrix.gaps
    assert len(matrix.gaps) == 13 * 5 - 4


def test_query_count_is_constant(actor, django_assert_num_queries):
    with django_assert_num_queries(6):
        coverage_matrix()
    training = topic("ausbildung-weiterbildung")
    for number in range(20):
        make_offer(
            actor, number, districts=[region("leipzig"), region("meissen")], topics=[training]
        )
    with django_assert_num_queries(6):
        matrix = coverage_matrix()
    assert matrix.count(region("meissen"), training) == 20


@URLS
def test_page_table_and_map(sample):
    response = Client().get("/angebote/abdeckung/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html
    assert 'scope="row"' in html and 'scope="col"' in html
    assert "Lücke" in html
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert html.count("<circle") == 13
    assert "export.csv" not in html  # no download links for visitors


@URLS
def test_map_topic_filter(sample):
    response = Client().get(
        "/angebote/abdeckung/", {"thema": "integration-fachkraefteeinwanderung"}
    )
    html = response.content.decode()
    assert "Dresden: 1" in html
    assert "Leipzig: 1" in html
    assert "Chemnitz: Lücke" in html


@URLS
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_forbidden_for_anonymous_and_partner(sample, suffix):
    assert Client().get(f"/angebote/abdeckung/export.{suffix}").status_code == 403
    partner = get_user_model().objects.create_user("p", password="x")
    partner.groups.add(Group.objects.get(name=roles.PARTNER))
    client = Client()
    client.force_login(partner)
    assert client.get(f"/angebote/abdeckung/export.{suffix}").status_code == 403


@URLS
def test_export_csv_and_xlsx_for_editors(sample):
    editor = get_user_model().objects.create_user("r", password="x")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client = Client()
    client.force_login(editor)
    response = client.get("/angebote/abdeckung/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("AGS;Landkreis / Kreisfreie Stadt;Integration")
    leipzig = next(line for line in lines if line.startswith("14713;"))
    assert leipzig.split(";")[1:] == ["Leipzig", "1", "2", "0", "0", "0", "2"]
    assert lines[-2].split(";")[1] == "landesweit"
    assert lines[-1].split(";")[-1] == "2"
    xlsx = client.get("/angebote/abdeckung/export.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"
    assert "export.csv" in client.get("/angebote/abdeckung/").content.decode()


@URLS
def test_api(sample, client):
    response = client.get("/api/v1/coverage")
    assert response.status_code == 200
    data = response.json()
    assert "as_of" in data
    assert [t["slug"] for t in data["topic_fields"]][0] == "integration-fachkraefteeinwanderung"
    migration = data["topic_fields"][0]
    assert migration["statewide"] == 1 and migration["online"] == 2
    leipzig = next(d for d in data["districts"] if d["ags"] == "14713")
    assert leipzig["counts"]["ausbildung-weiterbildung"] == 2
    assert "tarifvertraege" in leipzig["gaps"]
    assert data["gap_count"] == 13 * 5 - 4


def test_public_matrix_is_cached(sample, django_assert_num_queries):
    from lotse.offers.coverage import coverage_matrix_cached

    first = coverage_matrix_cached()
    with django_assert_num_queries(1):  # the content version, outside a request
        assert coverage_matrix_cached().as_of == first.as_of


def test_public_matrix_counts_a_new_offer_at_once(sample, actor):
    """Kept under the content version: the page cache never stores an old matrix again."""
    from lotse.offers.coverage import coverage_matrix_cached

    before = coverage_matrix_cached().count(sample["dresden"], sample["training"])
    make_offer(actor, 7, districts=[sample["dresden"]], topics=[sample["training"]])
    assert coverage_matrix_cached().count(sample["dresden"], sample["training"]) == before + 1
