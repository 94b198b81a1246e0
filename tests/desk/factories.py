"""Desk factories: inquiries (as the form would store them) and answer templates."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lotse.desk.models import AnswerTemplate, Inquiry, QuestionKind, Status, Topic


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
