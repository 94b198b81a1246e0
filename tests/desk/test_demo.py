import pytest

from lotse.demo.accounts import load as load_users
from lotse.demo.desk import load
from lotse.desk.models import (
    AnswerTemplate,
    Channel,
    Inquiry,
    InquiryFact,
    Referral,
    ReferralStatus,
    Status,
    Topic,
)

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_covers_every_status():
    load_users()
    load()
    load()
    assert AnswerTemplate.objects.count() == 3
    tariff = Inquiry.objects.filter(topic=Topic.TARIFF)
    assert tariff.count() == 7
    assert set(tariff.values_list("status", flat=True)) == set(Status.values) - {Status.REFERRED}
    assert tariff.overdue().count() >= 1
    answered = tariff.filter(status__in=[Status.ANSWERED, Status.CLOSED])
    assert all(inquiry.answer_text and inquiry.turnaround_days is not None for inquiry in answered)
    assert all("Demo" in inquiry.message for inquiry in Inquiry.objects.all())
    assert tariff.filter(assignee__username="tarifregister").exists()


def test_general_demo_covers_topics_channels_and_referral_states(site_pages, actors):
    from lotse.demo.network import load as load_network

    load_users()
    load_network()
    load()
    load()
    general = Inquiry.objects.filter(topic=Topic.GENERAL)
    assert general.count() == 200
    assert set(general.values_list("status", flat=True)) == set(Status.values)
    assert set(general.values_list("channel", flat=True)) == set(Channel.values)
    assert general.exclude(topic_field=None).values("topic_field").distinct().count() == 5
    assert set(Referral.objects.values_list("status", flat=True)) == set(ReferralStatus.values)
    assert InquiryFact.objects.count() == Inquiry.objects.count()
    from django.contrib.auth import get_user_model

    from lotse.desk.access import referrals_for_partner

    partner = get_user_model().objects.get(username="partner")
    assert referrals_for_partner(partner).count() >= 10
