"""Demo data of the network: real Saxon actors (names, towns, districts), invented contacts.

Source of names and structures: ../shared/facts/saxony-network.md of the project (real structures of
the Saxon skilled-labour network). Which districts an Agentur für Arbeit serves, and the chambers'
districts outside Leipzig, are inferred as stated there. Descriptions are short texts written for
Lotse. Contacts are invented, named "(Demo)" and use @demo.lotse.example addresses.
Idempotent: keyed
by `external_id`; a second run updates instead of duplicating.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField

from .models import Actor, Contact, Cooperation
from .services import actor_create, actor_update, cooperation_create, membership_add

# District slugs (core/data/regions_saxony.csv)
C, ERZ, MS, V, Z = "chemnitz", "erzgebirgskreis", "mittelsachsen", "vogtlandkreis", "zwickau"
DD, BZ, GR, MEI, SSO = (
    "dresden",
    "bautzen",
    "goerlitz",
    "meissen",
    "saechsische-schweiz-osterzgebirge",
)
L, LL, NS = "leipzig", "landkreis-leipzig", "nordsachsen"
CHEMNITZ_CHAMBER = [C, ERZ, MS, V, Z]
DRESDEN_CHAMBER = [DD, BZ, GR, MEI, SSO]
LEIPZIG_CHAMBER = [L, LL, NS]

# Topic fields, target groups
INT, AUS, GUT, AGS, TV = (
    "integration-fachkraefteeinwanderung",
    "ausbildung-weiterbildung",
    "gute-arbeitsbedingungen",
    "arbeits-gesundheitsschutz",
    "tarifvertraege",
)
U, B, IF, AZ, AS, NP = (
    "unternehmen",
    "beschaeftigte",
    "internationale-fachkraefte",
    "auszubildende",
    "arbeitsuchende",
    "netzwerkpartner",
)

DISTRICT_NAMES = {
    C: ("Chemnitz", "Chemnitz"),
    ERZ: ("Erzgebirge", "Annaberg-Buchholz"),
    MS: ("Mittelsachsen", "Freiberg"),
    V: ("Vogtland", "Plauen"),
    Z: ("Zwickau", "Zwickau"),
    DD: ("Dresden", "Dresden"),
    BZ: ("Bautzen", "Bautzen"),
    GR: ("Görlitz", "Görlitz"),
    MEI: ("Meißen", "Meißen"),
    SSO: ("Sächsische Schweiz-Osterzgebirge", "Pirna"),
    L: ("Leipzig", "Leipzig"),
    LL: ("Landkreis Leipzig", "Borna"),
    NS: ("Nordsachsen", "Torgau"),
}


def _a(
    key,
    name,
    short,
    type_,
    town,
    *,
    districts=(),
    statewide=False,
    topics=(),
    groups=(),
    langs=("de",),
    text="",
    parent=None,
    website="",
):
    return {
        "key": key,
        "name": name,
        "short_name": short,
        "type": type_,
        "town": town,
        "districts": list(districts),
        "statewide": statewide,
        "topics": list(topics),
        "groups": list(groups),
        "langs": list(langs),
        "text": text,
        "parent": parent,
        "website": website,
    }


def _actors() -> list[dict]:
    items = [
        _a(
            "smwa",
            "Sächsisches Staatsministerium für Wirtschaft, Arbeit, Energie und Klimaschutz",
            "SMWA",
            "landesbehoerde",
            "Dresden",
            statewide=True,
            topics=[INT, AUS, GUT, AGS, TV],
            groups=[U, NP],
            text="Das Wirtschafts- und Arbeitsministerium des Freistaats setzt den "
            "Rahmen der sächsischen Fachkräftepolitik und fördert regionale Fachkräfteprojekte.",
            website="https://www.smwa.sachsen.de/",
        ),
        _a(
            "zefas",
            "Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen",
            "ZEFAS",
            "landesbehoerde",
            "Chemnitz",
            statewide=True,
            topics=[INT, AUS, GUT, AGS, TV],
            groups=[U, B, IF, NP],
            langs=["de", "en", "fr", "es", "ru", "pt", "ar"],
            parent="smwa",
            text="Das Fachkräftezentrum des Freistaats: führt das Tarifregister "
            "Sachsen, berät zu Guter Arbeit und betreibt die Servicestelle Internationale "
            "Fachkräfte für Sachsen sowie das Portal SAXONY WORKS.",
        ),
        _a(
            "sab",
            "Sächsische Aufbaubank – Förderbank",
            "SAB",
            "landesbehoerde",
            "Dresden",
            statewide=True,
            topics=[AUS, GUT],
            groups=[U, NP],
            text="Die Förderbank des Freistaats "
            "bewilligt unter anderem Zuschüsse nach der Fachkräfterichtlinie für regionale "
            "Projekte von Landkreisen, Städten und anderen Trägern.",
        ),
        _a(
            "fka-sachsen",
            "Fachkräfteallianz Sachsen",
            "FKA Sachsen",
            "fachkraefteallianz",
            "Dresden",
            statewide=True,
            topics=[INT, AUS, GUT],
            groups=[NP],
            text="Das landesweite "
            "Bündnis aus Staatsregierung, Kammern, Arbeitsverwaltung, Gewerkschaften, Verbänden "
            "und Kommunen zur Sicherung des Fachkräftebedarfs.",
        ),
        _a(
            "ba-rd-sachsen",
            "Bundesagentur für Arbeit, Regionaldirektion Sachsen",
            "BA RD Sachsen",
            "arbeitsverwaltung",
            "Chemnitz",
            statewide=True,
            topics=[INT, AUS],
            groups=[U, AS, NP],
            text="Steuert die Agenturen für Arbeit in Sachsen und arbeitet mit dem Land an "
            "Arbeitsmarktprogrammen.",
        ),
        _a(
            "bamf",
            "Bundesamt für Migration und Flüchtlinge",
            "BAMF",
            "bundesbehoerde",
            "Nürnberg",
            statewide=True,
            topics=[INT],
            groups=[IF, NP],
            text="Bundesbehörde, unter anderem zuständig für Integrations- und Berufssprachkurse.",
        ),
        _a(
            "bmas",
            "Bundesministerium für Arbeit und Soziales",
            "BMAS",
            "bundesbehoerde",
            "Berlin",
            statewide=True,
            topics=[INT, GUT, AGS, TV],
            groups=[NP],
            text="Bundesministerium, "
            "verantwortlich unter anderem für das Förderprogramm "
            "„Integration durch Qualifizierung“.",
        ),
        _a(
            "iab",
            "Institut für Arbeitsmarkt- und Berufsforschung",
            "IAB",
            "wissenschaft",
            "Nürnberg",
            statewide=True,
            topics=[INT, AUS, GUT],
            groups=[NP],
            text="Forschungsinstitut "
            "der Bundesagentur für Arbeit; liefert Arbeitsmarktdaten und regionale Analysen.",
        ),
        _a(
            "ihk-chemnitz",
            "Industrie- und Handelskammer Chemnitz",
            "IHK Chemnitz",
            "kammer",
            "Chemnitz",
            districts=CHEMNITZ_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ],
            text="Vertritt die gewerbliche Wirtschaft in Südwestsachsen, betreut Ausbildung und "
            "Prüfungen.",
        ),
        _a(
            "ihk-dresden",
            "Industrie- und Handelskammer Dresden",
            "IHK Dresden",
            "kammer",
            "Dresden",
            districts=DRESDEN_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ],
            text="Vertritt die gewerbliche Wirtschaft in Ostsachsen, berät zu Ausbildung und "
            "Fachkräftegewinnung.",
        ),
        _a(
            "ihk-leipzig",
            "Industrie- und Handelskammer zu Leipzig",
            "IHK zu Leipzig",
            "kammer",
            "Leipzig",
            districts=LEIPZIG_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ],
            text="Vertritt die gewerbliche Wirtschaft in Leipzig, im Landkreis Leipzig und in "
            "Nordsachsen.",
        ),
        _a(
            "hwk-chemnitz",
            "Handwerkskammer Chemnitz",
            "HWK Chemnitz",
            "kammer",
            "Chemnitz",
            districts=CHEMNITZ_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ, IF],
            text="Berät "
            "Handwerksbetriebe, ist zuständig für die Anerkennung ausländischer Abschlüsse in "
            "Handwerksberufen der Region.",
        ),
        _a(
            "hwk-dresden",
            "Handwerkskammer Dresden",
            "HWK Dresden",
            "kammer",
            "Dresden",
            districts=DRESDEN_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ, IF],
            text="Berät Handwerksbetriebe in Ostsachsen zu Ausbildung, Nachwuchs und Anerkennung.",
        ),
        _a(
            "hwk-leipzig",
            "Handwerkskammer zu Leipzig",
            "HWK zu Leipzig",
            "kammer",
            "Leipzig",
            districts=LEIPZIG_CHAMBER,
            topics=[AUS, INT],
            groups=[U, AZ, IF],
            text="Berät Handwerksbetriebe in Westsachsen zu Ausbildung, Nachwuchs und Anerkennung.",
        ),
        _a(
            "iq-sachsen",
            "IQ Netzwerk Sachsen",
            "IQ Sachsen",
            "verein-verband",
            "Leipzig",
            statewide=True,
            topics=[INT, AUS],
            groups=[IF, U, NP],
            langs=["de", "en", "ar", "ru"],
            text="Landesnetzwerk im Förderprogramm „Integration durch Qualifizierung“: Beratung zu "
            "Anerkennung und Qualifizierung, Schulungen für Arbeitsmarktakteure.",
        ),
        _a(
            "aufbauwerk-leipzig",
            "Aufbauwerk Region Leipzig",
            "",
            "bildungseinrichtung",
            "Leipzig",
            districts=LEIPZIG_CHAMBER,
            topics=[AUS, INT],
            groups=[AS, IF],
            text="Bildungsträger; koordiniert das regionale IQ-Netzwerk Leipzig.",
        ),
        _a(
            "iq-leipzig",
            "IQ Netzwerk Leipzig",
            "IQ Leipzig",
            "beratungsstelle",
            "Leipzig",
            districts=LEIPZIG_CHAMBER,
            topics=[INT, AUS],
            groups=[IF],
            langs=["de", "en", "ar"],
            parent="iq-sachsen",
            text="Regionales IQ-Netzwerk, koordiniert vom Aufbauwerk Region Leipzig.",
        ),
        _a(
            "iq-chemnitz-dresden",
            "IQ Netzwerk Chemnitz-Dresden",
            "IQ Chemnitz-Dresden",
            "beratungsstelle",
            "Chemnitz",
            districts=CHEMNITZ_CHAMBER + DRESDEN_CHAMBER,
            topics=[INT, AUS],
            groups=[IF],
            langs=["de", "en", "ru", "uk"],
            parent="iq-sachsen",
            text="Regionales IQ-Netzwerk für Südwest- und Ostsachsen.",
        ),
        _a(
            "ibas",
            "Informations- und Beratungsstelle Anerkennung Sachsen",
            "IBAS",
            "beratungsstelle",
            "Leipzig",
            statewide=True,
            topics=[INT],
            groups=[IF],
            langs=["de", "en", "ar", "ru", "uk", "es"],
            parent="iq-sachsen",
            text="Berät zur "
            "Anerkennung ausländischer Berufs- und Studienabschlüsse, mit Standorten in Leipzig "
            "und Chemnitz.",
        ),
        _a(
            "faire-integration",
            "Faire Integration Sachsen",
            "",
            "beratungsstelle",
            "Dresden",
            statewide=True,
            topics=[INT, GUT],
            groups=[IF, B],
            langs=["de", "en", "ar", "ru", "pl", "ro"],
            text="Beratung für Geflüchtete und "
            "Zugewanderte zu Arbeitsrecht und sozialer Absicherung im Arbeitsverhältnis.",
        ),
        _a(
            "arbeit-und-leben",
            "Arbeit und Leben Sachsen",
            "",
            "bildungseinrichtung",
            "Leipzig",
            statewide=True,
            topics=[GUT, INT, AUS],
            groups=[B, IF],
            text="Träger politischer und "
            "beruflicher Bildung, getragen von Gewerkschaften und Volkshochschulen.",
        ),
        _a(
            "weltoffenes-sachsen",
            "Wirtschaft für ein weltoffenes Sachsen e.V.",
            "",
            "verein-verband",
            "Dresden",
            statewide=True,
            topics=[INT],
            groups=[U],
            text="Zusammenschluss sächsischer Unternehmen für Weltoffenheit und die Gewinnung "
            "internationaler Fachkräfte.",
        ),
        _a(
            "wfs",
            "Wirtschaftsförderung Sachsen GmbH",
            "WFS",
            "wirtschaftsfoerderung",
            "Dresden",
            statewide=True,
            topics=[INT],
            groups=[U, IF],
            langs=["de", "en"],
            text="Die "
            "Wirtschaftsförderung des Freistaats: Standortmarketing, Ansiedlung und "
            "internationale Fachkräftegewinnung.",
        ),
        _a(
            "cwe",
            "Chemnitzer Wirtschaftsförderungs- und Entwicklungsgesellschaft",
            "CWE",
            "wirtschaftsfoerderung",
            "Chemnitz",
            districts=[C],
            topics=[INT, AUS],
            groups=[U],
            text="Wirtschaftsförderung der Stadt Chemnitz; Träger des Welcome Centers Chemnitz.",
        ),
        _a(
            "wfe",
            "Wirtschaftsförderung Erzgebirge GmbH",
            "WFE",
            "wirtschaftsfoerderung",
            "Annaberg-Buchholz",
            districts=[ERZ],
            topics=[INT, AUS],
            groups=[U, IF],
            text="Wirtschaftsförderung des Erzgebirgskreises; führt die Fachkräfteallianz "
            "Erzgebirge und das Welcome Center Erzgebirge.",
        ),
        _a(
            "wc-chemnitz",
            "Welcome Center Chemnitz",
            "",
            "beratungsstelle",
            "Chemnitz",
            districts=[C],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en", "ar", "ru"],
            parent="cwe",
            text="Anlaufstelle für internationale Fachkräfte und ihre Familien in "
            "Chemnitz, seit 2024.",
        ),
        _a(
            "wc-dresden",
            "Welcome Center Dresden",
            "",
            "beratungsstelle",
            "Dresden",
            districts=[DD],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en", "es"],
            text="Anlaufstelle für internationale Fachkräfte in der Landeshauptstadt.",
        ),
        _a(
            "wc-erzgebirge",
            "Welcome Center Erzgebirge",
            "",
            "beratungsstelle",
            "Annaberg-Buchholz",
            districts=[ERZ],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en", "cs"],
            parent="wfe",
            text="Willkommensservice für Zugewanderte und Rückkehrende im Erzgebirge.",
        ),
        _a(
            "wc-zwickau",
            "Welcome Center Region Zwickau",
            "",
            "beratungsstelle",
            "Zwickau",
            districts=[Z],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en"],
            text="Anlaufstelle für internationale Fachkräfte in der Region Zwickau.",
        ),
        _a(
            "wc-sso",
            "Welcome Center Sächsische Schweiz-Osterzgebirge",
            "",
            "kommunalverwaltung",
            "Pirna",
            districts=[SSO],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en", "cs"],
            text="Willkommensstelle des Landkreises, seit 2023.",
        ),
        _a(
            "wc-zittau",
            "Welcome Center Zittau",
            "",
            "beratungsstelle",
            "Zittau",
            districts=[GR],
            topics=[INT],
            groups=[IF, U],
            langs=["de", "en", "pl", "cs"],
            text="Anlaufstelle im Landkreis Görlitz, seit 2024.",
        ),
        _a(
            "welcome-goerlitz",
            "Welcome Team Görlitz-Zgorzelec",
            "",
            "beratungsstelle",
            "Görlitz",
            districts=[GR],
            topics=[INT],
            groups=[IF],
            langs=["de", "pl", "en"],
            text="Grenzüberschreitendes Willkommensteam der Europastadt Görlitz-Zgorzelec.",
        ),
        _a(
            "wz-leipzig",
            "Willkommenszentrum Leipzig",
            "",
            "kommunalverwaltung",
            "Leipzig",
            districts=[L],
            topics=[INT],
            groups=[IF],
            langs=["de", "en", "ar", "ru", "uk"],
            text="Das Willkommenszentrum der Stadt Leipzig berät Zugewanderte "
            "zu Aufenthalt, Arbeit "
            "und Alltag.",
        ),
    ]
    for slug, (label, seat) in DISTRICT_NAMES.items():
        items.append(
            _a(
                f"fka-{slug}",
                f"Fachkräfteallianz {label}",
                "",
                "fachkraefteallianz",
                seat,
                districts=[slug],
                topics=[AUS, INT, GUT],
                groups=[U, NP],
                text=f"Regionale Fachkräfteallianz für {label}: bündelt Kammern, "
                "Arbeitsverwaltung, "
                "Wirtschaftsförderung und Bildungsträger, beantragt Projekte nach der "
                "Fachkräfterichtlinie.",
            )
        )
        items.append(
            _a(
                f"jobcenter-{slug}",
                f"Jobcenter {label}",
                "",
                "arbeitsverwaltung",
                seat,
                districts=[slug],
                topics=[AUS, INT],
                groups=[AS, U],
                langs=["de", "en", "ar", "uk"],
                text=f"Das Jobcenter für {label}: "
                "Grundsicherung, Vermittlung und Förderung von Arbeitsuchenden.",
            )
        )
    agencies = {
        "Annaberg-Buchholz": [ERZ],
        "Bautzen": [BZ, GR],
        "Chemnitz": [C],
        "Dresden": [DD],
        "Freiberg": [MS],
        "Leipzig": [L],
        "Oschatz": [NS, LL],
        "Pirna": [SSO],
        "Plauen": [V],
        "Riesa": [MEI],
        "Zwickau": [Z],
    }
    for town, districts in agencies.items():
        items.append(
            _a(
                f"aa-{town.lower()}",
                f"Agentur für Arbeit {town}",
                "",
                "arbeitsverwaltung",
                town,
                districts=districts,
                topics=[AUS, INT],
                groups=[U, AS, AZ],
                langs=["de", "en"],
                parent="ba-rd-sachsen",
                text="Berufsberatung, "
                "Arbeitsvermittlung und Arbeitgeber-Service; Förderung von Weiterbildung.",
            )
        )
    return items


def _cooperations() -> list[tuple[str, str, str]]:
    links = []
    members = [
        "smwa",
        "zefas",
        "ba-rd-sachsen",
        "ihk-chemnitz",
        "ihk-dresden",
        "ihk-leipzig",
        "hwk-chemnitz",
        "hwk-dresden",
        "hwk-leipzig",
        "arbeit-und-leben",
    ]
    links += [(member, "fka-sachsen", "network_membership") for member in members]
    links += [(f"fka-{slug}", "fka-sachsen", "network_membership") for slug in DISTRICT_NAMES]
    links += [
        ("wfe", "fka-erzgebirgskreis", "joint_project"),
        ("cwe", "fka-chemnitz", "joint_project"),
        ("sab", "fka-sachsen", "joint_project"),
        ("zefas", "iq-sachsen", "joint_project"),
        ("aufbauwerk-leipzig", "iq-leipzig", "joint_project"),
        ("ibas", "iq-sachsen", "network_membership"),
        ("wc-chemnitz", "ibas", "referral_partner"),
        ("wc-dresden", "ibas", "referral_partner"),
        ("wc-erzgebirge", "ibas", "referral_partner"),
        ("wz-leipzig", "ibas", "referral_partner"),
        ("wc-zwickau", "faire-integration", "referral_partner"),
        ("zefas", "faire-integration", "referral_partner"),
        ("zefas", "wfs", "joint_project"),
        ("jobcenter-leipzig", "aa-leipzig", "referral_partner"),
        ("jobcenter-chemnitz", "aa-chemnitz", "referral_partner"),
        ("jobcenter-dresden", "aa-dresden", "referral_partner"),
        ("iab", "ba-rd-sachsen", "joint_project"),
        ("bamf", "ibas", "referral_partner"),
    ]
    return links


DEMO_CONTACTS = [
    ("Petra Beispiel (Demo)", "Koordination"),
    ("Jonas Muster (Demo)", "Beratung"),
    ("Aylin Demir (Demo)", "Projektleitung"),
]


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    types = {item.slug: item for item in ActorType.objects.all()}
    regions = {item.slug: item for item in Region.objects.districts()}
    topics = {item.slug: item for item in TopicField.objects.all()}
    groups = {item.slug: item for item in TargetGroup.objects.all()}
    languages = {item.code: item for item in Language.objects.all()}
    created = updated = 0
    actors: dict[str, Actor] = {}
    specs = _actors()
    for spec in specs:
        external_id = f"demo-network-{spec['key']}"
        town = spec["town"]
        seat = next((r for r in regions.values() if r.seat == town), None)
        fields = {
            "short_name": spec["short_name"],
            "actor_type": types[spec["type"]],
            "statewide": spec["statewide"],
            "description": spec["text"],
            "town": town,
            "district": seat,
            "website": spec["website"],
            "is_demo": True,
            "is_published": True,
        }
        relations = {
            "districts": [regions[slug] for slug in spec["districts"]],
            "topic_fields": [topics[slug] for slug in spec["topics"]],
            "target_groups": [groups[slug] for slug in spec["groups"]],
            "languages": [languages[code] for code in spec["langs"]],
        }
        existing = Actor.objects.filter(external_id=external_id).first()
        if existing is None:
            actors[spec["key"]] = actor_create(
                user=None,
                name=spec["name"],
                slug=spec["key"],
                external_id=external_id,
                **fields,
                **relations,
            )
            created += 1
        else:
            actors[spec["key"]] = actor_update(
                actor=existing, user=None, name=spec["name"], **fields, **relations
            )
            updated += 1
    for spec in specs:
        if spec["parent"]:
            actor = actors[spec["key"]]
            if actor.parent_id != actors[spec["parent"]].pk:
                Actor.objects.filter(pk=actor.pk).update(parent=actors[spec["parent"]])
    for index, spec in enumerate(specs):
        if index % 3:
            continue
        actor = actors[spec["key"]]
        name, role = DEMO_CONTACTS[index % len(DEMO_CONTACTS)]
        local = spec["key"].replace("-", ".")
        Contact.objects.update_or_create(
            actor=actor,
            name=name,
            defaults={
                "role": role,
                "email": f"{local}@demo.lotse.example",
                "is_public": True,
                "is_demo": True,
                "phone": "0371 000000",
            },
        )
        Contact.objects.update_or_create(
            actor=actor,
            name="Interne Ansprechperson (Demo)",
            defaults={
                "role": "Interne Abstimmung",
                "is_public": False,
                "is_demo": True,
                "email": f"intern.{local}@demo.lotse.example",
            },
        )
    links = 0
    for source, target, kind in _cooperations():
        if not Cooperation.objects.filter(
            source=actors[source], target=actors[target], kind=kind
        ).exists():
            cooperation_create(
                user=None,
                source=actors[source],
                target=actors[target],
                kind=kind,
                start_date=date(2023, 1, 1),
            )
            links += 1
    lines = [
        f"Netzwerk: {created} Akteure angelegt, {updated} aktualisiert, {links} Kooperationen neu"
    ]
    partner = get_user_model().objects.filter(username="partner").first()
    if partner is not None:
        membership_add(user=None, member=partner, actor=actors["iq-sachsen"])
        lines.append("Netzwerk: Demo-Konto „partner“ pflegt IQ Netzwerk Sachsen")
    if stdout is not None:
        for line in lines:
            stdout.write(line + "\n")
    return lines
