"""Desk factories: inquiries (as the form would store them) and answer templates."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lotse.desk import services
from lotse.desk.models import (
    AnswerTemplate,
    ConsentMethod,
    Inquiry,
    QuestionKind,
    Referral,
    ReferralConsent,
    ReferralStatus,
    Status,
    Topic,
)


class InquiryFactory(DjangoModelFactory):
    """A new tariff inquiry received an hour ago, due a week after it was received."""

    class Meta:
        model = Inquiry

    reference = factory.Sequence(lambda n: f"TA-TEST-{n:05d}")
    topic = Topic.TARIFF
    sector = "Friseurhandwerk"
    wz_code = "96.02"
    question_kind = QuestionKind.PAY
    message = "Welcher Lohn gilt?"
    contact_name = "Erika Mustermann"
    contact_email = "erika@example.org"
    consent = True
    language = "de"
    status = Status.NEW
    received_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
    due_date = factory.LazyAttribute(
        lambda inquiry: timezone.localdate(inquiry.received_at) + dt.timedelta(days=7)
    )


class AnswerTemplateFactory(DjangoModelFactory):
    class Meta:
        model = AnswerTemplate

    title = factory.Sequence(lambda n: f"Vorlage {n}")
    body = "{anrede}\n\nzu Ihrer Anfrage {reference}:\n\n{lookup}\n\nGrüße an {name}"


class ReferralFactory(DjangoModelFactory):
    """A referral with the asker's consent (by phone), waiting for the partner to accept."""

    class Meta:
        model = Referral

    inquiry = factory.SubFactory(
        InquiryFactory, topic=Topic.GENERAL, sector="", question_kind="", status=Status.REFERRED
    )
    actor = factory.SubFactory("tests.network.factories.ActorFactory")
    status = ReferralStatus.OFFERED
    purpose = "Beratung zur Anerkennung"
    data_passed = "Name, E-Mail-Adresse, Telefon, Frage"
    consent_method = ConsentMethod.PHONE
    consent_given_at = factory.LazyFunction(timezone.now)
    offered_at = factory.LazyFunction(timezone.now)
    accept_due = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=2))
    contact_name = factory.LazyAttribute(lambda r: r.inquiry.contact_name)
    contact_email = factory.LazyAttribute(lambda r: r.inquiry.contact_email)
    contact_phone = factory.LazyAttribute(lambda r: r.inquiry.contact_phone)
    message = factory.LazyAttribute(lambda r: r.inquiry.message)


def refer(inquiry, *actors, user, consent=ReferralConsent.PHONE, purpose="Beratung") -> list:
    """`services.referral_create` as the Lotsendienst does it: one referral per actor."""
    return services.referral_create(
        inquiry=inquiry, actors=list(actors), purpose=purpose, consent=consent, user=user
    )
