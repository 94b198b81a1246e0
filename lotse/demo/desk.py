"""Demo inquiries of the Tarif desk and three answer templates (invented, marked as demo).

Idempotent: templates are keyed by title, inquiries by their reference "TA-DEMO-…"; a second run
leaves existing ones alone. Dates are relative to today, so some inquiries are overdue.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lotse.desk.models import AnswerTemplate, Inquiry, QuestionKind, Status, Topic
from lotse.desk.workdays import add_working_days, working_days_between

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
        Inquiry.objects.create(
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
        created += 1
    return [f"desk: {created} demo inquiries, {len(TEMPLATES)} answer templates"]
