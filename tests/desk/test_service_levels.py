"""Service levels of the Lotsendienst in Saxon working days (frozen clock): first response within
LOTSE_DESK_FIRST_RESPONSE_DAYS, partner acceptance within LOTSE_DESK_PARTNER_ACCEPT_DAYS, the
escalation mail to the team lead, and the shares met in the statistics."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from lotse.desk import services
from lotse.desk.models import Topic
from lotse.desk.tasks import desk_service_levels_escalate
from tests.core.factories import partner_user
from tests.network.factories import ActorFactory

from .conftest import BERLIN, make_user
from .factories import refer

pytestmark = pytest.mark.django_db

TUESDAY = dt.datetime(2025, 11, 18, 10, tzinfo=BERLIN)  # Wednesday 19.11. is Buß- und Bettag


def submit(**overrides):
    arguments = {
        "requester_type": "ausland",
        "topic_field": None,
        "district": None,
        "question": "Wie werde ich anerkannt?",
        "email": "amal@example.org",
        "phone": "",
        "contact_preference": "email",
        "language": "de",
        "consent_version": 1,
    }
    arguments.update(overrides)
    return services.submit_inquiry(**arguments)


def test_first_response_is_due_on_the_next_saxon_working_day():
    with time_machine.travel(TUESDAY, tick=False):
        inquiry = submit()
    assert inquiry.due_date == dt.date(2025, 11, 20)


def test_escalation_mail_lists_late_inquiries_and_unaccepted_referrals_once(
    settings, django_capture_on_commit_callbacks
):
    settings.LOTSE_DESK_TEAM_LEAD_EMAIL = "leitung@lotse.example"
    lotse = make_user("Lotsendienst", "lena")
    with time_machine.travel(TUESDAY, tick=False):
        late = submit()
        referred = submit(email="b@example.org")
        (referral,) = refer(referred, ActorFactory(), user=lotse)
    assert referral.accept_due == dt.date(2025, 11, 21)  # two working days after Tuesday
    with time_machine.travel(dt.datetime(2025, 11, 20, 18, tzinfo=BERLIN), tick=False):
        assert desk_service_levels_escalate.call() == 0  # due today: not late yet
    mail.outbox.clear()
    with (
        time_machine.travel(dt.datetime(2025, 11, 24, 7, tzinfo=BERLIN), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert desk_service_levels_escalate.call() == 2
        assert desk_service_levels_escalate.call() == 0  # each item only once
    (escalation,) = [m for m in mail.outbox if m.to == ["leitung@lotse.example"]]
    assert late.reference in escalation.body
    assert referred.reference in escalation.body
    assert referral.actor.name in escalation.body
    late.refresh_from_db()
    assert late.fact.first_response_met is False
    referred.refresh_from_db()
    assert referred.fact.first_response_met is True
    assert referred.fact.partner_acceptance_met is False


def test_shares_met_in_the_report(settings):
    from lotse.desk.selectors import desk_report

    lotse = make_user("Lotsendienst", "lena")
    actor = ActorFactory()
    member = partner_user(actor, "member")
    with time_machine.travel(TUESDAY, tick=False):
        inquiries = [submit(email=f"p{i}@example.org") for i in range(6)]
    # Four answered by referral on Thursday (in time), two only on Monday (late).
    for index, inquiry in enumerate(inquiries):
        day = 20 if index < 4 else 24
        with time_machine.travel(dt.datetime(2025, 11, day, 9, tzinfo=BERLIN), tick=False):
            (referral,) = refer(inquiry, actor, user=lotse)
            services.referral_accept(referral=referral, user=member)
    with time_machine.travel(dt.datetime(2025, 12, 1, 9, tzinfo=BERLIN), tick=False):
        report = desk_report(month="2025-11", topics=[Topic.GENERAL])
    assert report.total.count == 6
    assert report.total.first_response_met_share == round(100 * 4 / 6, 1)
    assert report.total.partner_acceptance_met_share == 100.0
