"""Re-check after six months (frozen clock): offered only then, keeps the earlier result, shows
then and now side by side; "erledigt" ticks in the plan (POST only, refused for foreign keys)."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_by_token, check_plan, recheck_due
from lotse.guidance.services import check_measure_done, check_module_answer, check_recheck_start

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

DONE_AT = dt.datetime(2027, 1, 31, 10, 0, tzinfo=dt.UTC)
MEASURE = "arbeitsschutz.gefaehrdungsbeurteilung-erstellen"


@pytest.fixture
def completed(version, zwickau):
    with time_machine.travel(DONE_AT, tick=False):
        check, token = start_check(version, zwickau, modules=("arbeitsschutz",))
        answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
        check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return check_by_token(token=token), token


def test_completion_is_recorded_once(version, zwickau):
    with time_machine.travel(DONE_AT, tick=False):
        check, token = start_check(version, zwickau, modules=("arbeitsschutz", "ausbildung"))
        check_module_answer(
            check=check,
            module_key="arbeitsschutz",
            answers=module_answers(version, "arbeitsschutz"),
        )
        assert check.completed_at is None  # one chosen module still open
        check_module_answer(
            check=check, module_key="ausbildung", answers=module_answers(version, "ausbildung")
        )
        assert check.completed_at == DONE_AT
    later = DONE_AT + dt.timedelta(days=3)
    with time_machine.travel(later, tick=False):
        check_module_answer(
            check=check, module_key="ausbildung", answers=module_answers(version, "ausbildung")
        )
    assert CompanyCheck.objects.get().completed_at == DONE_AT


@pytest.mark.parametrize(
    ("moment", "due"),
    [
        (dt.datetime(2027, 7, 31, 9, 59, tzinfo=dt.UTC), False),
        (dt.datetime(2027, 7, 31, 10, 0, tzinfo=dt.UTC), True),
        (dt.datetime(2028, 1, 1, tzinfo=dt.UTC), True),
    ],
)
def test_recheck_due_after_six_calendar_months(completed, moment, due):
    check, _token = completed
    assert recheck_due(check=check, now=moment) is due


def test_recheck_refused_before_six_months(completed):
    check, _token = completed
    with (
        time_machine.travel(DONE_AT + dt.timedelta(days=150), tick=False),
        pytest.raises(ValidationError, match="sechs Monate"),
    ):
        check_recheck_start(check=check)
    assert CompanyCheck.objects.get().answers == check.answers


def test_recheck_then_and_now(client, completed, version):
    check, token = completed
    plan_url = reverse("guidance:plan", args=[token])
    with time_machine.travel(DONE_AT + dt.timedelta(days=30), tick=False):
        assert "Zeit für einen erneuten Check" not in client.get(plan_url).content.decode()
        client.post(reverse("guidance:measure_done", args=[token, MEASURE]), {"done": "1"})
    with time_machine.travel(DONE_AT + dt.timedelta(days=200), tick=False):
        html = client.get(plan_url).content.decode()
        assert "Zeit für einen erneuten Check" in html
        recheck_url = reverse("guidance:recheck", args=[token])
        assert client.get(recheck_url).status_code == 200
        assert CompanyCheck.objects.get().answers  # GET only asks
        response = client.post(recheck_url)
        assert response.status_code == 302
        assert response.url == reverse("guidance:module", args=[token, "arbeitsschutz"])
        stored = CompanyCheck.objects.get()
        assert stored.answers == {} and stored.completed_at is None
        assert stored.previous["scores"]["arbeitsschutz"]["band"] == "dringend"
        assert stored.previous["done"] == {MEASURE: "2027-03-02"}
        # the re-check: all "ja" now
        answers = {f"q_{k}": v for k, v in module_answers(version, "arbeitsschutz").items()}
        client.post(reverse("guidance:module", args=[token, "arbeitsschutz"]), answers)
        plan = check_plan(check=check_by_token(token=token))
    row = plan.recheck.modules[0]
    assert (row.then_band, row.now_band) == ("dringend", "gut")
    statuses = {item.key: item.status for item in plan.recheck.measures}
    assert statuses[MEASURE] == "done"
    assert set(statuses.values()) <= {"done", "solved"}
    with time_machine.travel(DONE_AT + dt.timedelta(days=201), tick=False):
        html = client.get(plan_url).content.decode()
    assert "Damals und heute" in html and "erledigt" in html
    assert "Zeit für einen erneuten Check" not in html  # six months from the new completion


def test_measure_done_ticks_and_refuses_foreign_keys(client, completed):
    check, token = completed
    url = reverse("guidance:measure_done", args=[token, MEASURE])
    assert client.get(url).status_code == 405
    response = client.post(url, {"done": "1"})
    assert response.status_code == 302 and response.url.endswith(f"#massnahme-{MEASURE}")
    assert MEASURE in CompanyCheck.objects.get().done_measures
    html = client.get(reverse("guidance:plan", args=[token])).content.decode()
    assert "Doch nicht erledigt" in html
    client.post(url, {"done": "0"})
    assert CompanyCheck.objects.get().done_measures == {}
    bad = client.post(reverse("guidance:measure_done", args=[token, "x.y"]), {"done": "1"})
    assert bad.status_code == 302
    assert CompanyCheck.objects.get().done_measures == {}
    with pytest.raises(ValidationError):
        check_measure_done(check=check, measure_key="ausbildung.nope", done=True)
    forged = client.post(reverse("guidance:measure_done", args=["x" * 43, MEASURE]), {"done": "1"})
    assert forged.status_code == 404
