"""The plan's PDF cache: a repeated download reuses the rendered PDF; any change of what the
PDF shows (answers, an offer, the language) makes a new one; deleting the plan drops it."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from lotse.guidance import documents
from lotse.guidance.selectors import check_by_token, token_hash
from lotse.guidance.services import check_delete, check_module_answer
from tests.offers.conftest import create_offer

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

SAFETY = "arbeits-gesundheitsschutz"


@pytest.fixture
def renders():
    """WeasyPrint replaced by a recorder: the 'PDF' is the HTML it was given."""
    cache.clear()
    calls: list[str] = []

    def fake(html: str, *, base_url: str | None = None) -> bytes:
        calls.append(html)
        return b"%PDF-fake\n" + html.encode()

    with mock.patch.object(documents, "html_to_pdf", side_effect=fake):
        yield calls


@pytest.fixture
def plan_check(version, zwickau):
    check, token = start_check(version, zwickau)
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return check_by_token(token=token), token


def _pdf(client, token: str, prefix: str = "") -> bytes:
    response = client.get(prefix + reverse("guidance:pdf", args=[token]))
    assert response.status_code == 200
    return response.content


def test_same_plan_twice_renders_once(client, renders, plan_check):
    _check, token = plan_check
    first = _pdf(client, token)
    assert _pdf(client, token) == first
    assert len(renders) == 1


def test_switched_off_renders_every_time(client, renders, plan_check, settings):
    settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS = 0
    _check, token = plan_check
    _pdf(client, token)
    _pdf(client, token)
    assert len(renders) == 2


def test_changed_answer_makes_a_new_pdf(client, renders, plan_check, version):
    check, token = plan_check
    before = _pdf(client, token)
    assert "Gefährdungsbeurteilung erstellen".encode() in before
    answers = module_answers(version, "arbeitsschutz")  # everything "ja" now
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    after = _pdf(client, token)
    assert len(renders) == 2
    assert after != before
    assert "Gefährdungsbeurteilung erstellen".encode() not in after


def test_changed_offer_makes_a_new_pdf(client, renders, plan_check):
    _check, token = plan_check
    offer = create_offer(title="Sicher arbeiten alt", topic_fields=[SAFETY], districts=["zwickau"])
    assert b"Sicher arbeiten alt" in _pdf(client, token)
    type(offer).objects.filter(pk=offer.pk).update(title="Sicher arbeiten neu")
    after = _pdf(client, token)
    assert len(renders) == 2
    assert b"Sicher arbeiten neu" in after and b"Sicher arbeiten alt" not in after


def test_withdrawn_offer_leaves_the_pdf(client, renders, plan_check):
    _check, token = plan_check
    offer = create_offer(title="Bald weg", topic_fields=[SAFETY], districts=["zwickau"])
    assert b"Bald weg" in _pdf(client, token)
    type(offer).objects.filter(pk=offer.pk).update(live=False)
    assert b"Bald weg" not in _pdf(client, token)


def test_each_language_its_own_pdf(client, renders, plan_check):
    _check, token = plan_check
    german = _pdf(client, token)
    with translation.override("en"):
        english = _pdf(client, token)
    assert german != english
    assert _pdf(client, token) == german
    assert len(renders) == 2


def test_deleting_the_plan_drops_its_cached_pdf(
    client, renders, plan_check, django_capture_on_commit_callbacks
):
    check, token = plan_check
    _pdf(client, token)
    key = documents._pdf_cache_key(token_hash=token_hash(token), language="de")
    assert cache.get(key) is not None
    with django_capture_on_commit_callbacks(execute=True):
        check_delete(check=check)
    assert cache.get(key) is None
