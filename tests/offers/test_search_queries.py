"""Fifty real queries against a small realistic catalogue: hits before and after issue 11/8.

A company manager or a skilled worker types these (German on /angebote/, English on
/en/angebote/). `before` is the number of hits of the search as it was (stems + prefix only),
`after` the number now (decompounding, editable synonyms, English names of the classification).
The test asserts `after` exactly, so SQLite and PostgreSQL must find the same offers; the table
is repeated in docs/search.md. Run on PostgreSQL with DATABASE_URL=postgres://… as well.
"""

import pytest
from django.utils import translation

from lotse.offers.selectors import OfferFilters, offers_search

pytestmark = pytest.mark.django_db

INTEGRATION = "integration-fachkraefteeinwanderung"
TRAINING = "ausbildung-weiterbildung"
CONDITIONS = "gute-arbeitsbedingungen"
SAFETY = "arbeits-gesundheitsschutz"
TARIFFS = "tarifvertraege"

# (title, summary, topic fields, target groups, kind)
CATALOGUE = [
    (
        "Willkommenslotsen für Betriebe",
        "Beratung für kleine und mittlere Unternehmen zur Gewinnung internationaler Fachkräfte "
        "und zum Fachkräfteeinwanderungsgesetz.",
        [INTEGRATION],
        ["unternehmen"],
        "beratung",
    ),
    (
        "Anerkennungsberatung für ausländische Berufsabschlüsse",
        "Wir klären, welche Stelle Ihren Abschluss prüft, und begleiten das Verfahren.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "beratung",
    ),
    (
        "Berufsbezogener Sprachkurs B2",
        "Berufssprachkurs mit Fachwortschatz für Pflege und Technik, vormittags oder abends.",
        [INTEGRATION, TRAINING],
        ["internationale-fachkraefte", "beschaeftigte"],
        "weiterbildung",
    ),
    (
        "Sprachkurse im Betrieb",
        "Sprachförderung direkt am Arbeitsplatz für neue Beschäftigte aus dem Ausland.",
        [INTEGRATION],
        ["unternehmen", "beschaeftigte"],
        "weiterbildung",
    ),
    (
        "Beschleunigtes Fachkräfteverfahren",
        "Unterstützung beim Antrag auf Vorabzustimmung und bei der Beantragung des Visums.",
        [INTEGRATION],
        ["unternehmen"],
        "service",
    ),
    (
        "Aufenthaltstitel und Arbeitserlaubnis",
        "Beratung zu Blauer Karte EU, Aufenthaltserlaubnis und Niederlassungserlaubnis.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "beratung",
    ),
    (
        "Integrationskurs mit Kinderbetreuung",
        "Allgemeiner Integrationskurs mit Orientierungskurs, Betreuung der Kinder im Haus.",
        [INTEGRATION],
        ["arbeitsuchende"],
        "weiterbildung",
    ),
    (
        "Verbundausbildung im Handwerk",
        "Kleine Betriebe bilden gemeinsam aus und teilen sich die Ausbildungsabschnitte.",
        [TRAINING],
        ["unternehmen", "auszubildende"],
        "foerderprogramm",
    ),
    (
        "Teilqualifizierung für Beschäftigte ohne Berufsabschluss",
        "In Modulen zum anerkannten Abschluss, berufsbegleitend.",
        [TRAINING],
        ["beschaeftigte", "arbeitsuchende"],
        "weiterbildung",
    ),
    (
        "Weiterbildungsberatung für Unternehmen",
        "Welche Qualifizierung passt zu Ihrem Betrieb, und wer fördert sie?",
        [TRAINING],
        ["unternehmen"],
        "beratung",
    ),
    (
        "Weiterbildungsbonus Sachsen",
        "Zuschuss zu Lehrgängen und Prüfungsgebühren für Beschäftigte kleiner Betriebe.",
        [TRAINING],
        ["beschaeftigte"],
        "foerderprogramm",
    ),
    (
        "Betriebliches Gesundheitsmanagement",
        "Gesundheitsförderung und Arbeitsschutz in kleinen Betrieben.",
        [SAFETY],
        ["unternehmen"],
        "beratung",
    ),
    (
        "Gefährdungsbeurteilung psychischer Belastungen",
        "Schritt für Schritt zur Beurteilung der Arbeitsbedingungen im Betrieb.",
        [SAFETY, CONDITIONS],
        ["unternehmen"],
        "service",
    ),
    (
        "Tarifauskunft für Arbeitgeber",
        "Welche Tarifverträge und Mindestlöhne gelten für Ihre Branche?",
        [TARIFFS],
        ["unternehmen"],
        "service",
    ),
    (
        "Mindestlohnberatung für Beschäftigte",
        "Wir prüfen Ihre Lohnabrechnung und erklären Ihre Rechte.",
        [TARIFFS, CONDITIONS],
        ["beschaeftigte"],
        "beratung",
    ),
    (
        "Faire Integration – Beratung zum Arbeitsrecht",
        "Für Geflüchtete und Zugewanderte: Lohn, Arbeitsvertrag, Kündigung, Unterkunft.",
        [INTEGRATION, CONDITIONS],
        ["internationale-fachkraefte", "beschaeftigte"],
        "beratung",
    ),
    (
        "Wohnungssuche für neue Fachkräfte",
        "Hilfe bei der Wohnungssuche, der Anmeldung und dem Mietvertrag.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "service",
    ),
    (
        "Familiennachzug und Kinderbetreuung",
        "Kita-Platz, Schule und Aufenthalt der Familie: was Zugezogene wissen müssen.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "beratung",
    ),
    (
        "Ausbildungsplatzbörse für internationale Jugendliche",
        "Betriebe und Bewerberinnen aus dem Ausland lernen sich kennen.",
        [TRAINING, INTEGRATION],
        ["auszubildende", "unternehmen"],
        "veranstaltungsreihe",
    ),
    (
        "Pflegefachkräfte aus dem Ausland gewinnen",
        "Rekrutierung von Pflegekräften und Anerkennung der Pflegeausbildung.",
        [INTEGRATION],
        ["unternehmen"],
        "beratung",
    ),
    (
        "Umschreibung des Führerscheins für Berufskraftfahrer",
        "Ausländische Fahrerlaubnis in eine deutsche umschreiben lassen.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "service",
    ),
    (
        "Existenzgründung für Zugewanderte",
        "Vom Businessplan bis zur Gewerbeanmeldung, auf Deutsch und Englisch.",
        [INTEGRATION],
        ["arbeitsuchende"],
        "beratung",
    ),
    (
        "Jobcoaching für Arbeitsuchende",
        "Bewerbungsunterlagen, Vorstellungsgespräch und Praktikum.",
        [TRAINING],
        ["arbeitsuchende"],
        "beratung",
    ),
    (
        "Onboarding-Workshop für Personalverantwortliche",
        "Neue internationale Beschäftigte gut einarbeiten und halten.",
        [INTEGRATION, CONDITIONS],
        ["unternehmen"],
        "weiterbildung",
    ),
    (
        "Kenntnisprüfung für Ärztinnen und Ärzte vorbereiten",
        "Vorbereitungskurs auf die Kenntnisprüfung und die Fachsprachprüfung.",
        [INTEGRATION, TRAINING],
        ["internationale-fachkraefte"],
        "weiterbildung",
    ),
    (
        "Anpassungsqualifizierung Elektrotechnik",
        "Ausgleichsmaßnahme für die volle Gleichwertigkeit des ausländischen Abschlusses.",
        [TRAINING, INTEGRATION],
        ["internationale-fachkraefte"],
        "weiterbildung",
    ),
    (
        "Einwanderungsberatung für IT-Fachkräfte",
        "Blaue Karte, Visum und Umzug für Software-Entwicklerinnen.",
        [INTEGRATION],
        ["internationale-fachkraefte"],
        "beratung",
    ),
    (
        "Netzwerk Arbeitgeberattraktivität",
        "Betriebe tauschen sich über gute Arbeitsbedingungen und Mitarbeiterbindung aus.",
        [CONDITIONS],
        ["unternehmen", "netzwerkpartner"],
        "netzwerk",
    ),
]

# (query, language, hits before, hits after)
QUERIES = [
    ("Einwanderung", "de", 1, 18),
    ("Fachkräfteeinwanderung", "de", 18, 18),
    ("Deutschkurs", "de", 0, 2),
    ("Deutschkurse", "de", 0, 2),
    ("Sprachkurs", "de", 2, 2),
    ("Visum", "de", 2, 3),
    ("Aufenthaltstitel", "de", 1, 3),
    ("Aufenthaltserlaubnis", "de", 1, 1),
    ("Anerkennung", "de", 2, 3),
    ("Berufsanerkennung", "de", 0, 3),
    ("Arbeitserlaubnis", "de", 1, 1),
    ("Blaue Karte", "de", 2, 2),
    ("Integrationskurs", "de", 1, 1),
    ("Ausbildung", "de", 2, 3),
    ("Weiterbildung", "de", 12, 12),
    ("Qualifizierung", "de", 1, 12),
    ("Teilqualifizierung", "de", 1, 1),
    ("Gesundheitsschutz", "de", 2, 2),
    ("Arbeitsschutz", "de", 1, 2),
    ("Mindestlohn", "de", 2, 2),
    ("Tarifvertrag", "de", 2, 2),
    ("Pflegekräfte", "de", 1, 1),
    ("Pflege", "de", 2, 2),
    ("Wohnung", "de", 1, 2),
    ("Kinderbetreuung", "de", 2, 2),
    ("Familiennachzug", "de", 1, 1),
    ("Existenzgründung", "de", 1, 1),
    ("Gründung", "de", 0, 1),
    ("Bewerbung", "de", 2, 2),
    ("Flüchtlinge", "de", 0, 1),
    ("Geflüchtete", "de", 1, 1),
    ("Arbeitsrecht", "de", 1, 1),
    ("Ärzte", "de", 1, 1),
    ("Berufsabschluss", "de", 2, 2),
    ("Azubi", "de", 0, 2),
    ("Führerschein", "de", 1, 1),
    ("Kita", "de", 1, 2),
    ("Fachkräfte Ausland", "de", 6, 6),
    ("recognition", "en", 0, 3),
    ("visa", "en", 0, 3),
    ("German course", "en", 0, 2),
    ("language course", "en", 0, 2),
    ("residence permit", "en", 0, 1),
    ("work permit", "en", 0, 1),
    ("apprenticeship", "en", 0, 3),
    ("further training", "en", 0, 12),
    ("minimum wage", "en", 0, 2),
    ("refugees", "en", 0, 1),
    ("childcare", "en", 0, 2),
    ("skilled workers", "en", 0, 18),
]


@pytest.fixture
def catalogue(offer_factory):
    for index, (title, summary, topics, groups, kind) in enumerate(CATALOGUE):
        offer_factory(
            title=title,
            summary=summary,
            topic_fields=topics,
            target_groups=groups,
            kind=kind,
            slug=f"q-{index}",
        )


def hits(query: str, language: str) -> int:
    with translation.override(language):
        result = offers_search(query=query, filters=OfferFilters(), sort="relevance")
    return result.total


def test_the_list_has_fifty_queries():
    assert len(QUERIES) == 50
    assert len({(query, language) for query, language, *_ in QUERIES}) == 50


def test_real_queries_find_offers(catalogue):
    # One catalogue for all fifty queries (built once); every difference is listed at once.
    found = {(query, language): hits(query, language) for query, language, _b, _a in QUERIES}
    expected = {(query, language): after for query, language, _b, after in QUERIES}
    assert found == expected


def test_hits_went_up_overall():
    total_before = sum(before for _q, _l, before, _a in QUERIES)
    total_after = sum(after for _q, _l, _b, after in QUERIES)
    assert total_after > total_before
    assert all(after >= before for _q, _l, before, after in QUERIES)
    assert all(after > 0 for _q, _l, _b, after in QUERIES)
