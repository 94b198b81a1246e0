"""Demo inquiries of the Tarif desk and three answer templates (invented, marked as demo).

Idempotent: templates are keyed by title, inquiries by their reference "TA-DEMO-…"; a second run
leaves existing ones alone. Dates are relative to today, so some inquiries are overdue.
"""

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lotse.core.models import Region, TopicField
from lotse.desk.models import (
    AnswerTemplate,
    Channel,
    ConsentKind,
    ConsentMethod,
    ConsentText,
    ContactPreference,
    Inquiry,
    QuestionKind,
    Referral,
    ReferralOutcome,
    ReferralStatus,
    RequesterType,
    Status,
    Topic,
)
from lotse.desk.services import inquiry_fact_sync
from lotse.desk.workdays import add_working_days, working_days_between
from lotse.network.models import Actor

TEMPLATES = [
    (
        "Auskunft mit Tarifrecherche (Demo)",
        "{anrede}\n\nvielen Dank für Ihre Anfrage {reference}. Im Tarifregister finden wir "
        "für Ihre Branche Folgendes:\n\n{lookup}\n\nMit freundlichen Grüßen",
    ),
    (
        "Kein Tarifvertrag registriert (Demo)",
        "{anrede}\n\nvielen Dank für Ihre Anfrage {reference}. Für die genannte Branche ist im "
        "Tarifregister des Freistaates Sachsen derzeit kein Branchentarifvertrag registriert. Es "
        "gilt der gesetzliche Mindestlohn.\n\n{lookup}\n\nMit freundlichen Grüßen",
    ),
    (
        "Keine Rechtsberatung (Demo)",
        "{anrede}\n\nvielen Dank für Ihre Anfrage {reference}. Wir dürfen keine individuelle "
        "Rechtsberatung leisten. Bitte wenden Sie sich an Ihre Gewerkschaft, Ihren "
        "Arbeitgeberverband oder eine Rechtsanwältin bzw. einen Rechtsanwalt.\n\n"
        "Mit freundlichen Grüßen",
    ),
]

# Referral states in which the asker has not (yet) consented to passing on their data.
WITHOUT_CONSENT = (ReferralStatus.AWAITING_CONSENT, ReferralStatus.CONTACT_ONLY)


def inquiry_progress(
    status: str,
    received: datetime,
    responded: datetime | None,
    *,
    answer: str,
    closed_after: timedelta,
) -> dict:
    """The fields of an inquiry received at `received`, in `status` since the first response at
    `responded` (None while new): the due date, the answer and the closing (also for bench data)."""
    finished = status in (Status.ANSWERED, Status.CLOSED)
    return {
        "status": status,
        "received_at": received,
        "due_date": add_working_days(timezone.localdate(received), 1),
        "first_response_at": responded,
        "answered_at": responded if finished else None,
        "answer_text": answer if finished else "",
        "closed_at": responded + closed_after if status == Status.CLOSED else None,
    }


def referral_offer(state: str, made: datetime) -> dict:
    """The consent (by mail link) and offer fields of a referral in `state` made at `made`."""
    consented = state not in WITHOUT_CONSENT
    return {
        "created_at": made,
        "consent_method": ConsentMethod.MAIL_LINK if consented else "",
        "consent_given_at": made if consented else None,
        "offered_at": made if consented else None,
        "accept_due": add_working_days(timezone.localdate(made), 2) if consented else None,
    }


# key, days ago received, status, sector, wz, kind, name, question
INQUIRIES = [
    (
        "00001",
        1,
        Status.NEW,
        "Friseurhandwerk",
        "96.02",
        QuestionKind.PAY,
        "Mara Beispiel",
        "Welcher Stundenlohn gilt für Friseurinnen im zweiten Gesellenjahr in Leipzig?",
    ),
    (
        "00002",
        12,
        Status.NEW,
        "Gebäudereinigung",
        "81.21",
        QuestionKind.AVE,
        "Jonas Muster",
        "Ist der Tarifvertrag der Gebäudereinigung allgemeinverbindlich?",
    ),
    (
        "00003",
        10,
        Status.IN_PROGRESS,
        "Gerüstbau",
        "43.99.1",
        QuestionKind.PAY,
        "Karin Probe",
        "Gibt es im Gerüstbau derzeit einen Branchenmindestlohn?",
    ),
    (
        "00004",
        3,
        Status.IN_PROGRESS,
        "Pflege",
        "87.10",
        QuestionKind.WORKING_TIME,
        "",
        "Wie viele Urlaubstage sieht der Tarifvertrag für Pflegehilfskräfte vor?",
    ),
    (
        "00005",
        20,
        Status.ANSWERED,
        "Hotel- und Gaststättengewerbe",
        "55.10",
        QuestionKind.TRAINEE_PAY,
        "Ali Demo",
        "Wie hoch ist die Ausbildungsvergütung im dritten Ausbildungsjahr?",
    ),
    (
        "00006",
        40,
        Status.CLOSED,
        "Elektrohandwerk",
        "43.21",
        QuestionKind.NOTICE,
        "Eva Test",
        "Welche Kündigungsfristen gelten nach fünf Jahren Betriebszugehörigkeit?",
    ),
    (
        "00007",
        35,
        Status.CLOSED,
        "Metall- und Elektroindustrie",
        "25.62",
        QuestionKind.GRADING,
        "Paul Platzhalter",
        "In welche Entgeltgruppe gehört eine Fachkraft für Zerspanungstechnik?",
    ),
]


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    for title, body in TEMPLATES:
        AnswerTemplate.objects.get_or_create(
            topic=Topic.TARIFF, title=title, defaults={"body": body}
        )
    staff = get_user_model().objects.filter(username="tarifregister").first()
    now = timezone.now()
    created = 0
    for key, days_ago, status, sector, wz, kind, name, question in INQUIRIES:
        reference = f"TA-DEMO-{key}"
        if Inquiry.objects.filter(reference=reference).exists():
            continue
        received = now - timedelta(days=days_ago)
        due = add_working_days(timezone.localdate(received), 5)
        answered_at = closed_at = None
        answer = ""
        turnaround = None
        if status in (Status.ANSWERED, Status.CLOSED):
            answered_at = received + timedelta(days=min(days_ago - 1, 4 if key != "00007" else 9))
            answer = (
                f"Guten Tag {name},\n\nvielen Dank für Ihre Anfrage {reference}. "
                "(Demo-Antwort, erfunden.)\n\nMit freundlichen Grüßen"
            )
            turnaround = working_days_between(
                timezone.localdate(received), timezone.localdate(answered_at)
            )
        if status == Status.CLOSED:
            closed_at = answered_at + timedelta(days=1)
        tariff_inquiry = Inquiry.objects.create(
            reference=reference,
            topic=Topic.TARIFF,
            sector=sector,
            wz_code=wz,
            question_kind=kind,
            message=f"{question} (Demo-Anfrage)",
            contact_name=name,
            contact_email=f"anfrage-{key}@demo.lotse.example",
            contact_organisation="Demo-Betrieb GmbH" if key in ("00001", "00006") else "",
            consent=True,
            language="de",
            status=status,
            assignee=staff if status != Status.NEW else None,
            received_at=received,
            due_date=due,
            answered_at=answered_at,
            answer_text=answer,
            closed_at=closed_at,
            turnaround_days=turnaround,
        )
        inquiry_fact_sync(inquiry=tariff_inquiry)
        created += 1
    lines = [f"desk: {created} demo inquiries, {len(TEMPLATES)} answer templates"]
    lines.extend(general_load())
    return lines


# --- The general desk (Lotsendienst): ~200 invented inquiries over every topic field, district,
# requester type and channel, with referrals to demo partners in every state -----------------

GENERAL_COUNT = 200
QUESTIONS = [
    "Wir suchen zwei Pflegefachkräfte aus dem Ausland. Wer hilft bei Visum und Anerkennung?",
    "Gibt es Förderung für eine Teilqualifizierung unserer Lagerhelfer?",
    "Ich bin Elektronikerin aus Kolumbien. Wie wird mein Abschluss anerkannt?",
    "Welche Beratung gibt es zu Arbeitszeit und Gesundheitsschutz im Schichtbetrieb?",
    "Wir möchten Verbundausbildung anbieten. Wer koordiniert das in unserer Region?",
    "Gilt für unseren Betrieb ein Tarifvertrag, und wie finden wir das heraus?",
    "Unsere Partnerorganisation sucht Kontakt zu Welcome Centern in Sachsen.",
]
NAMES = ["Amal Demo", "Bogdan Beispiel", "Chen Muster", "Dana Probe", "Emre Test", ""]


def _demo_actors():
    partner = get_user_model().objects.filter(username="partner").first()
    own = list(Actor.objects.published().filter(memberships__user=partner)[:1]) if partner else []
    others = list(Actor.objects.published().exclude(pk__in=[a.pk for a in own]).order_by("pk")[:5])
    return own, others


@transaction.atomic
def general_load() -> list[str]:
    if Inquiry.objects.filter(reference__startswith="LD-DEMO-").exists():
        return ["desk: Lotsendienst-Demo schon geladen"]
    rng = random.Random(14)  # noqa: S311 (invented demo data, reproducible)
    staff = get_user_model().objects.filter(username="lotsendienst").first()
    topic_fields = [None, *TopicField.objects.active()]
    districts = [None, *Region.objects.districts()]
    consent = ConsentText.objects.filter(kind=ConsentKind.INQUIRY).order_by("-version").first()
    referral_consent = (
        ConsentText.objects.filter(kind=ConsentKind.REFERRAL).order_by("-version").first()
    )
    own, others = _demo_actors()
    partners = own + others
    referral_states = list(ReferralStatus.values)
    statuses = [Status.NEW, Status.IN_PROGRESS, Status.REFERRED, Status.ANSWERED, Status.CLOSED]
    now = timezone.now()
    referrals = 0
    for number in range(1, GENERAL_COUNT + 1):
        received = now - timedelta(days=rng.randint(0, 180), hours=rng.randint(0, 9))
        status = statuses[number % len(statuses)]
        channel = list(Channel.values)[number % len(Channel.values)]
        name = NAMES[number % len(NAMES)]
        phone_only = number % 9 == 0
        responded = None
        if status != Status.NEW:
            responded = received + timedelta(hours=rng.choice([3, 20, 30, 70]))
        inquiry = Inquiry.objects.create(
            reference=f"LD-DEMO-{number:05d}",
            topic=Topic.GENERAL,
            requester_type=list(RequesterType.values)[number % len(RequesterType.values)],
            topic_field=topic_fields[number % len(topic_fields)],
            district=districts[number % len(districts)],
            channel=channel,
            contact_preference=ContactPreference.PHONE if phone_only else ContactPreference.EMAIL,
            preferred_language=rng.choice(["", "", "en", "ar", "uk", "pl"]),
            consent=True,
            consent_text=consent,
            message=f"{rng.choice(QUESTIONS)} (Demo-Anfrage)",
            contact_name=name,
            contact_email="" if phone_only else f"lotse-{number:05d}@demo.lotse.example",
            contact_phone="0351 000" + f"{number:04d}" if phone_only or number % 4 == 0 else "",
            language="en" if number % 11 == 0 else "de",
            token=f"demo-token-{number:05d}",
            assignee=staff if status != Status.NEW else None,
            **inquiry_progress(
                status,
                received,
                responded,
                answer="Vielen Dank für Ihre Frage. (Demo-Antwort)",
                closed_after=timedelta(days=2),
            ),
        )
        if status == Status.REFERRED and partners:
            # Every referral state, and the demo partner's organisation gets most of them.
            state = referral_states[(number // len(statuses)) % len(referral_states)]
            actor = own[0] if own and number % 3 else partners[number % len(partners)]
            with_consent = state not in WITHOUT_CONSENT
            accepted = state in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED)
            Referral.objects.create(
                inquiry=inquiry,
                actor=actor,
                status=state,
                purpose="Beratung zum Anliegen (Demo)",
                data_passed="Name, E-Mail-Adresse, Frage" if with_consent else "",
                consent_text=referral_consent if with_consent else None,
                consent_token=f"demo-consent-{number:05d}"
                if state == ReferralStatus.AWAITING_CONSENT
                else None,
                created_by=staff,
                **referral_offer(state, responded),
                accepted_at=responded + timedelta(hours=rng.choice([5, 30, 80]))
                if accepted
                else None,
                declined_at=responded + timedelta(days=1)
                if state == ReferralStatus.DECLINED
                else None,
                decline_reason="Nicht zuständig für diesen Kreis (Demo)"
                if state == ReferralStatus.DECLINED
                else "",
                outcome=rng.choice(ReferralOutcome.values)
                if state == ReferralStatus.COMPLETED
                else "",
                completed_at=responded + timedelta(days=5)
                if state == ReferralStatus.COMPLETED
                else None,
                contact_name=name if with_consent and state != ReferralStatus.DECLINED else "",
                contact_email=inquiry.contact_email
                if with_consent and state != ReferralStatus.DECLINED
                else "",
                contact_phone=inquiry.contact_phone
                if with_consent and state != ReferralStatus.DECLINED
                else "",
                message=inquiry.message
                if with_consent and state != ReferralStatus.DECLINED
                else "",
            )
            referrals += 1
        inquiry_fact_sync(inquiry=inquiry)
    return [f"desk: {GENERAL_COUNT} Lotsendienst-Demoanfragen, {referrals} Verweisungen"]
