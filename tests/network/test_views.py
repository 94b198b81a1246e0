import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.network.models import Contact

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths), as in production
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_directory_lists_and_filters(client, make_actor):
    make_actor("Welcome Center Chemnitz", districts=["chemnitz"])
    make_actor("Jobcenter Leipzig", type_slug="arbeitsverwaltung", districts=["leipzig"])
    response = client.get("/netzwerk/", {"kreis": "chemnitz"})
    body = response.content.decode()
    assert "Welcome Center Chemnitz" in body
    assert "Jobcenter Leipzig" not in body
    assert 'name="kreis" value="chemnitz"' in body
    assert "Alle Filter zurücksetzen" in body


def test_directory_no_results_offers_reset(client, make_actor):
    make_actor("Irgendwas")
    body = client.get("/netzwerk/", {"q": "xyzunbekannt"}).content.decode()
    assert "Keine Akteure passen" in body
    assert 'href="/netzwerk/"' in body


def test_directory_english(client, make_actor):
    make_actor("Welcome Center Dresden")
    assert client.get("/en/netzwerk/").status_code == 200


def test_directory_query_count_constant(client, make_actor, django_assert_max_num_queries):
    for _ in range(5):
        make_actor(districts=["chemnitz"], topics=["tarifvertraege"], languages=["en"])
    small = _queries(client, "/netzwerk/?q=beratungsstelle&kreis=chemnitz")
    for _ in range(25):
        make_actor(districts=["chemnitz", "leipzig"], topics=["tarifvertraege"], languages=["de"])
    large = _queries(client, "/netzwerk/?q=beratungsstelle&kreis=chemnitz")
    assert small == large
    with django_assert_max_num_queries(25):
        client.get("/netzwerk/")


def test_actor_page_and_structure_query_counts(client, make_actor, django_assert_max_num_queries):
    parent = make_actor("Dach")
    for _ in range(5):
        make_actor(parent=parent, districts=["dresden"])
    small = (_queries(client, f"/netzwerk/{parent.slug}/"), _queries(client, "/netzwerk/struktur/"))
    for _ in range(25):
        make_actor(parent=parent, districts=["dresden"])
    large = (_queries(client, f"/netzwerk/{parent.slug}/"), _queries(client, "/netzwerk/struktur/"))
    assert small == large
    with django_assert_max_num_queries(20):
        client.get("/netzwerk/struktur/")


def test_actor_page_hides_internal_contacts_and_unpublished(client, make_actor):
    actor = make_actor("Sichtbar")
    Contact.objects.create(actor=actor, name="Frau Öffentlich (Demo)", is_public=True)
    Contact.objects.create(actor=actor, name="Herr Intern (Demo)", is_public=False)
    body = client.get(f"/netzwerk/{actor.slug}/").content.decode()
    assert "Frau Öffentlich (Demo)" in body
    assert "Herr Intern (Demo)" not in body
    hidden = make_actor("Unsichtbar", is_published=False)
    assert client.get(f"/netzwerk/{hidden.slug}/").status_code == 404
    assert client.get("/netzwerk/gibt-es-nicht/").status_code == 404


def test_script_in_description_is_escaped(client, make_actor):
    actor = make_actor("Escaping", description="<script>alert(1)</script>")
    for url in (f"/netzwerk/{actor.slug}/", "/netzwerk/"):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_structure_page_accessible_markup(client, make_actor):
    from datetime import date

    from lotse.network.services import cooperation_create

    a, b = make_actor("Quelle"), make_actor("Ziel", districts=["leipzig"])
    cooperation_create(
        user=None, source=a, target=b, kind="referral_partner", start_date=date(2024, 1, 1)
    )
    body = client.get("/netzwerk/struktur/").content.decode()
    assert '<svg class="network-graph" role="img"' in body
    assert '<title id="graph-title">' in body and '<desc id="graph-desc">' in body
    assert "<caption" in body and 'scope="col"' in body and 'scope="row"' in body
    assert f'href="/netzwerk/{b.slug}/"' in body
    # Both tables' heads carry KERN's class for a head (`__header` is a cell's class).
    assert body.count("<thead ") == body.count('<thead class="kern-table__head">') == 2


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    q=st.text(max_size=60),
    facet=st.sampled_from(["typ", "kreis", "thema", "zielgruppe", "sprache", "seite", "x"]),
    value=st.text(max_size=30),
)
def test_directory_never_fails(client, make_actor, q, facet, value):
    response = client.get("/netzwerk/", {"q": q, facet: value})
    assert response.status_code == 200
