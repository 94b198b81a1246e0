"""Demo data of the network: invented contacts of the real actors, the demo partner's membership.

The actors and their cooperations are initial content (lotse/network/data/<state>/, loaded by
`load_initial_content`). Contacts are invented, named "(Demo)" and use @demo.lotse.example
addresses: every third actor of actors.csv gets a public and an internal contact. The demo
account "partner" becomes a member of IQ Netzwerk Sachsen. Idempotent.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from lotse.core.initial import data_dir, read_csv
from lotse.network import initial as network_initial
from lotse.network.initial import actor_external_id
from lotse.network.models import Actor, Contact
from lotse.network.services import membership_add

DEMO_STATE = "sn"

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

DEMO_CONTACTS = [
    ("Petra Beispiel (Demo)", "Koordination"),
    ("Jonas Muster (Demo)", "Beratung"),
    ("Aylin Demir (Demo)", "Projektleitung"),
]
PARTNER_ACTOR = "iq-sachsen"


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    rows = read_csv(data_dir(network_initial.APP_DIR, DEMO_STATE) / "actors.csv")
    keys = [row["key"] for row in rows]
    actors = {
        actor.external_id: actor
        for actor in Actor.objects.filter(
            external_id__in=[actor_external_id(DEMO_STATE, key) for key in keys]
        )
    }
    contacts = 0
    for index, key in enumerate(keys):
        actor = actors.get(actor_external_id(DEMO_STATE, key))
        if index % 3 or actor is None:
            continue
        name, role = DEMO_CONTACTS[index % len(DEMO_CONTACTS)]
        local = key.replace("-", ".")
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
        contacts += 2
    lines = [f"Netzwerk: {contacts} Demo-Ansprechpersonen bei {len(actors)} Akteuren"]
    partner = get_user_model().objects.filter(username="partner").first()
    iq = actors.get(actor_external_id(DEMO_STATE, PARTNER_ACTOR))
    if partner is not None and iq is not None:
        membership_add(user=None, member=partner, actor=iq)
        lines.append("Netzwerk: Demo-Konto „partner“ pflegt IQ Netzwerk Sachsen")
    if stdout is not None:
        for line in lines:
            stdout.write(line + "\n")
    return lines
