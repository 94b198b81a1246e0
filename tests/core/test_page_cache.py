"""The whole-response cache of the public pages (lotse/core/page_cache.py): served from the cache
until a write the page reads moves its content version (lotse/core/versioning.py), never for a
logged-in or cookie-carrying visitor, per language, with working forms."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib import messages
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from lotse.content.models import HomePage, TopicFieldPage
from lotse.core import versioning
from lotse.core.models import Region
from lotse.events.models import Site
from lotse.figures.models import Indicator, IndicatorUnit
from lotse.network.models import Actor
from lotse.offers.models import Offer
from lotse.tariffs.models import CollectiveAgreement
from tests.conftest import initial_content_load
from tests.events.conftest import create_event
from tests.events.test_views import form_data
from tests.figures.factories import inquiry_facts
from tests.network.factories import ActorFactory
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.LOTSE_PAGE_CACHE_SECONDS = 300


def get(client, url, **kwargs) -> tuple[int, HttpResponse]:
    """(queries, response) of one GET that must answer 200."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries), response


def fetch(client, url, **kwargs) -> tuple[bool, str]:
    """(from the cache, HTML) of one GET that must answer 200. A page from the cache renders no
    template (a rendering may need no more queries than a hit: routes and fragments are kept
    under the versions too, decision 0015)."""
    _queries, response = get(client, url, **kwargs)
    return not response.templates, response.content.decode()


def cached(client, url) -> str:
    """The page, after checking that its second request came from the cache (no template, one
    query: the versions)."""
    fetch(client, url)
    queries, response = get(client, url)
    assert not response.templates and queries == 1, f"{url} was not served from the cache"
    return response.content.decode()


# --- The versions ---------------------------------------------------------------------------


def test_every_watched_table_has_its_triggers():
    installed = versioning.installed_triggers(connection)
    watches = versioning.watches()
    tables = {watch.table for watch in watches}
    assert {"wagtailcore_page", "offers_offer", "network_actor", "events_site"} <= tables
    assert {"tariffs_provision", "figures_indicator", "core_topicfield"} <= tables
    assert not {"django_session", "desk_inquiry", "core_contentversion"} & tables
    for watch in watches:
        assert any(watch.name in name for name in installed.get(watch.table, ())), watch


@pytest.mark.parametrize("scope", ["inquiry-facts", "seats; DROP", "plätze", ""])
def test_a_scope_must_be_an_identifier(scope):
    with pytest.raises(ValueError):
        versioning.version_scope("events_site", scope)


def test_installing_again_changes_nothing():
    before = versioning.installed_triggers(connection)
    versioning.install_triggers(connection)
    assert versioning.installed_triggers(connection) == before


def test_a_registration_moves_the_seats_not_the_content():
    event = create_event(capacities=(5,))
    before = versioning.current_versions()
    Site.objects.filter(event=event).update(booked=1)
    after = versioning.current_versions()
    assert after["seats"] != before.get("seats")
    assert after["content"] == before["content"]
    Site.objects.filter(event=event).update(capacity=9)
    assert versioning.current_versions()["content"] != after["content"]


# --- Served from the cache, rebuilt after each kind of write ----------------------------------


def test_the_home_page_is_served_from_the_cache(site_pages, client):
    first_hit, first = fetch(client, "/")
    html = cached(client, "/")
    assert not first_hit
    assert html == first


def test_a_stale_page_would_be_served_without_the_version(site_pages, client, monkeypatch):
    """Control: with the versions frozen, a change is not seen (the tests below can fail)."""
    monkeypatch.setattr("lotse.core.page_cache.current_versions", lambda: {})
    fetch(client, "/")
    assert fetch(client, "/")[0]
    home = HomePage.objects.get(locale__language_code="de")
    home.title = "Eingefrorener Titel"
    home.save_revision().publish()
    assert "Eingefrorener Titel" not in fetch(client, "/")[1]


def test_page_publish_and_unpublish(site_pages, client):
    topic = TopicFieldPage.objects.filter(locale__language_code="de").first()
    url = topic.url
    cached(client, url)
    topic.title = "Neuer Titel des Themenfelds"
    topic.save_revision().publish()
    assert "Neuer Titel des Themenfelds" in fetch(client, url)[1]
    cached(client, url)
    Page.objects.get(pk=topic.pk).specific.unpublish()
    assert client.get(url).status_code == 404


def _offer_saved(offer, title):
    offer.title = title  # the offer snippet as the admin saves it
    offer.save()


@pytest.mark.parametrize(
    ("make", "path", "change"),
    [
        pytest.param(
            lambda name: OfferFactory(title=name), "/angebote/{}/", _offer_saved, id="snippet-save"
        ),
        pytest.param(
            lambda name: OfferFactory(title=name),
            "/angebote/{}/",
            lambda offer, name: Offer.objects.filter(pk=offer.pk).update(title=name),
            id="queryset-update",
        ),
        pytest.param(
            lambda name: ActorFactory(name=name),
            "/netzwerk/{}/",
            lambda actor, name: Actor.objects.filter(pk=actor.pk).update(name=name),
            id="actor-update",
        ),
    ],
)
def test_an_edit_shows_on_the_next_request(site_pages, client, make, path, change):
    row = make("Beratung vor der Änderung")
    url = path.format(row.slug)
    assert "Beratung vor der Änderung" in cached(client, url)
    change(row, "Beratung nach der Änderung")
    assert "Beratung nach der Änderung" in fetch(client, url)[1]


def test_bulk_writes(site_pages, client):
    cached(client, "/regionen/dresden/")
    Indicator.objects.bulk_create(  # as the indicator import writes
        [
            Indicator(
                key="arbeitslosenquote",
                region=Region.objects.get(code="14612"),
                period=datetime.date(2025, 8, 1),
                value=Decimal("7.3"),
                unit=IndicatorUnit.PERCENT,
                source="Statistik der Bundesagentur für Arbeit (Test)",
                source_url="https://statistik.arbeitsagentur.de/",
                licence="Nutzung mit Quellenangabe",
                retrieved_on=datetime.date(2026, 12, 1),
            )
        ]
    )
    assert "7,3 %" in fetch(client, "/regionen/dresden/")[1]


def test_new_inquiry_figures_rebuild_the_district_page_but_not_the_portal(site_pages, client):
    """The district profile shows the desk's anonymised figures (scope inquiry_facts)."""
    month = timezone.localdate().replace(day=1)
    inquiry_facts(5, month=month)
    before = inquiry_section(cached(client, "/regionen/dresden/"))
    cached(client, "/")
    content = versioning.current_versions()["content"]
    inquiry_facts(2, month=month)
    assert versioning.current_versions()["content"] == content
    after = inquiry_section(fetch(client, "/regionen/dresden/")[1])
    assert " 5 " in f" {before} " and " 7 " not in f" {before} "
    assert " 7 " in f" {after} "
    assert fetch(client, "/")[0]


def inquiry_section(html: str) -> str:
    section = html.split('id="inquiries-heading">')[1].split("</section>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


def test_register_change(site_pages, tariff_register, client):
    agreement = tariff_register["metal"]
    url = f"/tarifauskunft/tarifvertrag/{agreement.register_number}/"
    cached(client, url)
    CollectiveAgreement.objects.filter(pk=agreement.pk).update(title="Geänderter Tarifvertrag")
    assert "Geänderter Tarifvertrag" in fetch(client, url)[1]


def test_event_edit_and_a_registration_changing_free_places(site_pages, client):
    event = create_event(capacities=(50,))
    url = f"/veranstaltungen/{event.slug}/"
    assert "50 von 50 Plätzen frei" in cached(client, url)
    cached(client, "/")
    response = client.post(f"/veranstaltungen/{event.slug}/anmelden/", form_data(event))
    assert response.status_code == 302
    assert "49 von 50 Plätzen frei" in fetch(client, url)[1]
    # The home page reads no seats: still cached (a fresh client: the registration gave this
    # one a session).
    assert fetch(Client(), "/")[0]
    event.title = "Umbenanntes Netzwerktreffen"
    event.save()
    assert "Umbenanntes Netzwerktreffen" in fetch(client, url)[1]


# --- Who gets a cached page -----------------------------------------------------------------


def test_logged_in_users_never_get_and_never_fill_the_cache(site_pages, client, login, staff_users):
    anonymous = cached(client, "/")
    staff = login("redaktion")
    assert not fetch(staff, "/")[0]
    assert not fetch(staff, "/")[0]
    assert fetch(client, "/") == (True, anonymous)


@pytest.mark.parametrize("cookie", ["sessionid", "messages", "tracking"])
def test_cookie_carrying_requests_never_get_a_cached_page(site_pages, client, cookie):
    cached(client, "/")
    other = Client()
    other.cookies[cookie] = "x"
    assert not fetch(other, "/")[0]


def test_the_html_differs_by_language(site_pages, client):
    german = cached(client, "/")
    english = cached(client, "/en/")
    assert 'lang="de"' in german and 'lang="en"' in english
    assert german != english


def test_query_string_is_part_of_the_key_in_any_order(site_pages, client):
    cached(client, "/veranstaltungen/?art=workshop&zeit=alle")
    assert fetch(client, "/veranstaltungen/?zeit=alle&art=workshop")[0]
    assert not fetch(client, "/veranstaltungen/?art=fachforum")[0]


def test_the_htmx_header_is_part_of_the_key(site_pages, client):
    """An htmx request may get a fragment: it never gets the whole page's entry, nor the
    other way round."""
    cached(client, "/veranstaltungen/")
    assert not fetch(client, "/veranstaltungen/", HTTP_HX_REQUEST="true")[0]
    assert fetch(client, "/veranstaltungen/", HTTP_HX_REQUEST="true")[0]
    assert fetch(client, "/veranstaltungen/")[0]


def test_not_found_and_unregistered_routes_are_not_cached(site_pages, client):
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            assert client.get("/gibt-es-nicht/").status_code == 404
        assert len(context.captured_queries) > 1


def test_headers_of_a_cached_page(site_pages, client):
    fetch(client, "/")
    response = client.get("/")
    assert "Cookie" in response["Vary"]
    assert "no-cache" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert not response.cookies
    again = client.get("/", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


# --- Forms ----------------------------------------------------------------------------------


def test_a_form_on_a_cached_page_takes_each_visitors_own_token(site_pages):
    event = create_event(capacities=(50,))
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    first = Client(enforce_csrf_checks=True)
    first_html = first.get(url).content.decode()
    first_token = TOKEN_FIELD.search(first_html).group(1)

    second = Client(enforce_csrf_checks=True)
    with CaptureQueriesContext(connection) as context:
        response = second.get(url)
    assert len(context.captured_queries) == 1  # from the cache
    html = response.content.decode()
    token = TOKEN_FIELD.search(html).group(1)
    assert token != first_token and first_token not in html
    assert "private" in response["Cache-Control"]
    assert response.cookies  # the visitor's own CSRF cookie

    posted = second.post(url, {**form_data(event), "csrfmiddlewaretoken": token})
    assert posted.status_code == 302
    refused = Client(enforce_csrf_checks=True).post(
        url, {**form_data(event, n=2), "csrfmiddlewaretoken": token}
    )
    assert refused.status_code == 403


@pytest.mark.parametrize("url", ["/lotsendienst/", "/tarifauskunft/anfrage/", "/wegweiser/profil/"])
def test_public_form_pages_are_cached_with_a_token_slot(site_pages, url):
    initial_content_load("guidance")
    Client().get(url)
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
    assert response.status_code == 200
    assert len(context.captured_queries) == 1
    assert TOKEN_FIELD.search(response.content.decode())


def test_head_is_answered_from_the_cache_but_never_fills_it(site_pages, client):
    client.head("/")
    assert client.get("/").templates  # rendered: the HEAD stored nothing
    with CaptureQueriesContext(connection) as context:
        response = client.head("/")
    assert response.status_code == 200 and not response.templates
    assert len(context.captured_queries) == 1


def test_post_answers_are_never_stored(site_pages):
    Client().get("/lotsendienst/")
    posted = Client().post("/lotsendienst/", {"message": "zu kurz"})
    assert posted.status_code == 400
    assert "no-store" in posted["Cache-Control"]
    again = Client().get("/lotsendienst/").content.decode()
    assert "zu kurz" not in again


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r, q: setattr(r, "status_code", 404), id="not-found"),
        pytest.param(lambda r, q: setattr(r, "status_code", 301), id="redirect"),
        pytest.param(lambda r, q: r.set_cookie("lotse", "x"), id="set-cookie"),
        pytest.param(lambda r, q: r.headers.__setitem__("Vary", "User-Agent"), id="vary"),
        pytest.param(lambda r, q: r.headers.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda r, q: messages.info(q, "Gespeichert."), id="messages"),
    ],
)
def test_responses_that_are_never_stored(rf, change):
    from django.contrib.messages.storage.cookie import CookieStorage

    from lotse.core.page_cache import storable

    request = rf.get("/")
    request._messages = CookieStorage(request)
    response = HttpResponse("<p>Seite</p>")
    assert storable(request, response)
    change(response, request)
    assert not storable(request, response)


def test_pages_that_say_never_cache_are_not_kept(site_pages):
    """The Einwanderungs-Check's questions (answers may come in the query) say `never_cache`."""
    initial_content_load("migration")
    cached(Client(), "/einwanderung/")
    for _ in range(2):
        response = Client().get("/einwanderung/person/")
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    Client().get("/einwanderung/person/?qualification=academic&citizenship=other")
    assert len(caches["pages"]._cache) == 1  # only the start page was kept


# --- Hits before the middleware chain (decision 0015) -------------------------------------------

CHAIN_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary")


def test_a_hit_carries_the_headers_of_the_whole_chain(site_pages, client):
    miss = client.get("/en/")
    hit = client.get("/en/")
    assert hit.content == miss.content
    for name in (*CHAIN_HEADERS, "Permissions-Policy", "Cache-Control", "Content-Type"):
        assert hit[name] == miss[name], name
    assert hit["Content-Language"] == "en"
    assert int(hit["Content-Length"]) == len(hit.content)
    assert "ETag" in hit and not hit.cookies
    # Every header, as the rendering's response had it (the stored copy keeps Django's own
    # checked header store, decision 0040): names with their spelling, values.
    per_response = {"etag", "content-length"}
    assert [item for item in hit.items() if item[0].lower() not in per_response] == [
        item for item in miss.items() if item[0].lower() not in per_response
    ]


def test_a_conditional_hit(site_pages, client):
    client.get("/en/")
    etag = client.get("/en/")["ETag"]
    assert client.get("/en/", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/en/", headers={"If-None-Match": '"anders"'}).status_code == 200
    assert client.get("/en/", headers={"If-Match": '"anders"'}).status_code == 412


class SetsACookie:
    """Outside the page cache's capture: a cookie set on the way out (as a session would)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.set_cookie("nachtraeglich", "1")
        return response


def test_a_cookie_set_on_the_way_out_keeps_the_page_out_of_the_cache(site_pages, settings):
    index = settings.MIDDLEWARE.index("lotse.core.page_cache.PageCaptureMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:index],
        f"{__name__}.SetsACookie",
        *settings.MIDDLEWARE[index:],
    ]
    for _ in range(2):
        assert not fetch(Client(), "/")[0]
    assert not caches["pages"]._cache


def test_the_language_is_chosen_as_the_locale_middleware_does(site_pages):
    """A language cookie or header does not change the language of an address without prefix
    (i18n_patterns, German at "/"), for the hit as for the rendering."""
    german = cached(Client(), "/")
    english_visitor = Client(headers={"Accept-Language": "en"})
    english_visitor.cookies["django_language"] = "en"
    assert fetch(english_visitor, "/") == (True, german)
    assert 'lang="en"' in cached(english_visitor, "/en/")
