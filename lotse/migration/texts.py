"""The words of the check: every code of rules.py has one sentence here (German msgid).

Sentences with values use named placeholders; `reason_text` fills them in the active language
(money through core.money.euro_text, dates through Django's formats). The catalogues for en, uk,
ar, ru, vi and es live in lotse/migration/locale/.
"""

from __future__ import annotations

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from lotse.core.money import euro_text

from .rules import Reason

ROUTE_TITLES = {
    "18a": _("Fachkraft mit Berufsausbildung"),
    "18b": _("Fachkraft mit Hochschulabschluss"),
    "18g": _("Blaue Karte EU"),
    "18g_reduced": _("Blaue Karte EU mit niedrigerer Gehaltsgrenze"),
    "19c": _("Arbeit mit Berufserfahrung"),
    "20a": _("Chancenkarte zur Arbeitssuche"),
    "16d": _("Anerkennung in Deutschland abschließen"),
    "16a": _("Berufsausbildung in Deutschland"),
    "26": _("Westbalkanregelung"),
    "81a": _("Beschleunigtes Fachkräfteverfahren"),
}
LEGAL_BASIS = {
    "18a": "§ 18a AufenthG",
    "18b": "§ 18b AufenthG",
    "18g": "§ 18g Abs. 1 Satz 1 AufenthG",
    "18g_reduced": "§ 18g Abs. 1 Satz 2 AufenthG",
    "19c": "§ 19c Abs. 2 AufenthG, § 6 BeschV",
    "20a": "§§ 20a, 20b AufenthG",
    "16d": "§ 16d AufenthG",
    "16a": "§ 16a AufenthG",
    "26": "§ 26 Abs. 2 BeschV",
    "81a": "§ 81a AufenthG",
}
STATUS_LABELS = {
    "open": _("offen"),
    "conditional": _("offen, wenn etwas erledigt ist"),
    "closed": _("nicht möglich"),
    "unknown": _("nicht zu beurteilen"),
}

REASONS = {
    # why a route is closed
    "needs_vocational": _(
        "Dieser Weg setzt eine Berufsausbildung von mindestens zwei Jahren voraus."
    ),
    "academic_see_18b": _("Mit einem Hochschulabschluss passt der Weg für akademische Fachkräfte."),
    "needs_academic": _("Dieser Weg setzt einen Hochschulabschluss voraus."),
    "needs_qualification_two_years": _(
        "Dieser Weg setzt einen Berufsabschluss (mindestens zwei Jahre) oder einen "
        "Hochschulabschluss voraus, im Ausbildungsstaat staatlich anerkannt."
    ),
    "reduced_needs_shortage_or_graduate": _(
        "Die niedrigere Gehaltsgrenze gilt nur in Engpassberufen und für einen Hochschulabschluss "
        "aus den letzten drei Jahren."
    ),
    "westbalkan_citizens_only": _(
        "Nur für Staatsangehörige von Albanien, Bosnien und Herzegowina, Kosovo, Montenegro, "
        "Nordmazedonien und Serbien."
    ),
    "quota_used_up": _(
        "Das Kontingent von %(quota)s Zustimmungen für %(year)s ist ausgeschöpft. Ein Antrag für "
        "das nächste Jahr ist möglich."
    ),
    "accelerated_no_route": _(
        "Ohne einen passenden Aufenthaltsweg gibt es kein beschleunigtes Verfahren."
    ),
    "threshold_unknown": _(
        "Die Gehaltsgrenze für %(year)s ist noch nicht bekannt gegeben. Der Check rät nicht."
    ),
    "route_not_in_force": _("Diesen Weg gab es am gewählten Datum noch nicht."),
    # what is fulfilled
    "recognised": _("Ihr Berufsabschluss ist in Deutschland als gleichwertig anerkannt."),
    "academic_comparable": _("Der Hochschulabschluss ist anerkannt oder vergleichbar."),
    "job_offer_present": _("Ein Arbeitsplatzangebot liegt vor."),
    "salary_reached": _("Das Gehalt erreicht die Grenze von %(amount)s im Jahr."),
    "older_salary_reached": _(
        "Ab %(age)s Jahren gilt ein Mindestgehalt von %(amount)s im Jahr; es ist erreicht."
    ),
    "shortage_occupation": _("Der Beruf ist ein Engpassberuf."),
    "recent_graduate": _("Der Hochschulabschluss ist nicht älter als drei Jahre."),
    "no_recognition_needed": _("Eine Anerkennung in Deutschland ist hier nicht nötig."),
    "experience_reached": _("Mindestens %(years)s Jahre Berufserfahrung liegen vor."),
    "collective_agreement": _("Der Arbeitgeber ist tarifgebunden: keine Gehaltsgrenze."),
    "skilled_worker_no_points": _("Mit voller Anerkennung sind keine Punkte nötig."),
    "language_base": _("Die Sprachkenntnisse reichen für den Antrag."),
    "points_reached": _("%(points)s Punkte erreicht, nötig sind %(minimum)s."),
    "already_recognised": _(
        "Die Anerkennung ist schon vollständig. Dieser Weg ist nicht mehr nötig: sehen Sie die "
        "Wege für Fachkräfte."
    ),
    "adaptation_measure": _("Mit Teilanerkennung: Anpassungsmaßnahme oder Prüfung in Deutschland."),
    "recognition_partnership": _(
        "Anerkennungspartnerschaft: arbeiten und die Anerkennung in Deutschland abschließen."
    ),
    "german_reached": _("Deutschkenntnisse auf Niveau %(level)s liegen vor."),
    "training_offer_present": _("Ein Ausbildungsplatz ist in Aussicht."),
    "westbalkan_citizen": _("Staatsangehörigkeit passt; bis zu %(quota)s Zustimmungen im Jahr."),
    "accelerated_possible": _(
        "Der Arbeitgeber kann das Verfahren bei der Ausländerbehörde beantragen (Gebühr %(fee)s)."
    ),
}

NEEDS = {
    "job_offer": _("ein Arbeitsplatzangebot"),
    "salary_at_least": _("ein Gehalt von mindestens %(amount)s im Jahr"),
    "salary_or_agreement": _(
        "ein Gehalt von mindestens %(amount)s im Jahr oder ein tarifgebundener Arbeitgeber"
    ),
    "older_salary_or_pension": _(
        "ab %(age)s Jahren: ein Gehalt von mindestens %(amount)s im Jahr oder der Nachweis einer "
        "angemessenen Altersversorgung"
    ),
    "recognition_apply": _("die Anerkennung des Abschlusses in Deutschland"),
    "recognition_pending": _("die Entscheidung über den Anerkennungsantrag"),
    "recognition_partial_to_full": _("die volle Anerkennung (nach einer Anpassungsmaßnahme)"),
    "experience_two_of_five": _("zwei Jahre Berufserfahrung in den letzten fünf Jahren"),
    "german_a1_or_english_b2": _("Deutsch A1 oder Englisch B2"),
    "more_points": _("mehr Punkte: %(points)s von %(minimum)s"),
    "german_level": _("Deutsch auf Niveau %(level)s"),
    "training_offer": _("ein Ausbildungsplatz"),
    "first_meet_route": _("zuerst die Bedingungen eines Aufenthaltswegs"),
}

POINT_ITEMS = {
    "partial_recognition": _("Teilanerkennung in Deutschland"),
    "experience_5_of_7": _("5 Jahre Berufserfahrung in den letzten 7 Jahren"),
    "experience_2_of_5": _("2 Jahre Berufserfahrung in den letzten 5 Jahren"),
    "german_A2": _("Deutsch A2"),
    "german_B1": _("Deutsch B1"),
    "german_B2": _("Deutsch B2 oder besser"),
    "english_c1": _("Englisch C1 oder besser"),
    "age_under_35": _("jünger als 35 Jahre"),
    "age_under_40": _("jünger als 40 Jahre"),
    "stays_in_germany": _("mindestens 6 Monate in Deutschland in den letzten 5 Jahren"),
    "partner": _("Partnerin oder Partner erfüllt die Voraussetzungen auch"),
    "shortage_occupation": _("Abschluss in einem Engpassberuf"),
}

DOCUMENTS = {
    "passport": _("Reisepass"),
    "health_insurance": _("Nachweis einer Krankenversicherung"),
    "cv": _("Lebenslauf"),
    "qualification_certificate": _("Abschlusszeugnis mit Fächern und Noten"),
    "recognition_notice": _("Bescheid über die Anerkennung"),
    "anabin_printout": _("Ausdruck aus anabin oder Zeugnisbewertung der ZAB"),
    "job_offer": _("Arbeitsvertrag oder verbindliches Arbeitsplatzangebot"),
    "employment_declaration": _("Erklärung zum Beschäftigungsverhältnis (vom Arbeitgeber)"),
    "experience_proof": _("Nachweise der Berufserfahrung (Arbeitszeugnisse)"),
    "language_certificate": _("Sprachzertifikat"),
    "proof_of_funds": _("Nachweis über den Lebensunterhalt (z. B. Sperrkonto)"),
    "pension_provision": _("Nachweis der Altersversorgung (falls das Gehalt darunter liegt)"),
    "measure_confirmation": _("Bestätigung der Anpassungsmaßnahme"),
    "partnership_agreement": _("Vereinbarung zur Anerkennungspartnerschaft"),
    "school_certificate": _("Schulabschlusszeugnis"),
    "training_contract": _("Ausbildungsvertrag"),
    "power_of_attorney": _("Vollmacht der Fachkraft für den Arbeitgeber"),
}

STEPS = {
    "step_recognition": _(
        "Anerkennung klären: Der Anerkennungs-Finder nennt die zuständige Stelle für Ihren Beruf."
    ),
    "step_language_course": _("Deutsch lernen und ein Zertifikat ablegen."),
    "step_ba_approval": _(
        "Die Zustimmung der Bundesagentur für Arbeit vorbereiten (Vorabzustimmung möglich)."
    ),
    "step_accelerated": _(
        "Beschleunigtes Fachkräfteverfahren bei der Ausländerbehörde beantragen (Gebühr %(fee)s)."
    ),
    "step_employer_welcome": _("Beratung durch das Welcome Center oder die Kammer nutzen."),
    "step_find_job": _("Eine Stelle finden, zum Beispiel über die Agentur für Arbeit."),
    "step_visa": _("Das Visum bei der deutschen Auslandsvertretung beantragen."),
    "step_foreigners_office": _("Den Aufenthaltstitel bei der Ausländerbehörde beantragen."),
    "step_advice": _("Lassen Sie sich beraten: Es gibt oft Wege, die ein Check nicht sieht."),
}

CONTACT_CATEGORIES = {
    "welcome": _("Welcome Center"),
    "iq": _("Beratung zur Anerkennung (IQ)"),
    "foreigners_office": _("Ausländerbehörde"),
    "employment_agency": _("Agentur für Arbeit"),
    "chamber": _("Kammern (IHK, HWK)"),
}

LEVEL_LABELS = {
    "none": _("keine"),
    "A1": "A1",
    "A2": "A2",
    "B1": "B1",
    "B2": "B2",
    "C1": "C1",
    "C2": "C2",
}


def _value(value: object) -> object:
    if hasattr(value, "as_tuple"):  # Decimal: money
        return euro_text(value)  # type: ignore[arg-type]
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    if value is None:
        return "–"
    if isinstance(value, int) and value >= 1000:
        return number_format(value, force_grouping=True)
    return value


def reason_text(reason: Reason, table: dict | None = None) -> str:
    """The sentence of a reason, need or step in the active language."""
    for source in (table,) if table is not None else (REASONS, NEEDS, STEPS):
        if reason.code in source:
            template = str(source[reason.code])
            values = {key: _value(value) for key, value in reason.values}
            return template % values if values else template
    return reason.code
