"""The plan page's body in the shared cache (plan_page.py, decision 0018): a second view of a
plan renders almost nothing, and a changed answer, a published or withdrawn offer, other
companies' completed checks, another language and the clock show at once; the cache holds no
link token and no CSRF token, an entry never serves another plan, and the page never enters
the public page cache."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lotse.core.page_cache import page_cache_routes
from lotse.guidance import plan_page
from lotse.guidance.selectors import check_by_token, comparison
from lotse.guidance.services import check_delete, check_module_answer
from tests.offers.conftest import create_offer

from .conftest import module_answers, safety_events_one_ending, start_check
from .factories import CompanyCheckFactory, scores_of

pytestmark = pytest.mark.django_db

SAFETY = "arbeits-gesundheitsschutz"
MEASURE = "arbeitsschutz.gefaehrdungsbeurteilung-erstellen"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.LOTSE_PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def builds(monkeypatch):
    """How often the plan behind the body was made (the expensive part a hit skips)."""
    calls = []
    original = plan_page.check_plan

    def counted(**kwargs):
        calls.append(kwargs["check"].pk)
        return original(**kwargs)

    monkeypatch.setattr(plan_page, "check_plan", counted)
    return calls


def _breach(version, district, **profile):
    check, token = start_check(version, district, **profile)
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return token


@pytest.fixture
def token(version, zwickau):
    return _breach(version, zwickau)


def _url(token):
    return reverse("guidance:plan", args=[token])


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _without_csrf(html):
    return CSRF_FIELD.sub("", html)


def test_a_second_view_is_served_from_the_cache(client, token, builds):
    first = _page(client, _url(token))
    with CaptureQueriesContext(connection) as context:
        second = _page(client, _url(token))
    assert builds == [check_by_token(token=token).pk]  # made once
    assert _without_csrf(second) == _without_csrf(first)
    assert f'id="massnahme-{MEASURE}"' in second
    assert len(context) <= 5  # check, content versions, comparison: no lookups, no scoring


def test_a_changed_answer_shows_at_once(client, version, token, builds):
    assert f'id="massnahme-{MEASURE}"' in _page(client, _url(token))
    check = check_by_token(token=token)
    check_module_answer(
        check=check, module_key="arbeitsschutz", answers=module_answers(version, "arbeitsschutz")
    )
    html = _page(client, _url(token))
    assert f'id="massnahme-{MEASURE}"' not in html
    assert len(builds) == 2


def test_ticking_erledigt_through_the_cached_page_keeps_a_valid_csrf_token(token):
    """The forms are rendered per request: a visitor posts with the token of their own page,
    also when the body came from the cache, and the tick shows at once."""
    first = Client(enforce_csrf_checks=True)
    _page(first, _url(token))  # the body is made and kept
    visitor = Client(enforce_csrf_checks=True)
    html = _page(visitor, _url(token))  # from the cache
    csrf = CSRF_FIELD.findall(html)
    assert csrf and visitor.cookies.get("csrftoken")
    action = reverse("guidance:measure_done", args=[token, MEASURE])
    assert f'action="{action}"' in html
    response = visitor.post(action, {"csrfmiddlewaretoken": csrf[0], "done": "1"})
    assert response.status_code == 302
    assert "Doch nicht erledigt" in _page(visitor, _url(token))
    assert "Doch nicht erledigt" in _page(first, _url(token))


def test_a_published_and_a_withdrawn_offer_show_at_once(client, token):
    assert "Sicher arbeiten in Zwickau" not in _page(client, _url(token))
    offer = create_offer(
        title="Sicher arbeiten in Zwickau",
        topic_fields=[SAFETY],
        districts=["zwickau"],
        publish=True,
    )
    assert "Sicher arbeiten in Zwickau" in _page(client, _url(token))
    offer.unpublish()
    assert "Sicher arbeiten in Zwickau" not in _page(client, _url(token))
    offer.save_revision().publish()
    assert "Sicher arbeiten in Zwickau" in _page(client, _url(token))


def test_each_language_has_its_own_body(client, token, builds):
    german_url = _url(token)  # (reverse() builds /en/ addresses once English was served)
    german = _page(client, german_url)
    english = _page(client, f"/en{german_url}")
    assert "Als erledigt markieren" in german and "Mark as done" not in german
    assert "Measures" in english and "Erster Schritt" not in english
    assert f"/en/wegweiser/plan/{token}/profil/" in english
    assert _without_csrf(_page(client, german_url)) == _without_csrf(german)
    assert len(builds) == 2


def test_other_companies_completed_checks_show_at_once(client, token, builds):
    """The comparison is part of the body: when its numbers change (here: enough peers for a
    module), the body is made again; while they do not, it is not."""
    assert "Gefährdungsbeurteilung" in _page(client, _url(token))
    assert "dringend 100 %" not in _page(client, _url(token))
    assert len(builds) == 1
    CompanyCheckFactory.create_batch(10, scores=scores_of(arbeitsschutz=40), size_class="10-49")
    assert "dringend 100 %" in _page(client, _url(token))
    assert len(builds) == 2


def test_another_token_never_gets_this_plan(client, version, zwickau, token, builds):
    """Two plans with the same profile and answers: each page links only its own token, and
    the cache holds neither token (the body is stored with a placeholder)."""
    other = _breach(version, zwickau)
    mine, theirs = _page(client, _url(token)), _page(client, _url(other))
    assert token in mine and other not in mine
    assert other in theirs and token not in theirs
    assert len(builds) == 2
    for link in (token, other):
        check = check_by_token(token=link)
        peers = comparison(check=check)
        entry = cache.get(plan_page.body_key(check=check, comparison=peers, now=timezone.now()))
        stored = repr(entry)
        assert plan_page.TOKEN_PLACEHOLDER in stored
        assert token not in stored and other not in stored
        assert "csrfmiddlewaretoken" not in stored


def test_the_plan_never_enters_the_public_page_cache(client, token):
    response = client.get(_url(token))
    assert "no-store" in response["Cache-Control"]
    assert "guidance:plan" not in page_cache_routes()
    check_delete(check=check_by_token(token=token))
    assert Client().get(_url(token)).status_code == 404


def test_an_event_that_ends_leaves_the_cached_plan(client, token):
    now = timezone.now()
    safety_events_one_ending(
        "Sprechtag heute", "Sprechtag später", "Sprechtag noch später", now=now
    )
    with time_machine.travel(now, tick=False):
        html = _page(client, _url(token))
    assert "Sprechtag heute" in html and "Sprechtag noch später" not in html
    with time_machine.travel(now + dt.timedelta(minutes=2), tick=False):
        html = _page(client, _url(token))
    assert "Sprechtag heute" not in html and "Sprechtag noch später" in html


def test_the_recheck_shows_when_it_is_due(client, version, zwickau):
    done_at = dt.datetime(2027, 3, 2, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(done_at, tick=False):
        link = _breach(version, zwickau, modules=("arbeitsschutz",))
    due_at = dt.datetime(2027, 9, 2, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(due_at - dt.timedelta(minutes=1), tick=False):
        assert "Zeit für einen erneuten Check" not in _page(client, _url(link))
    with time_machine.travel(due_at + dt.timedelta(minutes=1), tick=False):
        assert "Zeit für einen erneuten Check" in _page(client, _url(link))
