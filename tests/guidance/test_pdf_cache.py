"""The plan's PDF cache: a repeated download reuses the rendered PDF; any change of what the
PDF shows (answers, an offer, the language) makes a new one; deleting the plan drops it."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from lotse.guidance import documents
from lotse.guidance.models import PlanDocument
from lotse.guidance.selectors import check_by_token, check_plan
from lotse.guidance.services import (
    check_delete,
    check_measure_done,
    check_module_answer,
    checks_retention_delete,
)
from tests.offers.conftest import create_offer

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

SAFETY = "arbeits-gesundheitsschutz"
MEASURE = "arbeitsschutz.gefaehrdungsbeurteilung-erstellen"


@pytest.fixture
def renders():
    """WeasyPrint replaced by a recorder: the 'PDF' is the HTML it was given."""
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


def test_deleting_the_plan_drops_its_stored_pdf(client, renders, plan_check):
    check, token = plan_check
    _pdf(client, token)
    assert PlanDocument.objects.filter(company_check=check).count() == 1
    check_delete(check=check)
    assert not PlanDocument.objects.exists()


def test_retention_deletes_the_stored_pdfs_with_the_checks(renders, plan_check):
    check, _token = plan_check
    documents.plan_pdf(plan=check_plan(check=check), base_url="http://testserver/")
    later = timezone.now() + timedelta(days=365 * 3)
    assert checks_retention_delete(now=later) == 1
    assert not PlanDocument.objects.exists()


def test_stored_pdf_keeps_its_date_and_expires(renders, plan_check, settings):
    """The creation date is not part of what decides: the next day the stored PDF (with the
    date it was made) is served; after LOTSE_GUIDANCE_PDF_CACHE_SECONDS it is made again."""
    settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS = 7 * 86400
    check, _token = plan_check
    plan = check_plan(check=check)
    made = timezone.now()
    first = documents.plan_pdf(plan=plan, base_url="http://testserver/", now=made)
    assert date_format(timezone.localtime(made), "SHORT_DATE_FORMAT").encode() in first
    next_day = made + timedelta(days=1)
    assert documents.plan_pdf(plan=plan, base_url="http://testserver", now=next_day) == first
    assert len(renders) == 1
    expired = made + timedelta(seconds=settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS + 1)
    again = documents.plan_pdf(plan=plan, base_url="http://testserver/", now=expired)
    assert len(renders) == 2
    assert date_format(timezone.localtime(expired), "SHORT_DATE_FORMAT").encode() in again


def test_completed_plan_is_rendered_ahead_of_the_download(
    client, renders, version, zwickau, settings, django_capture_on_commit_callbacks
):
    settings.LOTSE_GUIDANCE_PDF_PRERENDER = True
    check, token = start_check(version, zwickau, modules=("arbeitsschutz",))
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    with django_capture_on_commit_callbacks(execute=True):
        check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    assert len(renders) == 1
    stored = PlanDocument.objects.get(company_check=check)
    assert stored.language == "de"
    assert _pdf(client, token) == bytes(stored.pdf)
    assert len(renders) == 1  # the download found it
    with django_capture_on_commit_callbacks(execute=True):
        check_measure_done(check=check, measure_key=MEASURE, done=True)
    assert len(renders) == 2  # ticked "erledigt": shown in the PDF, made again
    assert _pdf(client, token) == bytes(PlanDocument.objects.get(company_check=check).pdf)
    assert len(renders) == 2


def test_incomplete_plan_is_not_rendered_ahead(
    renders, version, zwickau, settings, django_capture_on_commit_callbacks
):
    settings.LOTSE_GUIDANCE_PDF_PRERENDER = True
    check, _token = start_check(version, zwickau)  # every module chosen, one answered
    answers = module_answers(version, "arbeitsschutz")
    with django_capture_on_commit_callbacks(execute=True):
        check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    assert renders == [] and not PlanDocument.objects.exists()


def test_worker_skips_a_deleted_check(renders, plan_check):
    check, _token = plan_check
    check_id = check.pk
    check_delete(check=check)
    assert documents.plan_pdf_render(check_id=check_id, language="de", base_url="http://x") is False
    assert renders == []
