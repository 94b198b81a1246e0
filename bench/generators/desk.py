"""Benchmark data of the desk: `1000 × scale` Lotsendienst inquiries (100,000 at scale 100).

Called by `manage.py generate_bench_data --scale N --seed S` (bench/generators/__init__.py).
Inquiries over every topic field, district, requester type, channel and status, received over
the last 24 months, each with its anonymised fact row; every tenth is referred to a partner
(in every referral state). Inserted with bulk_create in chunks. Idempotent: references
"LD-BENCH-NNNNNNN" that exist are not created again.

`bench_context()` gives bench/run.py what the staff targets need: a logged-in session of the
bench desk user (role Lotsendienst) and a topic field and district for the filters.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from lotse.core.models import Region, TopicField
from lotse.demo.desk import inquiry_progress, referral_offer
from lotse.desk.models import (
    Channel,
    ConsentKind,
    ConsentText,
    ContactPreference,
    Inquiry,
    InquiryFact,
    Referral,
    ReferralStatus,
    RequesterType,
    Status,
    Topic,
)
from lotse.network.models import Actor

PER_SCALE = 1000
CHUNK = 2000
BENCH_USER = "bench-lotsendienst"
STATUSES = [Status.NEW, Status.IN_PROGRESS, Status.REFERRED, Status.ANSWERED, Status.CLOSED]


def generate(*, scale: int, seed: int) -> str:
    rng = random.Random(seed)
    total = PER_SCALE * scale
    existing = Inquiry.objects.filter(reference__startswith="LD-BENCH-").count()
    if existing >= total:
        return f"desk: {existing} bench inquiries already there"
    topic_fields = [None, *TopicField.objects.active()]
    districts = [None, *Region.objects.districts()]
    consent = ConsentText.objects.filter(kind=ConsentKind.INQUIRY).order_by("-version").first()
    actors = list(Actor.objects.published().order_by("pk")[:50])
    now = timezone.now()
    referral_states = list(ReferralStatus.values)
    created = referrals = 0
    for start in range(existing + 1, total + 1, CHUNK):
        numbers = range(start, min(start + CHUNK, total + 1))
        rows = []
        for number in numbers:
            received = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 730))
            status = STATUSES[number % len(STATUSES)]
            responded = (
                received + datetime.timedelta(hours=rng.choice([2, 20, 30, 60]))
                if status != Status.NEW
                else None
            )
            rows.append(
                Inquiry(
                    reference=f"LD-BENCH-{number:07d}",
                    topic=Topic.GENERAL,
                    requester_type=rng.choice(RequesterType.values),
                    topic_field=rng.choice(topic_fields),
                    district=rng.choice(districts),
                    channel=rng.choice(Channel.values),
                    contact_preference=ContactPreference.EMAIL,
                    consent=True,
                    consent_text=consent,
                    message="Bench-Frage zur Fachkräftegewinnung",
                    contact_name=f"Bench Person {number}",
                    contact_email=f"bench-{number}@bench.lotse.example",
                    language="de",
                    token=f"bench-{number:07d}",
                    **inquiry_progress(
                        status,
                        received,
                        responded,
                        answer="Bench-Antwort",
                        closed_after=datetime.timedelta(days=1),
                    ),
                )
            )
        with transaction.atomic():
            inquiries = Inquiry.objects.bulk_create(rows)
            if not inquiries or inquiries[0].pk is None:  # SQLite before 3.35: fetch the ids
                inquiries = list(
                    Inquiry.objects.filter(reference__in=[r.reference for r in rows]).order_by(
                        "reference"
                    )
                )
            facts = []
            referral_rows = []
            for inquiry in inquiries:
                local = timezone.localdate(inquiry.received_at)
                responded = inquiry.first_response_at
                facts.append(
                    InquiryFact(
                        inquiry=inquiry,
                        month=local.replace(day=1),
                        topic=inquiry.topic,
                        topic_field=inquiry.topic_field.slug if inquiry.topic_field else "",
                        district=inquiry.district.code if inquiry.district else "",
                        requester_type=inquiry.requester_type,
                        language=inquiry.language,
                        channel=inquiry.channel,
                        outcome=inquiry.status,
                        turnaround_days=None if responded is None else rng.randint(0, 3),
                        first_response_met=None
                        if responded is None
                        else timezone.localdate(responded) <= inquiry.due_date,
                    )
                )
                if inquiry.status == Status.REFERRED and actors:
                    state = referral_states[len(referral_rows) % len(referral_states)]
                    referral_rows.append(
                        Referral(
                            inquiry=inquiry,
                            actor=actors[len(referral_rows) % len(actors)],
                            status=state,
                            purpose="Bench-Verweisung",
                            **referral_offer(state, responded),
                        )
                    )
            InquiryFact.objects.bulk_create(facts)
            Referral.objects.bulk_create(referral_rows)
        created += len(rows)
        referrals += len(referral_rows)
    return f"desk: {created} bench inquiries, {referrals} referrals"


def bench_context() -> dict[str, str]:
    """A session cookie of the bench desk user and filter values for the staff targets."""
    from lotse.core.roles import DESK

    from .sessions import staff_session_cookie

    topic_field = TopicField.objects.active().first()
    return {
        "desk_topic_field": topic_field.slug if topic_field else "",
        "desk_district": "14612",
        "cookie": staff_session_cookie(username=BENCH_USER, role=DESK, last_name="Lotsendienst"),
    }
