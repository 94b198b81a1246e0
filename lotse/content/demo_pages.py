"""Editorial texts of the portal's first pages, in German and English.

Written for Lotse. The legal pages describe this product; an operator replaces names and
addresses marked "Demo" before going live.
"""

P = "paragraph"
H = "heading"


def h(text: str, level: str = "h2") -> tuple[str, dict]:
    return (H, {"text": text, "level": level})


def p(html: str) -> tuple[str, str]:
    return (P, html)


HOME = {
    "de": {
        "title": "Fachkräfte sichern. Gemeinsam in Sachsen.",
        "intro": (
            "<p>Lotse ist das Portal des Fachkräftezentrums: Hier finden Unternehmen, Beschäftigte "
            "und internationale Fachkräfte die passenden Ansprechpartner, Angebote und Informationen "
            "– neutral, kostenfrei und aus einer Hand.</p>"
        ),
    },
    "en": {
        "title": "Securing skilled workers. Together in Saxony.",
        "intro": (
            "<p>Lotse is the portal of the skilled-labour centre: companies, employees and "
            "international skilled workers find the right contacts, offers and information here "
            "– neutral, free of charge and from a single source.</p>"
        ),
    },
}

KNOWLEDGE = {
    "de": {
        "title": "Wissen",
        "intro": "Themenseiten, Checklisten und Artikel zu den fünf Themenfeldern des Zentrums.",
    },
    "en": {
        "title": "Knowledge",
        "intro": "Topic pages, checklists and articles on the centre's five topic fields.",
    },
}

STANDARD_PAGES: dict[str, dict] = {
    "netzwerk": {
        "title": {"de": "Netzwerk", "en": "Network"},
        "intro": {
            "de": "Wer macht was wo? Das Verzeichnis der Akteure der Fachkräftesicherung in Sachsen.",
            "en": "Who does what, where? The directory of the actors securing skilled labour in Saxony.",
        },
        "body": {
            "de": [
                p(
                    "<p>Arbeitsagenturen, Jobcenter, Kammern, Wirtschaftsförderungen, "
                    "Bildungsträger, Vereine und Behörden arbeiten in Sachsen daran, dass Unternehmen "
                    "die Fachkräfte finden, die sie brauchen. Das Fachkräftezentrum bringt sie "
                    "zusammen und macht sichtbar, wer in welchem Landkreis wofür zuständig ist.</p>"
                ),
            ],
            "en": [
                p(
                    "<p>Employment agencies, job centres, chambers, economic development agencies, "
                    "education providers, associations and authorities work in Saxony so that "
                    "companies find the skilled workers they need. The centre brings them together "
                    "and shows who is responsible for what in which district.</p>"
                ),
            ],
        },
    },
    "angebote": {
        "title": {"de": "Angebote", "en": "Offers"},
        "intro": {
            "de": "Beratung, Förderprogramme und Weiterbildung der Netzwerkpartner – geprüft und aktuell.",
            "en": "Advice, funding programmes and training from the network partners – checked and current.",
        },
        "body": {
            "de": [
                p(
                    "<p>Jedes Angebot im Katalog wird vor der Veröffentlichung von der Redaktion "
                    "des Zentrums geprüft und einmal im Jahr von seinem Anbieter bestätigt.</p>"
                )
            ],
            "en": [
                p(
                    "<p>Every offer in the catalogue is checked by the centre's editorial team "
                    "before it is published and confirmed by its provider once a year.</p>"
                )
            ],
        },
    },
    "veranstaltungen": {
        "title": {"de": "Veranstaltungen", "en": "Events"},
        "intro": {
            "de": "Netzwerktreffen, Fachforen und Workshops des Zentrums und seiner Partner.",
            "en": "Network meetings, forums and workshops of the centre and its partners.",
        },
        "body": {
            "de": [
                p(
                    "<p>Das Zentrum lädt regelmäßig zu Netzwerktreffen und dezentralen Fachforen "
                    "ein, die an mehreren Standorten zugleich stattfinden und per Livestream "
                    "verbunden sind.</p>"
                )
            ],
            "en": [
                p(
                    "<p>The centre regularly hosts network meetings and decentralised forums held "
                    "at several sites on the same day and joined by a live stream.</p>"
                )
            ],
        },
    },
    "tarifauskunft": {
        "title": {"de": "Tarifauskunft", "en": "Collective agreements"},
        "intro": {
            "de": "Welche Tarifverträge und Mindestlöhne gelten in Sachsen? Auskunft aus dem Tarifregister.",
            "en": "Which collective agreements and minimum wages apply in Saxony? Information from the register.",
        },
        "body": {
            "de": [
                p(
                    "<p>Das Zentrum führt das Tarifregister des Freistaates Sachsen. Es gibt "
                    "Auskunft darüber, ob für eine Branche Tarifverträge bestehen, ob sie "
                    "allgemeinverbindlich sind und welche Mindestlöhne gelten. Eine Rechtsberatung "
                    "im Einzelfall ist nicht möglich.</p>"
                )
            ],
            "en": [
                p(
                    "<p>The centre keeps the register of collective agreements of the Free State of "
                    "Saxony. It tells you whether agreements exist for a sector, whether they are "
                    "generally binding and which minimum wages apply. It cannot give individual "
                    "legal advice.</p>"
                )
            ],
        },
    },
    "kontakt": {
        "title": {"de": "Kontakt", "en": "Contact"},
        "intro": {
            "de": "So erreichen Sie das Fachkräftezentrum.",
            "en": "How to reach the skilled-labour centre.",
        },
        "body": {
            "de": [
                h("Anschrift"),
                p(
                    "<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (Demo)<br>"
                    "Musterstraße 1<br>09111 Chemnitz</p>"
                ),
                h("Telefon und E-Mail"),
                p("<p>Telefon: 0371 000000-0 (Demo)<br>E-Mail: kontakt@lotse.example</p>"),
            ],
            "en": [
                h("Address"),
                p(
                    "<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (demo)<br>"
                    "Musterstraße 1<br>09111 Chemnitz, Germany</p>"
                ),
                h("Phone and e-mail"),
                p("<p>Phone: +49 371 000000-0 (demo)<br>E-mail: kontakt@lotse.example</p>"),
            ],
        },
    },
    "impressum": {
        "title": {"de": "Impressum", "en": "Legal notice"},
        "intro": {"de": "Angaben nach § 5 DDG.", "en": "Information pursuant to § 5 DDG."},
        "body": {
            "de": [
                h("Herausgeber"),
                p(
                    "<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (Demo)<br>"
                    "Musterstraße 1, 09111 Chemnitz</p>"
                ),
            ],
            "en": [
                h("Publisher"),
                p(
                    "<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (demo)<br>"
                    "Musterstraße 1, 09111 Chemnitz, Germany</p>"
                ),
            ],
        },
    },
    "datenschutz": {
        "title": {"de": "Datenschutz", "en": "Privacy"},
        "intro": {
            "de": "Wie Lotse mit personenbezogenen Daten umgeht.",
            "en": "How Lotse handles personal data.",
        },
        "body": {
            "de": [
                h("Verantwortliche Stelle"),
                p("<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (Demo).</p>"),
            ],
            "en": [
                h("Controller"),
                p("<p>Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (demo).</p>"),
            ],
        },
    },
    "barrierefreiheit": {
        "title": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
        "intro": {
            "de": "Lotse soll für alle Menschen nutzbar sein.",
            "en": "Lotse is meant to be usable by everyone.",
        },
        "body": {
            "de": [h("Feedback und Kontakt"), p("<p>E-Mail: barrierefreiheit@lotse.example</p>")],
            "en": [h("Feedback and contact"), p("<p>E-mail: barrierefreiheit@lotse.example</p>")],
        },
    },
    "leichte-sprache": {
        "title": {"de": "Leichte Sprache", "en": "Easy-to-read information"},
        "intro": {"de": "Informationen in Leichter Sprache.", "en": "Easy-to-read information."},
        "body": {
            "de": [p("<p>Hier ist Lotse.</p>")],
            "en": [p("<p>This is Lotse.</p>")],
        },
    },
    "gebaerdensprache": {
        "title": {"de": "Gebärdensprache", "en": "Sign language"},
        "intro": {
            "de": "Informationen in Deutscher Gebärdensprache (DGS).",
            "en": "Information in German Sign Language (DGS).",
        },
        "body": {
            "de": [p("<p>Videos in DGS.</p>")],
            "en": [p("<p>Videos in DGS.</p>")],
        },
    },
}

TOPIC_PAGES: dict[str, dict[str, list]] = {}

ARTICLES: dict[str, dict] = {
    "anerkennung-auslaendischer-abschluesse": {
        "date": "2026-10-15",
        "topic_fields": ["integration-fachkraefteeinwanderung"],
        "target_groups": ["unternehmen", "internationale-fachkraefte"],
        "title": {
            "de": "Anerkennung ausländischer Berufsabschlüsse: Wer ist zuständig?",
            "en": "Recognition of foreign qualifications: who is responsible?",
        },
        "summary": {
            "de": "Der Arbeitsort entscheidet über die zuständige Stelle. Ein Überblick für Betriebe.",
            "en": "The place of work decides which authority is responsible. An overview for employers.",
        },
        "body": {
            "de": [
                p(
                    "<p>Für Berufe der Industrie- und Handelskammern prüft zentral die IHK FOSA in "
                    "Nürnberg, für Handwerksberufe die regional zuständige Handwerkskammer. "
                    "Reglementierte Berufe folgen dem Landesrecht. Die Gebühren liegen meist "
                    "zwischen 200 und 600 Euro.</p>"
                )
            ],
            "en": [
                p(
                    "<p>For occupations of the chambers of industry and commerce, IHK FOSA in "
                    "Nuremberg decides centrally; for crafts, the regional chamber of crafts. "
                    "Regulated professions follow state law. Fees are usually between 200 and "
                    "600 euros.</p>"
                )
            ],
        },
    },
}
