"""Demo offers: about 120 invented but plausible support offers of the network's actors.

Offers are attached to the real actors of the initial content (lotse/network/data/sn, slug
<key>). If that loader has not run or created fewer actors, offers fall back to actors of the
right actor type, then to any actor; without actors nothing is created. Idempotent: keyed by
`external_id` ("demo-offer-…"); a second run leaves existing offers alone.

Most offers are published and confirmed; some are drafts in the review workflow (submitted by
the demo partner where the partner is a member), some have an expired yearly confirmation (13
months ago: not public) and some are due for re-confirmation within 30 days.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from lotse.core.models import Language, TargetGroup, TopicField
from lotse.network.models import Actor
from lotse.offers.models import Offer
from lotse.offers.search import offer_search_document

from .network import AGS, AS, AUS, AZ, GUT, IF, INT, NP, TV, B, U  # topic/group slugs

K = Offer.Kind
C = Offer.Cost


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    summary: str
    kind: str
    topics: tuple[str, ...]
    groups: tuple[str, ...]
    providers: tuple[str, ...]  # actor keys; a trailing "*" matches a prefix
    fallback_type: str  # actor type slug if no provider exists
    cost: str = C.FREE
    cost_note: str = ""
    eligibility: str = ""
    statewide: bool = False
    online: bool = False
    langs: tuple[str, ...] = ("de",)
    sizes: tuple[bool, bool, bool, bool] = (True, True, True, True)
    description: str = ""
    thin: bool = False  # only every second matching provider
    extra: dict = field(default_factory=dict)


SPECS = (
    # Integration und Fachkräfteeinwanderung
    Spec(
        "anerkennung",
        "Anerkennungsberatung für ausländische Berufsabschlüsse",
        "Wir klären, welche Stelle für Ihren Abschluss zuständig ist, welche Unterlagen Sie "
        "brauchen und wie das Verfahren abläuft.",
        K.ADVICE,
        (INT,),
        (IF, AS),
        ("iq-*",),
        "beratungsstelle",
        langs=("de", "en", "ar", "ru", "uk"),
        online=True,
        eligibility="Personen mit einem im Ausland erworbenen Berufs- oder Studienabschluss.",
    ),
    Spec(
        "anpassung",
        "Anpassungsqualifizierung nach dem Anerkennungsgesetz",
        "Kurse und Praxisphasen, die wesentliche Unterschiede zum deutschen Referenzberuf "
        "ausgleichen – bis zur vollen Anerkennung.",
        K.COURSE,
        (INT, AUS),
        (IF,),
        ("iq-*", "aufbauwerk-leipzig"),
        "bildungseinrichtung",
        cost=C.FUNDED,
        cost_note="Förderung über das Förderprogramm IQ oder den Anerkennungszuschuss möglich.",
        langs=("de", "en"),
    ),
    Spec(
        "ikk",
        "Interkulturelle Öffnung für Unternehmen (Workshop)",
        "Halbtägiger Workshop für Führungskräfte und Ausbildende: Onboarding internationaler "
        "Beschäftigter, Kommunikation im Team, Umgang mit Missverständnissen.",
        K.COURSE,
        (INT, GUT),
        (U,),
        ("iq-sachsen", "weltoffenes-sachsen"),
        "verein-verband",
        online=True,
        sizes=(True, True, True, False),
    ),
    Spec(
        "welcome",
        "Welcome-Center-Beratung für internationale Fachkräfte",
        "Persönliche Beratung zu Aufenthalt, Wohnungssuche, Kita und Schule, Sprachkursen "
        "und Arbeitsmarkt – vor und nach dem Zuzug.",
        K.ADVICE,
        (INT,),
        (IF, B),
        ("wc-*", "welcome-goerlitz", "wz-leipzig"),
        "beratungsstelle",
        langs=("de", "en", "ar", "ru", "uk", "pl"),
        online=True,
    ),
    Spec(
        "welcome-ag",
        "Unternehmensberatung: internationale Fachkräfte einstellen",
        "Wir begleiten Betriebe vom Visumsverfahren (beschleunigtes Fachkräfteverfahren) bis "
        "zur Integration im Betrieb und in der Region.",
        K.ADVICE,
        (INT,),
        (U,),
        ("wc-*", "welcome-goerlitz", "wz-leipzig"),
        "beratungsstelle",
        sizes=(True, True, True, False),
    ),
    Spec(
        "welcome-tag",
        "Willkommenstreffen für Neuzugewanderte",
        "Monatliches Treffen mit Kurzvorträgen von Ausländerbehörde, Jobcenter und Vereinen "
        "und Zeit zum Kennenlernen.",
        K.SERIES,
        (INT,),
        (IF,),
        ("wc-*", "welcome-goerlitz", "wz-leipzig"),
        "kommunalverwaltung",
        langs=("de", "en"),
    ),
    Spec(
        "faire-int",
        "Faire Integration: Beratung zu Arbeits- und Sozialrecht",
        "Vertrauliche Beratung für Geflüchtete und Drittstaatsangehörige zu Lohn, "
        "Arbeitszeit, Kündigung und Krankenversicherung.",
        K.ADVICE,
        (INT, GUT),
        (IF, B),
        ("faire-integration", "ibas"),
        "beratungsstelle",
        statewide=True,
        online=True,
        langs=("de", "en", "ar", "fa", "ru", "uk"),
    ),
    Spec(
        "mobile",
        "Beratung für mobile Beschäftigte aus der EU",
        "Hilfe bei offenen Löhnen, Unterkunft und Entsendung – auf Polnisch, Tschechisch, "
        "Rumänisch und Bulgarisch.",
        K.ADVICE,
        (GUT,),
        (B, IF),
        ("arbeit-und-leben", "ibas"),
        "bildungseinrichtung",
        statewide=True,
        langs=("de", "pl", "cs", "ro", "bg"),
    ),
    Spec(
        "sprachkurs",
        "Berufssprachkurse (DeuFöV) – Fachsprache im Beruf",
        "Kurse von B1 bis C1, auch mit fachlichem Schwerpunkt Pflege, Handwerk oder Technik.",
        K.COURSE,
        (INT, AUS),
        (IF, B, AS),
        ("bamf", "aufbauwerk-leipzig"),
        "bundesbehoerde",
        statewide=True,
        online=True,
        cost=C.FREE,
        cost_note="Für Beschäftigte mit hohem Einkommen Kostenbeitrag möglich.",
    ),
    Spec(
        "zav",
        "Rekrutierung von Fachkräften im Ausland (ZAV)",
        "Die Zentrale Auslands- und Fachvermittlung unterstützt Arbeitgeber bei der Suche nach "
        "Fachkräften in Partnerländern, etwa in Pflege und Handwerk.",
        K.SERVICE,
        (INT,),
        (U,),
        ("ba-rd-sachsen",),
        "arbeitsverwaltung",
        statewide=True,
        online=True,
    ),
    # Aus- und Weiterbildung
    Spec(
        "ag-service",
        "Arbeitgeber-Service: Stellenbesetzung und Förderung",
        "Ihre Ansprechpersonen für Stellenbesetzung, Eingliederungszuschüsse und die "
        "Förderung der Weiterbildung Beschäftigter.",
        K.SERVICE,
        (AUS,),
        (U,),
        ("aa-*",),
        "arbeitsverwaltung",
    ),
    Spec(
        "qcg",
        "Weiterbildungsförderung Beschäftigter (Qualifizierungschancengesetz)",
        "Zuschüsse zu Lehrgangskosten und Arbeitsentgelt, wenn Beschäftigte sich für den "
        "Strukturwandel weiterbilden.",
        K.FUNDING,
        (AUS,),
        (U, B),
        ("aa-*",),
        "arbeitsverwaltung",
        cost=C.FUNDED,
        cost_note="Zuschuss je nach Betriebsgröße bis zu 100 % der Lehrgangskosten.",
    ),
    Spec(
        "ezb",
        "Eingliederungszuschuss für Arbeitgeber",
        "Zuschuss zum Arbeitsentgelt, wenn Sie Menschen einstellen, die eine längere "
        "Einarbeitung brauchen.",
        K.FUNDING,
        (AUS,),
        (U, AS),
        ("jobcenter-*",),
        "arbeitsverwaltung",
        cost=C.FUNDED,
    ),
    Spec(
        "ausbildungsberatung",
        "Ausbildungsberatung für Betriebe",
        "Von der Eignung als Ausbildungsbetrieb über den Ausbildungsvertrag bis zur Prüfung.",
        K.ADVICE,
        (AUS,),
        (U, AZ),
        ("ihk-*", "hwk-*"),
        "kammer",
    ),
    Spec(
        "tq",
        "Teilqualifizierung – in Modulen zum Berufsabschluss",
        "Zertifizierte Teilqualifikationen für An- und Ungelernte, berufsbegleitend; nach "
        "allen Modulen Externenprüfung.",
        K.COURSE,
        (AUS,),
        (B, AS),
        ("ihk-*", "hwk-*"),
        "kammer",
        cost=C.FUNDED,
        cost_note="Förderung über die Agentur für Arbeit möglich.",
    ),
    Spec(
        "verbund",
        "Verbundausbildung: gemeinsam ausbilden",
        "Betriebe, die nicht alle Inhalte vermitteln können, bilden gemeinsam mit Partnern "
        "aus; wir vermitteln Partner und beraten zur Förderung.",
        K.ADVICE,
        (AUS,),
        (U, AZ),
        ("hwk-*", "ihk-*"),
        "kammer",
        sizes=(True, True, False, False),
    ),
    Spec(
        "passgenau",
        "Passgenaue Besetzung von Ausbildungsplätzen",
        "Wir stellen kleinen und mittleren Betrieben vorausgewählte Bewerberinnen und "
        "Bewerber vor – auch mit Fluchtgeschichte.",
        K.SERVICE,
        (AUS, INT),
        (U, AZ),
        ("hwk-*", "ihk-*"),
        "kammer",
        sizes=(True, True, True, False),
    ),
    Spec(
        "fosa",
        "Anerkennung ausländischer Abschlüsse in Kammerberufen",
        "Prüfung der Gleichwertigkeit ausländischer Abschlüsse in Industrie-, Handels- und "
        "Handwerksberufen.",
        K.SERVICE,
        (INT,),
        (IF,),
        ("hwk-*", "ihk-*"),
        "kammer",
        cost=C.PAID,
        cost_note="Gebühr je nach Aufwand 100 bis 600 Euro.",
        thin=True,
    ),
    Spec(
        "wbs-ind",
        "Weiterbildungsscheck – individuelle berufliche Weiterbildung",
        "Zuschuss für Beschäftigte, die sich auf eigene Initiative beruflich weiterbilden.",
        K.FUNDING,
        (AUS,),
        (B,),
        ("sab",),
        "landesbehoerde",
        statewide=True,
        online=True,
        cost=C.FUNDED,
        cost_note="Zuschuss bis zu 80 % der Kosten (ESF Plus).",
    ),
    Spec(
        "wbs-betr",
        "Weiterbildungsscheck – betriebliche Weiterbildung",
        "Förderung der Weiterbildung Ihrer Beschäftigten in kleinen und mittleren Unternehmen.",
        K.FUNDING,
        (AUS,),
        (U,),
        ("sab",),
        "landesbehoerde",
        statewide=True,
        online=True,
        cost=C.FUNDED,
        sizes=(True, True, True, False),
    ),
    Spec(
        "fkrl",
        "Fachkräfterichtlinie: Förderung regionaler Fachkräfteprojekte",
        "Zuschüsse für Projekte, die Fachkräfte gewinnen, binden und qualifizieren – "
        "beantragt von Fachkräfteallianzen, Kammern und Vereinen.",
        K.FUNDING,
        (AUS, INT, GUT),
        (NP,),
        ("sab",),
        "landesbehoerde",
        statewide=True,
        online=True,
        cost=C.FUNDED,
        cost_note="Zuschuss bis zu 90 % der zuwendungsfähigen Ausgaben.",
    ),
    Spec(
        "fka-projekt",
        "Regionale Fachkräfteprojekte der Fachkräfteallianz",
        "Ideen für Projekte in der Region einreichen: die Allianz berät, priorisiert und "
        "empfiehlt sie zur Förderung nach der Fachkräfterichtlinie.",
        K.NETWORK,
        (AUS, INT),
        (NP, U),
        ("fka-*",),
        "fachkraefteallianz",
        thin=True,
    ),
    Spec(
        "coaching",
        "Ganzheitliches Coaching für Langzeitarbeitslose",
        "Beschäftigungsbegleitendes Coaching nach § 16e/§ 16i SGB II, auch im ersten Jahr "
        "der neuen Stelle.",
        K.SERVICE,
        (AUS,),
        (AS, U),
        ("jobcenter-*",),
        "arbeitsverwaltung",
        thin=True,
    ),
    # Gute Arbeit, Arbeitsschutz, Tarif
    Spec(
        "tarifauskunft",
        "Tarifauskunft aus dem Tarifregister Sachsen",
        "Welche Tarifverträge gelten in Ihrer Branche und Region? Wir geben Auskunft aus dem "
        "Tarifregister – auch zu Mindestlöhnen und Ausbildungsvergütungen.",
        K.SERVICE,
        (TV,),
        (U, B),
        ("zefas",),
        "landesbehoerde",
        statewide=True,
        online=True,
    ),
    Spec(
        "gute-arbeit",
        "Beratung zu Guter Arbeit im Betrieb",
        "Arbeitszeit, Entlohnung, Mitbestimmung und Vereinbarkeit: Impulsberatung für "
        "Betriebe, die attraktiver für Fachkräfte werden wollen.",
        K.ADVICE,
        (GUT,),
        (U,),
        ("zefas", "arbeit-und-leben"),
        "landesbehoerde",
        statewide=True,
        sizes=(True, True, True, False),
    ),
    Spec(
        "arbeitsschutz",
        "Arbeitsschutz-Beratung für kleine Betriebe",
        "Gefährdungsbeurteilung, psychische Belastung, Hitze am Arbeitsplatz: "
        "praxisnahe Beratung vor Ort.",
        K.ADVICE,
        (AGS,),
        (U,),
        ("hwk-*", "zefas"),
        "kammer",
        sizes=(True, True, False, False),
        thin=True,
    ),
    Spec(
        "bgm",
        "Betriebliches Gesundheitsmanagement – Einstieg für KMU",
        "In drei Terminen zu einem eigenen Gesundheitsprogramm: Analyse, Maßnahmen, "
        "Fördermöglichkeiten der Krankenkassen.",
        K.COURSE,
        (AGS, GUT),
        (U, B),
        ("ihk-*",),
        "kammer",
        cost=C.PAID,
        cost_note="120 Euro je Teilnehmenden.",
        online=True,
    ),
    Spec(
        "fachkraefte-service",
        "Unternehmensservice Fachkräftegewinnung",
        "Wir vernetzen Sie mit Hochschulen, Schulen und Welcome Centern und stellen "
        "Ihren Betrieb auf Jobmessen vor.",
        K.SERVICE,
        (AUS, INT),
        (U,),
        ("wfs", "cwe", "wfe"),
        "wirtschaftsfoerderung",
    ),
    Spec(
        "jobmesse",
        "Regionale Jobmesse mit Rückkehrer-Tag",
        "Jährliche Messe für Fachkräfte, Pendler und Rückkehrende mit über 80 "
        "ausstellenden Betrieben.",
        K.SERIES,
        (AUS,),
        (B, AS, U),
        ("cwe", "wfe", "wfs"),
        "wirtschaftsfoerderung",
    ),
)

DEMO_PARTNER = "partner"


def _providers(spec: Spec, actors: list[Actor]) -> list[Actor]:
    found = []
    for pattern in spec.providers:
        if pattern.endswith("*"):
            found += [a for a in actors if a.slug.startswith(pattern[:-1])]
        else:
            found += [a for a in actors if a.slug == pattern]
    if not found:
        found = [a for a in actors if a.actor_type.slug == spec.fallback_type][:2]
    if not found and actors:
        found = [actors[sum(map(ord, spec.key)) % len(actors)]]
    return found[::2] if spec.thin else found


def _status(index: int) -> str:
    if index % 19 == 3:
        return "submitted"
    if index % 23 == 11:
        return "draft"
    if index % 17 == 5:
        return "expired"
    if index % 13 == 7:
        return "due"
    if index % 29 == 13:
        return "pending_change"
    return "published"


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    actors = list(
        Actor.objects.select_related("actor_type")
        .prefetch_related("districts", "memberships__user")
        .order_by("slug")
    )
    if not actors:
        return ["Angebote: keine Akteure vorhanden – keine Demo-Angebote angelegt"]
    topics = {t.slug: t for t in TopicField.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    languages = {lang.code: lang for lang in Language.objects.all()}
    partner = get_user_model().objects.filter(username=DEMO_PARTNER).first()
    now = timezone.now()
    counts: dict[str, int] = {}
    created = existing = 0
    index = 0
    for spec in SPECS:
        for actor in _providers(spec, actors):
            index += 1
            external_id = f"demo-offer-{spec.key}-{actor.slug}"[:64]
            if Offer.objects.filter(external_id=external_id).exists():
                existing += 1
                continue
            status = _status(index)
            if partner is not None and actor.slug == "iq-sachsen":
                status = {"ikk": "submitted", "anerkennung": "pending_change"}.get(spec.key, status)
            # The reference index ("usage") is written once per offer instead of on every save.
            with disable_reference_index_auto_update():
                offer = _create(
                    spec, actor, external_id, status, index, now, topics, groups, languages, partner
                )
            ReferenceIndex.create_or_update_for_object(offer)
            counts[status] = counts.get(status, 0) + 1
            created += 1
    lines = [
        f"Angebote: {created} Demo-Angebote angelegt, {existing} bereits vorhanden"
        + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ")" if counts else "")
    ]
    if stdout is not None:
        for line in lines:
            stdout.write(line + "\n")
    return lines


def _create(spec, actor, external_id, status, index, now, topics, groups, languages, partner):
    statewide = spec.statewide or actor.statewide
    title = spec.title
    offer = Offer(
        external_id=external_id,
        title=title,
        slug=slugify(f"{title}-{actor.slug}")[:200],
        summary=spec.summary,
        description=spec.description
        or f"{spec.summary}\n\nAnbieter: {actor.name}. Bitte vereinbaren Sie einen Termin.",
        actor=actor,
        kind=spec.kind,
        statewide=statewide,
        online=spec.online,
        cost=spec.cost,
        cost_note=spec.cost_note,
        eligibility=spec.eligibility,
        for_micro=spec.sizes[0],
        for_small=spec.sizes[1],
        for_medium=spec.sizes[2],
        for_large=spec.sizes[3],
        link=actor.website,
        contact=actor.contacts.filter(is_public=True).first(),
        valid_until=(now + timedelta(days=400 + index % 300)).date() if index % 5 == 0 else None,
        is_demo=True,
        live=False,
    )
    offer.save()
    offer.topic_fields.set([topics[s] for s in spec.topics if s in topics])
    offer.target_groups.set([groups[s] for s in spec.groups if s in groups])
    offer.languages.set([languages[c] for c in spec.langs if c in languages])
    if not statewide:
        offer.districts.set(list(actor.districts.all()))
    offer.save()

    is_member = partner is not None and any(
        m.user_id == partner.pk for m in actor.memberships.all()
    )
    submitter = partner if is_member else None
    if status in ("draft", "submitted"):
        offer.save_revision(user=submitter)
        if status == "submitted":
            workflow = offer.get_workflow()
            if workflow is not None:
                workflow.start(offer, submitter)
        _refresh(offer)
        return offer

    offer.save_revision(user=None).publish(user=None)
    days = {"expired": 395, "due": 350 - index % 20}.get(status, 10 + (index * 37) % 300)
    confirmed = now - timedelta(days=days)
    Offer.objects.filter(pk=offer.pk).update(
        confirmed_at=confirmed,
        first_published_at=confirmed,
        last_published_at=confirmed,
        reminder_sent_at=confirmed + timedelta(days=335) if status == "expired" else None,
    )
    if status == "pending_change":
        offer.refresh_from_db()
        offer.summary = spec.summary + " Neu: Termine auch am Samstag."
        offer.save_revision(user=submitter)
        workflow = offer.get_workflow()
        if workflow is not None:
            workflow.start(offer, submitter)
    _refresh(offer)
    return offer


def _refresh(offer: Offer) -> None:
    row = Offer.objects.select_related("actor").get(pk=offer.pk)
    Offer.objects.filter(pk=offer.pk).update(search_document=offer_search_document(row))
