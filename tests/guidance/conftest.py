"""Wegweiser fixtures: the published version 1 from its data file, checks with tokens."""

import datetime as dt

import pytest
from django.utils import translation

from lotse.core.models import Region, TopicField
from lotse.guidance.loader import load_check_version
from lotse.guidance.models import Module, Question, Rule, VersionPublishedError
from lotse.guidance.selectors import version_current
from lotse.guidance.services import Profile, check_start
from tests.events.factories import make_event

ALL_MODULES = (
    "personalgewinnung",
    "ausbildung",
    "weiterbildung",
    "einwanderung",
    "arbeitsbedingungen",
    "arbeitsschutz",
    "tarif",
)


@pytest.fixture(autouse=True)
def _german():
    """Every test starts in German: a request to /en/ leaves English active in this thread,
    and reverse() would then build /en/ addresses for the next test."""
    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def _no_pdf_prerender(settings):
    """Completing a plan would render its PDF in the (immediate) worker after every commit;
    the tests of that switch it on (test_pdf_cache.py)."""
    settings.LOTSE_GUIDANCE_PDF_PRERENDER = False


@pytest.fixture
def version(db):
    load_check_version()
    return version_current()


@pytest.fixture
def zwickau(db):
    return Region.objects.get(slug="zwickau")


def start_check(version, district, **overrides):
    values = {
        "size_class": "10-49",
        "district": district,
        "modules": ALL_MODULES,
        "sector_query": "",
        "wz_code": "",
    }
    values.update(overrides)
    check, token = check_start(version=version, profile=Profile(**values))
    check.version = version
    return check, token


@pytest.fixture
def started(version, zwickau):
    return start_check(version, zwickau)


def module_answers(version, key: str, answer: str = "ja", **specific) -> dict[str, str]:
    module = next(item for item in version.modules.all() if item.key == key)
    return {q.key: specific.get(q.key.replace("-", "_"), answer) for q in module.questions.all()}


def safety_events_one_ending(*titles: str, now: dt.datetime) -> list:
    """Three upcoming occupational-safety events; the first (running since a while) ends one
    minute after `now`, the other two start in 10 and 20 days."""
    starts = (-0.1, 10, 20)
    events = [make_event(title=t, days=d) for t, d in zip(titles, starts, strict=True)]
    for event in events:
        event.topic_fields.set(TopicField.objects.filter(slug="arbeits-gesundheitsschutz"))
        event.save()
    type(events[0]).objects.filter(pk=events[0].pk).update(ends_at=now + dt.timedelta(minutes=1))
    return events


def assert_published_frozen(version) -> None:
    """The published version refuses every change and deletion, of itself and of its modules,
    questions and rules; nothing is written."""
    question = Question.objects.filter(module__version=version).first()
    question.text_de = "Geändert"
    with pytest.raises(VersionPublishedError):
        question.save()
    with pytest.raises(VersionPublishedError):
        question.delete()
    rule = Rule.objects.filter(module__version=version).first()
    rule.first_step_de = "Anders"
    with pytest.raises(VersionPublishedError):
        rule.save()
    module = Module.objects.filter(version=version).first()
    with pytest.raises(VersionPublishedError):
        module.save()
    version.note = "neu"
    with pytest.raises(VersionPublishedError):
        version.save()
    with pytest.raises(VersionPublishedError):
        version.delete()
    assert Question.objects.get(pk=question.pk).text_de != "Geändert"
