"""Issue 11/23: the English pages speak English — dates, quotation marks, custom questions —
and say where content exists only in German."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse as django_reverse
from django.utils import translation

from lotse.events.models import CustomQuestion, QuestionKind, Registration, WorkingGroup

from .test_views import form_data

pytestmark = pytest.mark.django_db

GERMAN_MONTHS = re.compile(r"\b(Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b")


@pytest.fixture
def event(make_event):
    start = datetime(2026, 12, 27, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    event = make_event(
        capacities=(20,),
        starts_at=start,
        ends_at=start.replace(hour=16),
        description="<p>Beschreibung nur auf Deutsch.</p>",
    )
    WorkingGroup.objects.create(
        event=event, title="Ausbildung", capacity=5, results="<p>Ergebnis</p>"
    )
    CustomQuestion.objects.create(
        event=event,
        label="Was erwarten Sie?",
        label_en="What do you expect?",
        help_text="Stichworte genügen.",
        help_text_en="Keywords are enough.",
        kind=QuestionKind.TEXT,
    )
    CustomQuestion.objects.create(
        event=event, label="Mittagessen?", kind=QuestionKind.CHOICE, choices="ja\nnein"
    )
    return event


def _en(path):
    return "/en" + path


def reverse(name, args=None):
    """The German address (a request to /en/ leaves English active in the thread)."""
    with translation.override("de"):
        return django_reverse(name, args=args)


def _no_german_dates_or_quotes(body):
    assert "„" not in body
    assert not GERMAN_MONTHS.search(body), GERMAN_MONTHS.search(body)


@pytest.mark.parametrize("name", ["detail", "register"])
def test_english_event_pages(client, event, name):
    body = client.get(_en(reverse(f"events:{name}", args=[event.slug]))).content.decode()
    assert "27 December 2026" in body and "27. December" not in body
    _no_german_dates_or_quotes(body)


def test_english_list_page_dates(client, event):
    body = client.get(_en(reverse("events:list"))).content.decode()
    assert "27 December 2026" in body
    _no_german_dates_or_quotes(body)


def test_german_pages_keep_german_dates(client, event):
    body = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "27. Dezember 2026" in body
    assert "nur auf Deutsch" not in body.replace("Beschreibung nur auf Deutsch", "")


def test_german_only_content_is_marked_on_the_english_page(client, event):
    body = client.get(_en(reverse("events:detail", args=[event.slug]))).content.decode()
    assert "available in German only" in body
    assert 'lang="de"' in body  # the German text is marked as German for screen readers


def test_custom_questions_in_english_with_german_fallback(client, event):
    body = client.get(_en(reverse("events:register", args=[event.slug]))).content.decode()
    assert "What do you expect?" in body and "Keywords are enough." in body
    assert "Was erwarten Sie?" not in body, body[body.index("Was erwarten") - 300 :][:600]
    assert "Mittagessen?" in body and "available in German only" in body
    german = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert "Was erwarten Sie?" in german and "What do you expect?" not in german


def test_english_answers_are_stored_under_the_german_question(event):
    first, second = event.questions.order_by("sort_order", "pk")
    data = form_data(event, **{f"question_{first.pk}": "Austausch", f"question_{second.pk}": "ja"})
    client = Client()
    response = client.post(_en(reverse("events:register", args=[event.slug])), data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.answers == {"Was erwarten Sie?": "Austausch", "Mittagessen?": "ja"}
    manage = client.get(_en(reverse("events:manage", args=[registration.token]))).content.decode()
    assert "27 December 2026" in manage
    _no_german_dates_or_quotes(manage)
    release = client.get(_en(reverse("events:release", args=[registration.token]))).content.decode()
    _no_german_dates_or_quotes(release)
