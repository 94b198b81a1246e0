"""Editorial texts of the portal's first pages, in German and English.

Written for Lotse. The legal pages describe this product; an operator replaces names, addresses,
e-mail addresses and telephone numbers marked "Demo" before going live. Figures carry their source
in the text; the reference facts behind them are kept in the project's shared facts notes.

The texts are written over several source lines; the helpers join them into one line of HTML.
"""

P = "paragraph"
H = "heading"

Block = tuple[str, object]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _rich(parts: tuple[str, ...]) -> str:
    """Each part becomes one paragraph, unless it is already a block element (a list)."""
    return "".join(
        _squash(part) if part.lstrip().startswith("<") else f"<p>{_squash(part)}</p>"
        for part in parts
    )


def h(text: str, level: str = "h2", anchor: str = "") -> Block:
    return (H, {"text": text, "level": level, "anchor": anchor})


def h3(text: str, anchor: str = "") -> Block:
    return h(text, "h3", anchor)


def p(*parts: str) -> Block:
    """One rich-text block of one or more paragraphs (and lists made with `ul`)."""
    return (P, _rich(parts))


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{_squash(item)}</li>" for item in items) + "</ul>"


def callout(title: str, *parts: str, kind: str = "info") -> Block:
    return ("callout", {"kind": kind, "title": title, "text": _rich(parts)})


def links(heading: str, *items: tuple[str, str]) -> Block:
    return (
        "links",
        {
            "heading": heading,
            "links": [{"title": title, "page": None, "url": url} for title, url in items],
        },
    )


def a(href: str, text: str) -> str:
    return f'<a href="{href}">{text}</a>'


def mail(address: str) -> str:
    return a(f"mailto:{address}", address)


HOME = {
    "de": {
        "title": "Fachkräfte sichern. Gemeinsam in Sachsen.",
        "intro": (
            "<p>Lotse ist das Portal des Fachkräftezentrums: Hier finden Unternehmen, "
            "Beschäftigte und internationale Fachkräfte die passenden Ansprechpartner, Angebote "
            "und Informationen – neutral, kostenfrei und aus einer Hand.</p>"
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

DEMO_NOTE_DE = (
    "Dies ist ein Demonstrationssystem. Anschriften, Telefonnummern, E-Mail-Adressen und Namen "
    "mit dem Zusatz „Demo“ sind Platzhalter; der Betreiber ersetzt sie vor dem Start."
)
DEMO_NOTE_EN = (
    "This is a demonstration system. Addresses, telephone numbers, e-mail addresses and names "
    "marked “demo” are placeholders; the operator replaces them before going live."
)

STANDARD_PAGES: dict[str, dict] = {
    "netzwerk": {
        "title": {"de": "Netzwerk", "en": "Network"},
        "intro": {
            "de": (
                "Wer macht was wo? Das Verzeichnis der Akteure der Fachkräftesicherung in Sachsen."
            ),
            "en": (
                "Who does what, where? The directory of the actors securing skilled labour "
                "in Saxony."
            ),
        },
        "body": {
            "de": [
                p(
                    """In Sachsen arbeiten viele Stellen daran, dass Unternehmen die Fachkräfte
                    finden, die sie brauchen, und dass Beschäftigte gute Arbeit haben: die
                    Regionaldirektion Sachsen der Bundesagentur für Arbeit mit elf Agenturen für
                    Arbeit, die 13 Jobcenter, die Industrie- und Handelskammern und die
                    Handwerkskammern in Chemnitz, Dresden und Leipzig, Wirtschaftsförderungen,
                    Welcome Center, Bildungsträger, Vereine, Gewerkschaften, Arbeitgeberverbände
                    sowie Landes- und Bundesbehörden. Wer Rat sucht, erkennt oft nicht auf den
                    ersten Blick, wer für das eigene Anliegen und den eigenen Landkreis zuständig
                    ist.""",
                    """Das Netzwerkverzeichnis macht diese Landschaft sichtbar. Zu jedem Akteur
                    zeigt es, wofür er steht, in welchen Landkreisen und kreisfreien Städten er
                    tätig ist, zu welchen Themenfeldern er arbeitet und wen Sie dort ansprechen
                    können. Die Fachkräfteallianz Sachsen und die regionalen Fachkräfteallianzen
                    der Landkreise und kreisfreien Städte gehören ebenso dazu wie die
                    Beratungsstellen des IQ Netzwerks Sachsen zur Anerkennung ausländischer
                    Abschlüsse.""",
                    """Die Partner pflegen ihre Angaben selbst; das Zentrum prüft sie, bevor sie
                    erscheinen. Die Aufnahme in das Verzeichnis ist keine Bewertung und keine
                    Empfehlung: Das Zentrum arbeitet neutral und stellt alle Partner nach
                    denselben Regeln dar. Namen und Kontaktdaten von Ansprechpersonen werden nur
                    veröffentlicht, wenn die Person damit einverstanden ist.""",
                    f"""Ihre Organisation arbeitet in der Fachkräftesicherung in Sachsen und fehlt
                    hier noch? Schreiben Sie an {mail("netzwerk@lotse.example")}
                    (Demo-Adresse).""",
                ),
            ],
            "en": [
                p(
                    """Many organisations in Saxony work to make sure that companies find the
                    skilled workers they need and that employees have good jobs: the Saxony
                    regional directorate of the Federal Employment Agency with eleven local
                    employment agencies, the 13 job centres, the chambers of industry and
                    commerce and the chambers of crafts in Chemnitz, Dresden and Leipzig,
                    economic development agencies, welcome centres, education providers,
                    associations, trade unions, employers' associations and state and federal
                    authorities. If you are looking for advice, it is often hard to tell at
                    first sight who is responsible for your question and your district.""",
                    """The network directory makes this landscape visible. For every actor it
                    shows what they do, in which districts and cities they work, which topic
                    fields they cover and whom you can contact there. It includes the Saxon
                    skilled-labour alliance (Fachkräfteallianz Sachsen) and the regional
                    alliances of the districts and cities as well as the advice centres of the
                    IQ Network Saxony on the recognition of foreign qualifications.""",
                    """Partners maintain their own entries; the centre checks them before they
                    appear. Being listed is neither a rating nor a recommendation: the centre is
                    neutral and presents all partners by the same rules. Names and contact
                    details of contact persons are only published with that person's
                    consent.""",
                    f"""Your organisation works on securing skilled labour in Saxony and is not
                    listed yet? Write to {mail("netzwerk@lotse.example")} (demo address).""",
                ),
            ],
        },
    },
    "angebote": {
        "title": {"de": "Angebote", "en": "Offers"},
        "intro": {
            "de": (
                "Beratung, Förderprogramme und Weiterbildung der Netzwerkpartner – geprüft "
                "und aktuell."
            ),
            "en": (
                "Advice, funding programmes and training from the network partners – checked "
                "and current."
            ),
        },
        "body": {
            "de": [
                p(
                    """Im Netzwerk gibt es viel Unterstützung: Beratung zur Gewinnung und Bindung
                    von Fachkräften, Förderprogramme für Unternehmen und Beschäftigte,
                    Weiterbildung und berufsbezogene Sprachkurse, Begleitung bei der Anerkennung
                    ausländischer Abschlüsse, Hilfe beim Ankommen in der Region und vieles mehr.
                    Der Angebotskatalog führt diese Angebote an einer Stelle zusammen – geordnet
                    nach den fünf Themenfeldern des Zentrums, nach Zielgruppen und nach
                    Regionen.""",
                    """Jedes Angebot stammt von einem Partner im Netzwerk, der es selbst
                    beschreibt und verantwortet. Bevor es erscheint, prüft die Redaktion des
                    Zentrums, ob die Beschreibung verständlich, vollständig und sachlich ist und
                    ob Zielgruppe, Region und Kosten angegeben sind. Einmal im Jahr bestätigt der
                    Anbieter, dass es das Angebot noch gibt; bleibt die Bestätigung aus, wird es
                    nicht mehr angezeigt. So bleibt der Katalog aktuell.""",
                    f"""Die Reihenfolge der Angebote ist keine Rangfolge. Ob ein Angebot zu Ihnen
                    passt, klären Sie am besten direkt mit dem Anbieter. Wenn Sie unsicher sind,
                    hilft Ihnen der Lotsendienst des Zentrums, unter mehreren Möglichkeiten die
                    richtige zu finden ({a("/kontakt/", "Kontakt")}).""",
                    """Sie sind Netzwerkpartner und möchten ein Angebot eintragen? Partner
                    erhalten einen Zugang zum Verwaltungsbereich von Lotse und legen ihre
                    Angebote dort selbst an und reichen sie zur Prüfung ein.""",
                ),
            ],
            "en": [
                p(
                    """The network offers a lot of support: advice on recruiting and retaining
                    skilled workers, funding programmes for companies and employees, further
                    training and job-related language courses, help with the recognition of
                    foreign qualifications, help with settling in the region and much more. The
                    offer catalogue brings these offers together in one place – ordered by the
                    centre's five topic fields, by target group and by region.""",
                    """Every offer comes from a partner in the network who describes it and is
                    responsible for it. Before it appears, the centre's editorial team checks
                    that the description is clear, complete and factual and that target group,
                    region and costs are stated. Once a year the provider confirms that the
                    offer still exists; without that confirmation it is no longer shown. This
                    keeps the catalogue current.""",
                    f"""The order of the offers is not a ranking. Whether an offer suits you is
                    best clarified with the provider directly. If you are unsure, the centre's
                    desk (Lotsendienst) helps you find the right one among several options
                    ({a("/en/kontakt/", "contact")}).""",
                    """You are a network partner and want to add an offer? Partners get access
                    to the Lotse back office, where they create their offers themselves and
                    submit them for review.""",
                ),
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
                    """Das Zentrum lädt regelmäßig ein: zu Netzwerktreffen, bei denen sich die
                    Partner einer Region kennenlernen und ihre Arbeit abstimmen, zu Fachforen zu
                    den fünf Themenfeldern und zu Workshops für Unternehmen, etwa zur Einarbeitung
                    internationaler Fachkräfte oder zu Fragen der Tarifbindung. Auch
                    Veranstaltungen der Netzwerkpartner werden hier angekündigt.""",
                    """Manche Foren finden dezentral statt: am selben Tag an mehreren Orten in
                    Sachsen, zum Beispiel in Görlitz, Riesa, Chemnitz und Zwickau. Ein
                    gemeinsamer Programmteil wird per Livestream an alle Standorte übertragen,
                    dazu kommen regionale Programmpunkte vor Ort. So bleiben die Wege kurz, und
                    trotzdem sprechen alle miteinander. Wer nicht reisen kann, nimmt online
                    teil.""",
                    """Die Veranstaltungen des Zentrums sind in der Regel kostenfrei. Für die
                    meisten Termine melden Sie sich vorher an. Ist ein Standort ausgebucht, können
                    Sie sich auf die Warteliste setzen lassen und rücken nach, sobald ein Platz
                    frei wird. Bei der Anmeldung können Sie angeben, was Sie für eine
                    barrierefreie Teilnahme brauchen, zum Beispiel eine
                    Gebärdensprachdolmetschung oder einen stufenlosen Zugang.""",
                    f"""Ihre Anmeldedaten nutzen wir nur für die Organisation der Veranstaltung
                    und löschen sie in der Regel 90 Tage nach dem Termin. Einzelheiten stehen in
                    der {a("/datenschutz/", "Datenschutzerklärung")}.""",
                ),
            ],
            "en": [
                p(
                    """The centre regularly invites you to network meetings, where the partners
                    of a region get to know each other and coordinate their work, to forums on
                    the five topic fields and to workshops for companies, for example on
                    onboarding international skilled workers or on collective bargaining
                    coverage. Events of the network partners are announced here as well.""",
                    """Some forums are decentralised: they take place on the same day at several
                    places in Saxony, for example in Görlitz, Riesa, Chemnitz and Zwickau. A
                    shared part of the programme is streamed live to all sites, with regional
                    sessions on site. Journeys stay short, and everyone still talks to each
                    other. If you cannot travel, you can take part online.""",
                    """The centre's events are usually free of charge. For most of them you
                    register in advance. If a site is fully booked, you can join the waiting
                    list and move up as soon as a place becomes free. When you register you can
                    tell us what you need to take part without barriers, for example sign
                    language interpreting or step-free access.""",
                    f"""We use your registration data only to organise the event and normally
                    delete it 90 days after the event. The details are in the
                    {a("/en/datenschutz/", "privacy notice")}.""",
                ),
            ],
        },
    },
    "tarifauskunft": {
        "title": {"de": "Tarifauskunft", "en": "Collective agreements"},
        "intro": {
            "de": (
                "Welche Tarifverträge und Mindestlöhne gelten in Sachsen? Auskunft aus dem "
                "Tarifregister."
            ),
            "en": (
                "Which collective agreements and minimum wages apply in Saxony? Information "
                "from the register."
            ),
        },
        "body": {
            "de": [
                p(
                    """Das Zentrum führt das Tarifregister des Freistaates Sachsen. Gewerkschaften,
                    Arbeitgeberverbände und Arbeitgeber, die Tarifverträge schließen, müssen
                    diese nach § 7 des Tarifvertragsgesetzes (TVG) innerhalb eines Monats dem
                    Bundesministerium für Arbeit und Soziales und den Ländern übersenden, für
                    deren Gebiet sie gelten. Das Register hält fest, welche Tarifverträge
                    bestehen, für welchen räumlichen, fachlichen und persönlichen
                    Geltungsbereich sie gelten und ob sie für allgemeinverbindlich erklärt
                    wurden.""",
                    """Die Tarifauskunft beantwortet Fragen wie diese: Gibt es für meine Branche
                    in Sachsen einen Tarifvertrag? Ist er allgemeinverbindlich, gilt er also auch
                    für Betriebe, die keinem Arbeitgeberverband angehören? Welcher
                    Branchenmindestlohn gilt, und seit wann? Die Auskunft steht Unternehmen,
                    Beschäftigten, Auszubildenden, Beratungsstellen und allen anderen
                    Interessierten offen und ist kostenfrei.""",
                    """Jede Auskunft nennt den Stand ihrer Daten, denn Tarifverträge und
                    Mindestlöhne ändern sich: Entscheidend ist immer der Tag, für den Sie fragen.
                    So beträgt der gesetzliche Mindestlohn seit dem 1. Januar 2026 13,90 Euro
                    brutto je Stunde; am 1. Januar 2027 steigt er auf 14,60 Euro (Quelle: Fünfte
                    Mindestlohnanpassungsverordnung, Kabinettsbeschluss vom 29.10.2025).""",
                ),
                callout(
                    "Was die Tarifauskunft nicht leistet",
                    """Das Tarifregister gibt keine vollständigen Vertragstexte heraus und
                    erteilt keine Auskunft über Firmen- oder Haustarifverträge einzelner
                    Unternehmen. Ob ein Tarifvertrag für Ihr Arbeitsverhältnis gilt und welche
                    Ansprüche Sie daraus haben, ist eine Frage der Rechtsberatung im Einzelfall;
                    sie gehört nicht zu den Aufgaben des Registers. Dabei helfen Gewerkschaften,
                    Arbeitgeberverbände, Rechtsanwältinnen und Rechtsanwälte sowie
                    Beratungsstellen.""",
                ),
                p(
                    f"""Ihre Tarifanfrage können Sie per E-Mail an
                    {mail("tarifregister@lotse.example")} (Demo-Adresse) richten. Nennen Sie
                    bitte die Branche oder Tätigkeit, den Ort des Betriebs und den Tag, für den
                    Sie die Auskunft brauchen. Hintergründe zu Tarifverträgen,
                    Allgemeinverbindlichkeit und Mindestlöhnen finden Sie im Themenfeld
                    {a("/wissen/tarifvertraege/", "Tarifverträge")}.""",
                ),
            ],
            "en": [
                p(
                    """The centre keeps the register of collective agreements of the Free State
                    of Saxony. Under section 7 of the Collective Agreements Act (TVG), unions,
                    employers' associations and employers who conclude collective agreements must
                    send them within one month to the Federal Ministry of Labour and Social
                    Affairs and to the federal states whose territory they cover. The register
                    records which agreements exist, their territorial, sectoral and personal
                    scope, and whether they have been declared generally binding.""",
                    """The service answers questions like these: Is there a collective agreement
                    for my sector in Saxony? Is it generally binding, so that it also applies to
                    companies that are not members of an employers' association? Which sector
                    minimum wage applies, and since when? It is open to companies, employees,
                    trainees, advice centres and anyone else who is interested, and it is free of
                    charge.""",
                    """Every answer states the date of its data, because agreements and minimum
                    wages change: what counts is always the day you are asking about. For
                    example, the statutory minimum wage has been 13.90 euros gross per hour since
                    1 January 2026; on 1 January 2027 it rises to 14.60 euros (source: Fifth
                    Minimum Wage Adjustment Ordinance, cabinet decision of 29 October 2025).""",
                ),
                callout(
                    "What the service cannot do",
                    """The register does not hand out full texts of agreements and gives no
                    information on company agreements of individual employers. Whether an
                    agreement applies to your employment and what you are entitled to is a
                    matter of individual legal advice, which is not part of the register's
                    tasks. Trade unions, employers' associations, lawyers and advice centres can
                    help you with that.""",
                ),
                p(
                    f"""You can send your question by e-mail to
                    {mail("tarifregister@lotse.example")} (demo address). Please state the
                    sector or activity, the place of the business and the day for which you
                    need the information. Background on collective agreements, general
                    applicability and minimum wages is in the topic field
                    {a("/en/wissen/tarifvertraege/", "collective agreements")}.""",
                ),
            ],
        },
    },
    "kontakt": {
        "title": {"de": "Kontakt", "en": "Contact"},
        "intro": {
            "de": (
                "So erreichen Sie das Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen "
                "und seinen Lotsendienst."
            ),
            "en": (
                "How to reach the Centre for Securing Skilled Labour and Good Work in Saxony "
                "and its desk."
            ),
        },
        "body": {
            "de": [
                h("Wobei der Lotsendienst hilft"),
                p(
                    """Der Lotsendienst ist die erste Anlaufstelle des Zentrums. Er hilft Ihnen,
                    im Netzwerk der Fachkräftesicherung in Sachsen die Stelle zu finden, die Ihr
                    Anliegen am besten bearbeiten kann, und stellt auf Wunsch den Kontakt her.
                    Die Beratung ist neutral und kostenfrei. Wir helfen zum Beispiel bei diesen
                    Fragen:""",
                    ul(
                        """Ihr Unternehmen sucht Fachkräfte oder Auszubildende und möchte wissen,
                        welche Unterstützung es in Ihrer Region gibt.""",
                        """Sie möchten eine internationale Fachkraft einstellen und suchen die
                        zuständige Stelle für Anerkennung, Visum oder Ankommen.""",
                        """Sie planen eine Verbundausbildung, eine Teilqualifizierung oder eine
                        Weiterbildung für Ihre Beschäftigten.""",
                        """Sie möchten die Arbeitsbedingungen oder den Gesundheitsschutz in
                        Ihrem Betrieb verbessern und suchen Beratung.""",
                        """Sie sind Netzwerkpartner und möchten sich mit anderen Akteuren in
                        Ihrer Region abstimmen.""",
                    ),
                ),
                h("Fragen zu Tarifverträgen"),
                p(
                    f"""Ob für eine Branche in Sachsen ein Tarifvertrag oder ein
                    Branchenmindestlohn gilt, beantwortet die
                    {a("/tarifauskunft/", "Tarifauskunft")} aus dem Tarifregister. Schreiben Sie
                    an {mail("tarifregister@lotse.example")} oder rufen Sie an unter
                    0371 000000-20 (Demo). Eine Rechtsberatung im Einzelfall ist nicht
                    möglich.""",
                ),
                h("Anschrift und Besuch"),
                p(
                    """Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (Demo)<br/>09111 Chemnitz""",
                    """Bitte vereinbaren Sie für ein persönliches Gespräch vorab einen Termin,
                    damit sich die passende Kollegin oder der passende Kollege Zeit für Sie
                    nehmen kann. Das Gebäude ist stufenlos zugänglich; ein Aufzug und eine
                    barrierefreie Toilette sind vorhanden (Demo-Angabe).""",
                ),
                h("Telefon und E-Mail"),
                p(
                    f"""Telefon: 0371 000000-0 (Demo)<br/>
                    E-Mail: {mail("kontakt@lotse.example")} (Demo)<br/>
                    Presseanfragen: {mail("presse@lotse.example")} (Demo)""",
                ),
                h("Sprechzeiten"),
                p(
                    """Montag bis Donnerstag 9 bis 15 Uhr, Freitag 9 bis 12 Uhr (Demo-Angabe).
                    Termine außerhalb dieser Zeiten sind nach Absprache möglich. E-Mails
                    beantworten wir in der Regel innerhalb von drei Arbeitstagen.""",
                ),
                h("Barrierefrei Kontakt aufnehmen"),
                p(
                    f"""Wenn Sie gehörlos oder schwerhörig sind, finden Sie auf der Seite
                    {a("/gebaerdensprache/", "Gebärdensprache")} Wege, uns ohne Telefon zu
                    erreichen. Eine Erklärung von Lotse in einfachen Worten gibt es in
                    {a("/leichte-sprache/", "Leichter Sprache")}. Barrieren auf dieser Website
                    melden Sie bitte über das
                    {a("/barrierefreiheit/#feedback", "Feedback zur Barrierefreiheit")}.""",
                ),
                callout("Hinweis", DEMO_NOTE_DE),
            ],
            "en": [
                h("How the desk helps"),
                p(
                    """The desk (Lotsendienst) is the centre's first point of contact. It helps
                    you find the organisation in Saxony's skilled-labour network that can best
                    deal with your question and, if you wish, puts you in touch. The advice is
                    neutral and free of charge. We help, for example, with questions like
                    these:""",
                    ul(
                        """Your company is looking for skilled workers or trainees and wants to
                        know what support is available in your region.""",
                        """You want to hire an international skilled worker and are looking for
                        the authority responsible for recognition, visa or settling in.""",
                        """You are planning joint training, a partial qualification or further
                        training for your employees.""",
                        """You want to improve working conditions or health and safety in your
                        company and are looking for advice.""",
                        """You are a network partner and want to coordinate with other actors in
                        your region.""",
                    ),
                ),
                h("Questions on collective agreements"),
                p(
                    f"""Whether a collective agreement or a sector minimum wage applies to a
                    sector in Saxony is answered by the
                    {a("/en/tarifauskunft/", "collective agreements service")} from the register.
                    Write to {mail("tarifregister@lotse.example")} or call +49 371 000000-20
                    (demo). Individual legal advice is not possible.""",
                ),
                h("Address and visits"),
                p(
                    """Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (demo)<br/>09111 Chemnitz, Germany""",
                    """Please make an appointment before visiting, so that the right colleague
                    can take time for you. The building has step-free access, a lift and an
                    accessible toilet (demo information).""",
                ),
                h("Phone and e-mail"),
                p(
                    f"""Phone: +49 371 000000-0 (demo)<br/>
                    E-mail: {mail("kontakt@lotse.example")} (demo)<br/>
                    Press enquiries: {mail("presse@lotse.example")} (demo)""",
                ),
                h("Office hours"),
                p(
                    """Monday to Thursday 9 am to 3 pm, Friday 9 am to 12 noon (demo
                    information). Appointments outside these hours can be arranged. We normally
                    answer e-mails within three working days. We answer in German and
                    English.""",
                ),
                h("Contact without barriers"),
                p(
                    f"""If you are deaf or hard of hearing, the page
                    {a("/en/gebaerdensprache/", "Sign language")} lists ways to reach us without
                    a telephone. An easy-to-read explanation of Lotse is on the page
                    {a("/en/leichte-sprache/", "Easy read")}. Please report barriers on this
                    website through the
                    {a("/en/barrierefreiheit/#feedback", "feedback section")} of
                    the accessibility statement.""",
                ),
                callout("Note", DEMO_NOTE_EN),
            ],
        },
    },
    "impressum": {
        "title": {"de": "Impressum", "en": "Legal notice"},
        "intro": {
            "de": (
                "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 "
                "Medienstaatsvertrag (MStV)."
            ),
            "en": (
                "Information pursuant to section 5 of the Digital Services Act (DDG) and "
                "section 18 of the Interstate Media Treaty (MStV)."
            ),
        },
        "body": {
            "de": [
                h("Herausgeber"),
                p(
                    f"""Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (Demo)<br/>09111 Chemnitz<br/>
                    Telefon: 0371 000000-0 (Demo)<br/>
                    E-Mail: {mail("kontakt@lotse.example")} (Demo)<br/>
                    Internet: https://lotse.example (Demo)""",
                    """Das Zentrum ist eine Landesbehörde des Freistaates Sachsen im
                    Geschäftsbereich des Sächsischen Staatsministeriums für Wirtschaft, Arbeit,
                    Energie und Klimaschutz (SMWA). Es wird vertreten durch seine Leitung,
                    Dr. Erika Beispiel (Demo).""",
                ),
                h("Aufsichtsbehörde"),
                p(
                    """Sächsisches Staatsministerium für Wirtschaft, Arbeit, Energie und
                    Klimaschutz, Dresden""",
                ),
                h("Verantwortlich für den Inhalt"),
                p(
                    """Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Max Mustermann
                    (Demo), Leitung der Redaktion, Anschrift wie oben.""",
                    """Beschreibungen von Netzwerkpartnern, ihre Angebote und Veranstaltungen
                    stellen die Partner selbst ein und verantworten sie. Die Redaktion des
                    Zentrums prüft diese Beiträge vor der Veröffentlichung auf Verständlichkeit,
                    Vollständigkeit und Sachlichkeit und lässt sie jährlich bestätigen; für die
                    Richtigkeit im Einzelnen bleibt der jeweilige Partner verantwortlich.""",
                ),
                h("Hinweis zur Tarifauskunft"),
                p(
                    """Die Tarifauskunft gibt wieder, was dem Tarifregister des Freistaates
                    Sachsen zum angegebenen Stand bekannt ist. Das Register ist auf die
                    Mitteilungen der Tarifvertragsparteien angewiesen; es kann daher nicht
                    zusichern, dass es vollständig ist. Die Auskunft ist keine Rechtsberatung und
                    ersetzt keine Prüfung im Einzelfall, etwa durch eine Gewerkschaft, einen
                    Arbeitgeberverband oder eine Rechtsanwältin oder einen Rechtsanwalt.
                    Maßgeblich sind allein der Tarifvertrag selbst und die amtlichen
                    Bekanntmachungen, zum Beispiel im Bundesanzeiger.""",
                ),
                h("Haftung für Inhalte"),
                p(
                    """Wir erstellen die Inhalte dieses Portals mit Sorgfalt und halten sie
                    aktuell. Für die Vollständigkeit und Richtigkeit zu jedem Zeitpunkt können
                    wir dennoch keine Gewähr übernehmen. Rechtlich verbindlich sind nur die in
                    den amtlichen Verkündungsblättern veröffentlichten Texte von Gesetzen und
                    Verordnungen.""",
                ),
                h("Haftung für Links"),
                p(
                    f"""Lotse verweist auf Websites anderer Stellen. Für deren Inhalte sind
                    allein ihre Anbieter verantwortlich. Wir haben die verlinkten Seiten beim
                    Setzen des Links geprüft und dabei keine Rechtsverstöße erkannt; eine
                    ständige Kontrolle ist ohne konkreten Anlass nicht möglich. Wenn Sie auf
                    einen fehlerhaften oder rechtswidrigen Link stoßen, schreiben Sie uns bitte
                    an {mail("kontakt@lotse.example")}; wir entfernen ihn dann umgehend.""",
                ),
                h("Urheberrecht und Lizenzen"),
                p(
                    """Die Texte dieses Portals hat die Redaktion des Zentrums für Lotse
                    geschrieben. Sie dürfen mit Angabe der Quelle („Lotse – Zentrum für
                    Fachkräftesicherung und Gute Arbeit Sachsen“) zitiert werden. Für jede
                    darüber hinausgehende Nutzung fragen Sie bitte die Redaktion. Beiträge der
                    Netzwerkpartner und Bilder können eigenen Rechten unterliegen; sie sind dann
                    gekennzeichnet.""",
                    """Lotse ist mit freier Software gebaut:""",
                    ul(
                        """Die Software Lotse selbst steht unter der European Union Public
                        Licence (EUPL) 1.2.""",
                        """Die Gestaltung beruht auf KERN UX, dem offenen Designsystem der
                        deutschen Verwaltung, lizenziert unter der EUPL-1.2.""",
                        """Die Schrift Fira Sans steht unter der SIL Open Font License 1.1. Sie
                        wird, wie alle anderen Dateien, von unserem eigenen Server
                        ausgeliefert.""",
                        """Weitere Bausteine: Django und Wagtail (BSD-Lizenz), htmx (Zero-Clause
                        BSD).""",
                    ),
                ),
                callout("Hinweis", DEMO_NOTE_DE),
            ],
            "en": [
                h("Publisher"),
                p(
                    f"""Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (demo)<br/>09111 Chemnitz, Germany<br/>
                    Phone: +49 371 000000-0 (demo)<br/>
                    E-mail: {mail("kontakt@lotse.example")} (demo)<br/>
                    Web: https://lotse.example (demo)""",
                    """The centre is a state authority of the Free State of Saxony within the
                    remit of the Saxon State Ministry for Economic Affairs, Labour, Energy and
                    Climate Action (SMWA). It is represented by its head, Dr Erika Beispiel
                    (demo).""",
                ),
                h("Supervisory authority"),
                p(
                    """Saxon State Ministry for Economic Affairs, Labour, Energy and Climate
                    Action, Dresden""",
                ),
                h("Responsible for the content"),
                p(
                    """Responsible for the content under section 18 (2) MStV: Max Mustermann
                    (demo), head of the editorial team, address as above.""",
                    """Profiles of network partners, their offers and their events are entered
                    by the partners, who are responsible for them. The centre's editorial team
                    checks these contributions for clarity, completeness and objectivity before
                    publication and has them confirmed every year; the partner remains
                    responsible for the accuracy of the details.""",
                ),
                h("Note on the collective agreements service"),
                p(
                    """The collective agreements service reflects what the register of the Free
                    State of Saxony knows as of the date stated. The register relies on the
                    notifications of the parties to the agreements and therefore cannot
                    guarantee that it is complete. Its answers are not legal advice and do not
                    replace an individual assessment, for example by a trade union, an
                    employers' association or a lawyer. Only the agreement itself and the
                    official notices, for example in the Federal Gazette (Bundesanzeiger), are
                    authoritative.""",
                ),
                h("Liability for content"),
                p(
                    """We prepare the content of this portal with care and keep it up to date.
                    Nevertheless, we cannot guarantee that it is complete and correct at every
                    point in time. Only the texts of laws and ordinances published in the
                    official gazettes are legally binding. The German version of this portal is
                    authoritative.""",
                ),
                h("Liability for links"),
                p(
                    f"""Lotse links to websites of other organisations. Their providers alone
                    are responsible for their content. We checked the linked pages when the
                    link was set and found no violations of the law; permanent monitoring is not
                    possible without a concrete reason. If you come across a broken or unlawful
                    link, please write to {mail("kontakt@lotse.example")}; we will remove it
                    promptly.""",
                ),
                h("Copyright and licences"),
                p(
                    """The texts of this portal were written for Lotse by the centre's
                    editorial team. You may quote them with the source (“Lotse – Zentrum für
                    Fachkräftesicherung und Gute Arbeit Sachsen”). For any further use, please
                    ask the editorial team. Contributions of network partners and images may be
                    subject to their own rights; they are then marked.""",
                    """Lotse is built with free software:""",
                    ul(
                        """The Lotse software itself is licensed under the European Union Public
                        Licence (EUPL) 1.2.""",
                        """The design is based on KERN UX, the open design system of the German
                        public administration, licensed under the EUPL-1.2.""",
                        """The Fira Sans typeface is licensed under the SIL Open Font License
                        1.1. Like every other file, it is served from our own server.""",
                        """Further components: Django and Wagtail (BSD licence), htmx (Zero-Clause
                        BSD).""",
                    ),
                ),
                callout("Note", DEMO_NOTE_EN),
            ],
        },
    },
    "datenschutz": {
        "title": {"de": "Datenschutz", "en": "Privacy"},
        "intro": {
            "de": (
                "Welche personenbezogenen Daten Lotse verarbeitet, wozu, wie lange – und welche "
                "Rechte Sie haben."
            ),
            "en": (
                "Which personal data Lotse processes, why, for how long – and what rights you have."
            ),
        },
        "body": {
            "de": [
                h("Verantwortliche Stelle"),
                p(
                    """Verantwortlich für die Verarbeitung personenbezogener Daten in Lotse
                    im Sinne der Datenschutz-Grundverordnung (DSGVO) ist:""",
                    f"""Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (Demo)<br/>09111 Chemnitz<br/>
                    Telefon: 0371 000000-0 (Demo)<br/>
                    E-Mail: {mail("kontakt@lotse.example")} (Demo)""",
                ),
                h("Datenschutzbeauftragte"),
                p(
                    f"""Sie erreichen die behördliche Datenschutzbeauftragte des Zentrums unter
                    {mail("datenschutz@lotse.example")} (Demo) oder per Post an die oben genannte
                    Anschrift mit dem Zusatz „Datenschutzbeauftragte – persönlich“. Sie können
                    sich mit allen Fragen zum Datenschutz vertraulich an sie wenden.""",
                ),
                h("Unsere Grundsätze"),
                p(
                    """Lotse erhebt nur die Daten, die für eine Aufgabe nötig sind, und löscht
                    sie, sobald sie nicht mehr gebraucht werden. Die öffentlichen Seiten können
                    Sie ohne Anmeldung und ohne Angabe von Daten lesen.""",
                    ul(
                        """Kein Tracking: Lotse verwendet keine Analyse- oder Statistikdienste,
                        keine Werbung und keine Profile über Ihr Nutzungsverhalten.""",
                        """Keine Anfragen an Dritte: Schriften, Skripte und Stylesheets liefern
                        wir von unserem eigenen Server aus. Beim Aufruf von Lotse übermittelt Ihr
                        Browser keine Daten an Google, soziale Netzwerke oder andere Dienste.
                        Externe Inhalte wie Videos oder Karten werden nicht eingebettet.""",
                        """Nur notwendige Cookies (siehe unten); deshalb brauchen wir kein
                        Cookie-Banner.""",
                    ),
                ),
                h("Rechtsgrundlagen"),
                p(
                    """Das Zentrum ist eine öffentliche Stelle. Es verarbeitet personenbezogene
                    Daten vor allem, um seine öffentlichen Aufgaben zu erfüllen: die Sicherung
                    von Fachkräften in Sachsen zu unterstützen, das Netzwerk der Akteure zu
                    koordinieren, Veranstaltungen durchzuführen, Anfragen zu beantworten und das
                    Tarifregister zu führen. Rechtsgrundlage ist dann Art. 6 Abs. 1 Buchst. e
                    DSGVO in Verbindung mit § 3 des Sächsischen
                    Datenschutzdurchführungsgesetzes (SächsDSDG).""",
                    """Wo wir Sie ausdrücklich um Ihre Einwilligung bitten – zum Beispiel, um Ihre
                    Anfrage an einen Netzwerkpartner weiterzugeben oder Ihren Namen als
                    Ansprechperson zu veröffentlichen –, ist Rechtsgrundlage Art. 6 Abs. 1
                    Buchst. a DSGVO. Sie können eine Einwilligung jederzeit für die Zukunft
                    widerrufen; eine formlose Nachricht genügt.""",
                ),
                h("Welche Daten wir verarbeiten"),
                h3("Aufruf der Website (Server-Protokolle)"),
                p(
                    """Wenn Sie eine Seite aufrufen, speichert der Webserver für kurze Zeit:
                    Ihre IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, den
                    Statuscode der Antwort, die übertragene Datenmenge und die Kennung Ihres
                    Browsers. Wir brauchen diese Daten, um die Seiten auszuliefern, Fehler zu
                    finden und Angriffe zu erkennen und abzuwehren. Die Protokolle werden nach
                    7 Tagen gelöscht. Nur wenn ein Sicherheitsvorfall untersucht wird, bewahren
                    wir die betroffenen Einträge bis zum Abschluss der Untersuchung auf.""",
                    """Um Anmeldeversuche und das Absenden öffentlicher Formulare vor Missbrauch
                    zu schützen, zählt Lotse außerdem für wenige Minuten, wie oft eine
                    IP-Adresse diese Funktionen nutzt. Die Zähler verfallen danach von
                    selbst.""",
                ),
                h3("Cookies"),
                p(
                    """Lotse setzt nur Cookies, die technisch notwendig sind. Dafür ist nach
                    § 25 Abs. 2 Nr. 2 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes
                    (TDDDG) keine Einwilligung erforderlich:""",
                    ul(
                        """„csrftoken“ schützt Formulare davor, dass eine fremde Website sie in
                        Ihrem Namen absendet.""",
                        """„sessionid“ hält Ihre Anmeldung im Verwaltungsbereich fest und
                        speichert den Zwischenstand mehrteiliger Formulare. Sie läuft spätestens
                        nach 8 Stunden ab.""",
                        """Ein Sprach-Cookie („django_language“) merkt sich gegebenenfalls die
                        gewählte Sprache. Meist ergibt sich die Sprache schon aus der Adresse
                        (Englisch unter /en/).""",
                    ),
                    """Diese Cookies enthalten keine Angaben, mit denen wir Sie über andere
                    Websites hinweg wiedererkennen könnten.""",
                ),
                h3("Konten im Verwaltungsbereich"),
                p(
                    """Beschäftigte des Zentrums und Netzwerkpartner arbeiten mit einem
                    persönlichen Konto. Dafür speichern wir Name, E-Mail-Adresse,
                    Benutzername, das Kennwort nur als nicht umkehrbaren Prüfwert (nie im
                    Klartext), die Rolle, bei Partnern die zugehörige Organisation sowie den
                    Zeitpunkt der letzten Anmeldung. Zweck ist, dass nur Berechtigte Inhalte
                    bearbeiten können. Wird ein Konto nicht mehr gebraucht, wird es deaktiviert
                    und gelöscht.""",
                ),
                h3("Änderungsprotokoll"),
                p(
                    """Damit nachvollziehbar bleibt, wer im Verwaltungsbereich was geändert hat,
                    protokolliert Lotse jede Änderung an Inhalten, Angeboten, Veranstaltungen,
                    Anfragen und Konten: wer gehandelt hat, wann, an welchem Datensatz und was
                    geändert wurde. Das dient der Nachvollziehbarkeit des Verwaltungshandelns,
                    der Datensicherheit und der Kontrolle des Datenschutzes. Die Einträge werden
                    nach 3 Jahren automatisch gelöscht.""",
                ),
                h3("E-Mail"),
                p(
                    """Wenn Sie uns eine E-Mail schreiben, verarbeiten wir Ihre Adresse, Ihren
                    Namen und den Inhalt, um Ihr Anliegen zu bearbeiten. Die Nachricht wird
                    nach den für Behörden geltenden Vorschriften zur Schriftgutverwaltung
                    aufbewahrt und danach gelöscht. E-Mails werden auf dem Transportweg
                    verschlüsselt, soweit Ihr Anbieter das unterstützt; sie sind aber nicht
                    Ende-zu-Ende-verschlüsselt. Senden Sie uns daher bitte keine vertraulichen
                    Unterlagen per E-Mail, ohne vorher mit uns zu sprechen.""",
                    """Lotse selbst verschickt E-Mails nur, wenn Sie etwas ausgelöst haben, zum
                    Beispiel eine Anmeldebestätigung. Newsletter gibt es nur, wenn Sie ihn
                    ausdrücklich bestellen.""",
                ),
                h3("Anmeldungen zu Veranstaltungen"),
                p(
                    """Sobald die Anmeldung zu Veranstaltungen freigeschaltet ist, verarbeiten wir
                    dafür Name, E-Mail-Adresse, gegebenenfalls Organisation und Standort sowie
                    Ihre Teilnahme (Einlass). Angaben zu Ihrer Organisation, etwa Art und
                    Landkreis, werten wir nur zusammengefasst aus, um die
                    Teilnehmendenstruktur zu beschreiben; Einzelpersonen sind darin nicht
                    erkennbar. Wenn Sie Unterstützung für eine barrierefreie Teilnahme angeben,
                    kann das etwas über Ihre Gesundheit verraten; diese Angabe ist freiwillig,
                    wir verarbeiten sie nur mit Ihrer ausdrücklichen Einwilligung (Art. 9 Abs. 2
                    Buchst. a DSGVO) und nur für die Organisation.""",
                    """Die personenbezogenen Daten einer Anmeldung werden in der Grundeinstellung
                    90 Tage nach der Veranstaltung gelöscht. Zusammengefasste Zahlen ohne
                    Personenbezug, etwa wie viele Personen an welchem Standort teilgenommen
                    haben, bleiben für die Berichterstattung des Zentrums erhalten.""",
                ),
                h3("Anfragen an den Lotsendienst"),
                p(
                    """Sobald Anfragen über Lotse möglich sind, verarbeiten wir dafür Ihren Namen,
                    Ihre Kontaktdaten, Ihre Frage und gegebenenfalls Ihr Unternehmen und Ihren
                    Landkreis. Wir geben eine Anfrage nur dann an einen Netzwerkpartner weiter,
                    wenn Sie dem zugestimmt haben. Das gilt auch für Tarifanfragen. Anfragen
                    werden in der Grundeinstellung 12 Monate nach ihrem Abschluss gelöscht; für
                    die Statistik des Lotsendienstes bleiben nur Angaben ohne Personenbezug
                    erhalten, etwa Themenfeld und Landkreis.""",
                ),
                h3("Ansprechpersonen bei Netzwerkpartnern"),
                p(
                    """Im Netzwerkverzeichnis nennen Partner Ansprechpersonen mit Namen,
                    Funktion und dienstlichen Kontaktdaten. Das Zentrum verwendet diese Angaben,
                    um mit den Partnern zusammenzuarbeiten. Öffentlich angezeigt werden sie nur,
                    wenn die Person eingewilligt hat. Die Angaben werden gelöscht, wenn die
                    Person oder ihre Organisation das mitteilt oder die Zusammenarbeit
                    endet.""",
                ),
                h("Empfänger"),
                p(
                    """Wir verkaufen keine Daten und geben sie nicht zu Werbezwecken weiter. Den
                    technischen Betrieb übernimmt ein IT-Dienstleister (Demo: vom Betreiber
                    einzutragen), der die Daten nur nach unserer Weisung verarbeitet und
                    vertraglich nach Art. 28 DSGVO gebunden ist. An Netzwerkpartner geben wir
                    Ihre Daten nur mit Ihrer Einwilligung weiter, an andere Behörden nur, wenn
                    ein Gesetz uns dazu verpflichtet. Eine Übermittlung in Länder außerhalb der
                    Europäischen Union findet nicht statt. Lotse trifft keine automatisierten
                    Entscheidungen über Personen im Sinne von Art. 22 DSGVO.""",
                ),
                h("Ihre Rechte"),
                p(
                    """Sie haben gegenüber dem Zentrum das Recht""",
                    ul(
                        """auf Auskunft über die zu Ihnen gespeicherten Daten (Art. 15
                        DSGVO),""",
                        "auf Berichtigung unrichtiger Daten (Art. 16 DSGVO),",
                        """auf Löschung, soweit die Daten nicht mehr gebraucht werden oder
                        unrechtmäßig verarbeitet wurden (Art. 17 DSGVO),""",
                        "auf Einschränkung der Verarbeitung (Art. 18 DSGVO),",
                        """auf Datenübertragbarkeit, soweit die Verarbeitung auf Ihrer
                        Einwilligung beruht (Art. 20 DSGVO),""",
                        """auf Widerspruch gegen eine Verarbeitung, die auf Art. 6 Abs. 1
                        Buchst. e DSGVO beruht, aus Gründen, die sich aus Ihrer besonderen
                        Situation ergeben (Art. 21 DSGVO),""",
                        """eine erteilte Einwilligung jederzeit mit Wirkung für die Zukunft zu
                        widerrufen (Art. 7 Abs. 3 DSGVO).""",
                    ),
                    f"""Wenden Sie sich dazu an {mail("datenschutz@lotse.example")} (Demo) oder
                    an die oben genannte Anschrift. Die Auskunft ist kostenfrei.""",
                ),
                h("Beschwerderecht"),
                p(
                    f"""Wenn Sie der Ansicht sind, dass wir Ihre Daten nicht rechtmäßig
                    verarbeiten, können Sie sich bei der Aufsichtsbehörde beschweren (Art. 77
                    DSGVO). Zuständig ist die Sächsische Datenschutz- und
                    Transparenzbeauftragte in Dresden; ihre Kontaktdaten finden Sie unter
                    {a("https://www.datenschutz.sachsen.de", "www.datenschutz.sachsen.de")}.""",
                    """Stand dieser Datenschutzerklärung: 22. November 2026.""",
                ),
                callout("Hinweis", DEMO_NOTE_DE),
            ],
            "en": [
                h("Controller"),
                p(
                    """The controller for the processing of personal data in Lotse within the
                    meaning of the General Data Protection Regulation (GDPR) is:""",
                    f"""Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen (ZEFAS)<br/>
                    Musterstraße 1 (demo)<br/>09111 Chemnitz, Germany<br/>
                    Phone: +49 371 000000-0 (demo)<br/>
                    E-mail: {mail("kontakt@lotse.example")} (demo)""",
                ),
                h("Data protection officer"),
                p(
                    f"""You can reach the centre's data protection officer at
                    {mail("datenschutz@lotse.example")} (demo) or by post at the address above,
                    marked “Datenschutzbeauftragte – persönlich” (data protection officer –
                    personal). You can contact her in confidence with any question about data
                    protection.""",
                ),
                h("Our principles"),
                p(
                    """Lotse collects only the data needed for a task and deletes it as soon as
                    it is no longer needed. You can read the public pages without logging in and
                    without giving any data.""",
                    ul(
                        """No tracking: Lotse uses no analytics or statistics services, no
                        advertising and no profiles of how you use the site.""",
                        """No requests to third parties: we serve fonts, scripts and style sheets
                        from our own server. When you open Lotse, your browser sends no data to
                        Google, social networks or other services. External content such as
                        videos or maps is not embedded.""",
                        """Only necessary cookies (see below); that is why there is no cookie
                        banner.""",
                    ),
                ),
                h("Legal basis"),
                p(
                    """The centre is a public body. It processes personal data mainly to
                    perform its public tasks: supporting the securing of skilled labour in
                    Saxony, coordinating the network of actors, running events, answering
                    inquiries and keeping the register of collective agreements. The legal basis
                    is then Article 6(1)(e) GDPR in conjunction with section 3 of the Saxon Data
                    Protection Implementation Act (SächsDSDG).""",
                    """Where we explicitly ask for your consent – for example to pass your
                    inquiry on to a network partner or to publish your name as a contact person
                    – the legal basis is Article 6(1)(a) GDPR. You can withdraw your consent at
                    any time with effect for the future; an informal message is enough.""",
                ),
                h("What data we process"),
                h3("Visiting the website (server logs)"),
                p(
                    """When you open a page, the web server briefly stores your IP address, the
                    date and time, the address requested, the status code of the response, the
                    amount of data transferred and your browser's identifier. We need these data
                    to deliver the pages, to find errors and to detect and fend off attacks. The
                    logs are deleted after 7 days. Only when a security incident is being
                    investigated do we keep the entries concerned until the investigation is
                    closed.""",
                    """To protect logins and public forms from abuse, Lotse also counts for a
                    few minutes how often an IP address uses these functions. The counters then
                    expire by themselves.""",
                ),
                h3("Cookies"),
                p(
                    """Lotse only sets cookies that are technically necessary. Under section
                    25(2) no. 2 of the Telecommunications Digital Services Data Protection Act
                    (TDDDG), they do not require consent:""",
                    ul(
                        """“csrftoken” prevents another website from submitting forms in your
                        name.""",
                        """“sessionid” keeps you logged in to the back office and stores the
                        progress of forms with several steps. It expires after 8 hours at the
                        latest.""",
                        """A language cookie (“django_language”) may remember the language you
                        chose. Usually the language already follows from the address (English
                        under /en/).""",
                    ),
                    """These cookies contain nothing that would let us recognise you across
                    other websites.""",
                ),
                h3("Back-office accounts"),
                p(
                    """Staff of the centre and network partners work with a personal account.
                    For this we store name, e-mail address, user name, the password only as an
                    irreversible hash (never in plain text), the role, for partners their
                    organisation, and the time of the last login. The purpose is that only
                    authorised people can edit content. When an account is no longer needed, it
                    is deactivated and deleted.""",
                ),
                h3("Audit trail"),
                p(
                    """So that it remains clear who changed what in the back office, Lotse
                    records every change to content, offers, events, inquiries and accounts:
                    who acted, when, on which record and what was changed. This makes
                    administrative action traceable and serves data security and data protection
                    control. The entries are deleted automatically after 3 years.""",
                ),
                h3("E-mail"),
                p(
                    """If you write to us, we process your address, your name and the content to
                    deal with your request. The message is kept according to the records
                    management rules for public authorities and deleted afterwards. E-mails are
                    encrypted in transit where your provider supports it, but they are not
                    end-to-end encrypted. Please do not send us confidential documents by e-mail
                    without talking to us first.""",
                    """Lotse itself only sends e-mails when you have triggered something, for
                    example a registration confirmation. There is a newsletter only if you
                    explicitly subscribe to it.""",
                ),
                h3("Event registrations"),
                p(
                    """As soon as registration for events is available, we process your name,
                    e-mail address, where applicable your organisation and site, and your
                    attendance (check-in). Details of your organisation, such as its type and
                    district, are only evaluated in aggregate to describe who took part;
                    individuals cannot be identified. If you tell us what support you need to
                    take part without barriers, this may reveal something about your health;
                    this information is voluntary, and we process it only with your explicit
                    consent (Article 9(2)(a) GDPR) and only to organise the event.""",
                    """By default, the personal data of a registration are deleted 90 days after
                    the event. Aggregated figures without any personal reference, such as how
                    many people took part at which site, are kept for the centre's
                    reporting.""",
                ),
                h3("Inquiries to the desk"),
                p(
                    """As soon as inquiries can be sent through Lotse, we process your name,
                    your contact details, your question and, where applicable, your company and
                    district. We only pass an inquiry on to a network partner if you have agreed.
                    This also applies to questions on collective agreements. By default,
                    inquiries are deleted 12 months after they are closed; only data without any
                    personal reference, such as topic field and district, remain for the desk's
                    statistics.""",
                ),
                h3("Contact persons at network partners"),
                p(
                    """In the network directory, partners name contact persons with name,
                    function and business contact details. The centre uses these details to
                    work with the partners. They are only shown publicly if the person has
                    consented. They are deleted when the person or their organisation tells us
                    so or the cooperation ends.""",
                ),
                h("Recipients"),
                p(
                    """We do not sell data or pass them on for advertising. Technical operation
                    is carried out by an IT service provider (demo: to be entered by the
                    operator) who processes the data only on our instructions and is bound by a
                    contract under Article 28 GDPR. We only pass your data on to network partners
                    with your consent, and to other authorities only if a law obliges us to. No
                    data are transferred to countries outside the European Union. Lotse makes no
                    automated decisions about individuals within the meaning of Article 22
                    GDPR.""",
                ),
                h("Your rights"),
                p(
                    """You have the right towards the centre""",
                    ul(
                        "to access the data stored about you (Article 15 GDPR),",
                        "to have incorrect data rectified (Article 16 GDPR),",
                        """to have data erased where they are no longer needed or were processed
                        unlawfully (Article 17 GDPR),""",
                        "to restriction of processing (Article 18 GDPR),",
                        """to data portability where the processing is based on your consent
                        (Article 20 GDPR),""",
                        """to object, on grounds relating to your particular situation, to
                        processing based on Article 6(1)(e) GDPR (Article 21 GDPR),""",
                        """to withdraw consent at any time with effect for the future (Article
                        7(3) GDPR).""",
                    ),
                    f"""To do so, write to {mail("datenschutz@lotse.example")} (demo) or to the
                    address above. Access is free of charge.""",
                ),
                h("Right to lodge a complaint"),
                p(
                    f"""If you believe that we process your data unlawfully, you can lodge a
                    complaint with the supervisory authority (Article 77 GDPR). The competent
                    authority is the Saxon Data Protection and Transparency Commissioner
                    (Sächsische Datenschutz- und Transparenzbeauftragte) in Dresden; her contact
                    details are at
                    {a("https://www.datenschutz.sachsen.de", "www.datenschutz.sachsen.de")}.""",
                    """This privacy notice was last updated on 22 November 2026. The German
                    version is authoritative.""",
                ),
                callout("Note", DEMO_NOTE_EN),
            ],
        },
    },
    "barrierefreiheit": {
        "title": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
        "intro": {
            "de": (
                "Lotse soll für alle Menschen nutzbar sein. Hier steht, wie weit uns das schon "
                "gelingt, was noch fehlt und wie Sie uns Barrieren melden."
            ),
            "en": (
                "Lotse is meant to be usable by everyone. Here we explain how far we have got, "
                "what is still missing and how you can report barriers to us."
            ),
        },
        "body": {
            "de": [
                h("Geltungsbereich"),
                p(
                    """Diese Erklärung gilt für das Portal Lotse des Zentrums für
                    Fachkräftesicherung und Gute Arbeit Sachsen unter https://lotse.example
                    (Demo) in deutscher und englischer Sprache, einschließlich seiner Formulare
                    und des Verwaltungsbereichs für Netzwerkpartner.""",
                    """Als öffentliche Stelle des Freistaates Sachsen ist das Zentrum verpflichtet,
                    seine Websites barrierefrei zu gestalten. Grundlage sind das Sächsische
                    Inklusionsgesetz und die sächsischen Vorschriften zur barrierefreien
                    Gestaltung von Websites öffentlicher Stellen, die die Richtlinie (EU)
                    2016/2102 umsetzen. Aufbau und Inhalt dieser Erklärung folgen den Vorgaben,
                    die auch die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0)
                    vorsieht. Maßstab ist die europäische Norm EN 301 549 mit den Web Content
                    Accessibility Guidelines (WCAG) 2.1 in der Stufe AA.""",
                ),
                h("Stand der Vereinbarkeit"),
                p(
                    """Lotse ist mit den Anforderungen an die Barrierefreiheit
                    <b>teilweise vereinbar</b>.""",
                    """Die Seiten sind mit KERN UX gebaut, dem auf Barrierefreiheit ausgelegten
                    Designsystem der deutschen Verwaltung. Sie funktionieren ohne JavaScript,
                    lassen sich mit der Tastatur bedienen, haben eine klare Überschriftenstruktur
                    und einen Link, mit dem Sie direkt zum Inhalt springen. Weil die Plattform
                    neu ist und einige Angebote noch fehlen oder noch nicht unabhängig geprüft
                    sind, erklären wir die Vereinbarkeit ehrlicherweise nur als teilweise.""",
                ),
                h("Nicht barrierefreie Inhalte"),
                p(
                    """Die folgenden Einschränkungen sind uns bekannt:""",
                    ul(
                        """<b>Videos in Deutscher Gebärdensprache:</b> Die Seite
                        Gebärdensprache beschreibt unser Angebot bisher nur als Text. Die Videos
                        in Deutscher Gebärdensprache (DGS) sind in Vorbereitung und noch nicht
                        aufgenommen. Bis dahin nennt die Seite Wege, uns ohne Telefon zu
                        erreichen.""",
                        """<b>Leichte Sprache:</b> Es gibt bisher eine Seite in Leichter
                        Sprache. Sie ist nach den Regeln für Leichte Sprache geschrieben, aber
                        noch nicht von einer Prüfgruppe aus der Zielgruppe geprüft worden.
                        Weitere Seiten folgen.""",
                        """<b>PDF-Dokumente:</b> In kommenden Ausbaustufen wird Lotse
                        PDF-Dokumente erzeugen, etwa Teilnahmebestätigungen, Namensschilder,
                        Handlungspläne und Medieninformationen. Diese Dokumente erfüllen
                        möglicherweise noch nicht alle Anforderungen an barrierefreie PDF-Dateien
                        (PDF/UA). Auf Wunsch senden wir Ihnen den Inhalt in einer zugänglichen
                        Form, zum Beispiel als Text in einer E-Mail.""",
                        """<b>Dokumente von Partnern:</b> Dateien, die Netzwerkpartner zu ihren
                        Angeboten hochladen, können wir nicht vollständig auf Barrierefreiheit
                        prüfen.""",
                        """<b>Verwaltungsbereich:</b> Der Verwaltungsbereich für Beschäftigte
                        und Netzwerkpartner beruht auf dem Redaktionssystem Wagtail, dessen
                        Entwicklung auf Barrierefreiheit achtet. Wir selbst haben ihn noch nicht
                        vollständig geprüft.""",
                    ),
                    """Wir beheben diese Punkte schrittweise und passen diese Erklärung an,
                    sobald sich etwas ändert.""",
                ),
                h("Wie diese Erklärung erstellt wurde"),
                p(
                    """Die Erklärung beruht auf einer Selbstbewertung durch das Team, das Lotse
                    entwickelt. Bei jedem Build der Software – also bei jeder Änderung, bevor sie
                    in Betrieb geht – prüfen automatisierte Tests mit dem Werkzeug axe-core die
                    Seiten des Portals in einem echten Browser auf Verstöße gegen die Kriterien
                    der WCAG 2.0 und 2.1 der Stufen A und AA. Findet ein Test einen Verstoß,
                    wird die Änderung nicht ausgeliefert.""",
                    """Zusätzlich prüfen wir die Seiten von Hand mit der Tastatur: ob alle
                    Links, Menüs und Formulare ohne Maus erreichbar sind, ob die Reihenfolge
                    sinnvoll ist und ob immer zu sehen ist, wo sich der Fokus befindet.""",
                    """Automatisierte Tests finden nur einen Teil der möglichen Barrieren. Eine
                    Prüfung durch eine unabhängige Prüfstelle steht noch aus.""",
                    """Diese Erklärung wurde am 22. November 2026 erstellt und zuletzt am
                    22. November 2026 überprüft.""",
                ),
                h("Feedback und Kontakt", anchor="feedback"),
                p(
                    """Sie sind auf Lotse auf eine Barriere gestoßen? Oder Sie brauchen einen
                    Inhalt in einer anderen Form? Dann schreiben Sie uns oder rufen Sie an:""",
                    f"""E-Mail: {mail("barrierefreiheit@lotse.example")} (Demo)<br/>
                    Telefon: 0371 000000-30 (Demo)<br/>
                    Post: Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen,
                    Musterstraße 1 (Demo), 09111 Chemnitz""",
                    """Beschreiben Sie bitte, auf welcher Seite (Adresse) das Problem auftritt
                    und was nicht funktioniert. Wenn Sie möchten, nennen Sie auch Ihren Browser
                    und Ihre Hilfsmittel, zum Beispiel einen Screenreader oder eine
                    Vergrößerungssoftware. Wir bestätigen den Eingang Ihrer Nachricht und
                    antworten Ihnen spätestens innerhalb eines Monats.""",
                ),
                h("Durchsetzungsverfahren"),
                p(
                    """Wenn Sie uns eine Barriere gemeldet und innerhalb der genannten Frist
                    keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich
                    an die Durchsetzungsstelle nach dem Sächsischen Inklusionsgesetz wenden.
                    Sie geht Beschwerden über fehlende Barrierefreiheit von Websites öffentlicher
                    Stellen in Sachsen nach und setzt sich dafür ein, dass Barrieren beseitigt
                    werden. Ihre aktuellen Kontaktdaten finden Sie über das Portal des
                    Freistaates Sachsen,
                    <a href="https://www.sachsen.de">www.sachsen.de</a>.""",
                ),
                h("Weitere Angebote"),
                p(
                    f"""Eine Erklärung von Lotse in Leichter Sprache finden Sie auf der Seite
                    {a("/leichte-sprache/", "Leichte Sprache")}. Wie gehörlose und schwerhörige
                    Menschen uns erreichen, steht auf der Seite
                    {a("/gebaerdensprache/", "Gebärdensprache")}.""",
                ),
                callout("Hinweis", DEMO_NOTE_DE),
            ],
            "en": [
                h("Scope"),
                p(
                    """This statement applies to the Lotse portal of the Zentrum für
                    Fachkräftesicherung und Gute Arbeit Sachsen at https://lotse.example (demo)
                    in German and English, including its forms and the back office for network
                    partners.""",
                    """As a public body of the Free State of Saxony, the centre is required to
                    make its websites accessible. The basis is the Saxon Inclusion Act
                    (Sächsisches Inklusionsgesetz) and the Saxon rules on accessible websites of
                    public bodies, which implement Directive (EU) 2016/2102. The structure and
                    content of this statement follow the requirements that the federal
                    Accessible Information Technology Ordinance (BITV 2.0) also sets out. The
                    benchmark is the European standard EN 301 549 with the Web Content
                    Accessibility Guidelines (WCAG) 2.1, level AA.""",
                ),
                h("Compliance status"),
                p(
                    """Lotse is <b>partially compliant</b> with the accessibility
                    requirements.""",
                    """The pages are built with KERN UX, the German public administration's
                    design system made for accessibility. They work without JavaScript, can be
                    operated with the keyboard, have a clear heading structure and a link that
                    takes you straight to the content. Because the platform is new and some
                    things are still missing or have not yet been checked independently, we
                    honestly declare it only partially compliant.""",
                ),
                h("Non-accessible content"),
                p(
                    """We are aware of the following limitations:""",
                    ul(
                        """<b>Videos in German Sign Language:</b> so far the sign language page
                        describes our services only in text. The videos in German Sign Language
                        (DGS) are in preparation and have not been recorded yet. Until then, the
                        page lists ways to reach us without a telephone.""",
                        """<b>Easy-to-read language:</b> so far there is one page in Leichte
                        Sprache (easy-to-read German). It follows the rules for Leichte Sprache
                        but has not yet been checked by a group of readers from the target
                        group. More pages will follow.""",
                        """<b>PDF documents:</b> in coming releases, Lotse will generate PDF
                        documents such as attendance confirmations, badges, action plans and
                        press releases. These may not yet meet all requirements for accessible
                        PDF files (PDF/UA). On request, we will send you the content in an
                        accessible form, for example as text in an e-mail.""",
                        """<b>Partners' documents:</b> we cannot fully check files that network
                        partners upload with their offers for accessibility.""",
                        """<b>Back office:</b> the back office for staff and network partners is
                        based on the Wagtail content management system, whose development pays
                        attention to accessibility. We have not yet fully tested it
                        ourselves.""",
                    ),
                    """We are fixing these points step by step and will update this statement
                    whenever something changes.""",
                ),
                h("How this statement was prepared"),
                p(
                    """This statement is based on a self-assessment by the team developing
                    Lotse. In every build of the software – that is, with every change before it
                    goes live – automated tests with the axe-core tool check the portal's pages
                    in a real browser against the WCAG 2.0 and 2.1 success criteria of levels A
                    and AA. If a test finds a violation, the change is not released.""",
                    """In addition, we test the pages by hand with the keyboard: whether all
                    links, menus and forms can be reached without a mouse, whether the order
                    makes sense and whether you can always see where the focus is.""",
                    """Automated tests find only some of the possible barriers. A review by an
                    independent testing body is still pending.""",
                    """This statement was prepared on 22 November 2026 and last reviewed on
                    22 November 2026.""",
                ),
                h("Feedback and contact", anchor="feedback"),
                p(
                    """Have you come across a barrier on Lotse? Or do you need content in a
                    different form? Write to us or call us:""",
                    f"""E-mail: {mail("barrierefreiheit@lotse.example")} (demo)<br/>
                    Phone: +49 371 000000-30 (demo)<br/>
                    Post: Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen,
                    Musterstraße 1 (demo), 09111 Chemnitz, Germany""",
                    """Please tell us on which page (address) the problem occurs and what does
                    not work. If you like, also tell us your browser and assistive technology,
                    for example a screen reader or magnification software. We will confirm that
                    we have received your message and reply within one month at the latest.""",
                ),
                h("Enforcement procedure"),
                p(
                    """If you have reported a barrier to us and have received no reply, or no
                    satisfactory reply, within that time, you can turn to the enforcement body
                    under the Saxon Inclusion Act (Durchsetzungsstelle nach dem Sächsischen
                    Inklusionsgesetz). It follows up complaints about missing accessibility of
                    websites of public bodies in Saxony and works towards removing barriers. Its
                    current contact details are available via the portal of the Free State of
                    Saxony, <a href="https://www.sachsen.de">www.sachsen.de</a>.""",
                ),
                h("More services"),
                p(
                    f"""An easy-to-read explanation of Lotse is on the page
                    {a("/en/leichte-sprache/", "Easy read")}. How deaf and hard-of-hearing people
                    can reach us is explained on the page
                    {a("/en/gebaerdensprache/", "Sign language")}.""",
                ),
                callout("Note", DEMO_NOTE_EN),
            ],
        },
    },
    "leichte-sprache": {
        "title": {"de": "Leichte Sprache", "en": "Easy-to-read information"},
        "intro": {
            "de": "Hier erklären wir Lotse in Leichter Sprache.",
            "en": "This page explains Lotse in easy words.",
        },
        "body": {
            "de": [
                h("Was ist Lotse?"),
                p(
                    "Lotse ist eine Internet·seite.",
                    "Auf der Internet·seite geht es um Arbeit in Sachsen.",
                    "Lotse ist für:",
                    ul(
                        "Firmen in Sachsen",
                        "Menschen, die in Sachsen arbeiten",
                        "Menschen, die in Sachsen Arbeit suchen",
                        "Menschen aus anderen Ländern, die in Sachsen arbeiten möchten",
                    ),
                    "Lotse ist kostenlos.",
                ),
                callout(
                    "Was bedeutet das Wort Lotse?",
                    "Ein Lotse arbeitet auf Schiffen.",
                    "Der Lotse kennt den Weg in den Hafen.",
                    "Er zeigt dem Schiff den sicheren Weg.",
                    "Unsere Internet·seite zeigt Ihnen auch einen Weg.",
                    "Den Weg zu der richtigen Stelle für Ihre Frage.",
                ),
                h("Wer macht Lotse?"),
                p(
                    "Lotse gehört zu einem Amt.",
                    "Das Amt hat einen langen Namen:",
                    "Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen",
                    "Wir sagen in diesem Text kurz: das Zentrum.",
                    "Das Zentrum ist in Chemnitz.",
                    "Das Zentrum arbeitet für das Land Sachsen.",
                ),
                h("Was macht das Zentrum?"),
                p(
                    "In Sachsen fehlen Fach·kräfte.",
                    "Viele Firmen finden nicht genug Fach·kräfte.",
                    "Das Zentrum möchte das ändern.",
                ),
                callout(
                    "Das schwere Wort Fach·kraft",
                    "Eine Fach·kraft hat einen Beruf gelernt.",
                    "Zum Beispiel: Eine Fach·kraft ist Pflegerin.",
                    "Oder Elektriker. Oder Köchin.",
                ),
                p(
                    "Das Zentrum arbeitet mit vielen Stellen zusammen.",
                    "Zum Beispiel mit:",
                    ul(
                        "der Agentur für Arbeit",
                        "dem Job·center",
                        "den Kammern",
                        "Vereinen und Schulen für Erwachsene",
                    ),
                ),
                callout(
                    "Das schwere Wort Kammer",
                    "Eine Kammer ist eine Gruppe von Firmen.",
                    "Zum Beispiel: Die Handwerks·kammer ist für Handwerks·betriebe da.",
                    "Die Kammer berät die Firmen.",
                    "Die Kammer kümmert sich auch um die Ausbildung.",
                ),
                p(
                    "Das Zentrum weiß: Welche Stelle hilft bei welcher Frage?",
                    "Das Zentrum sagt Ihnen: Diese Stelle kann Ihnen helfen.",
                    "Das Zentrum lädt auch zu Treffen ein.",
                    "Bei den Treffen sprechen die Stellen miteinander.",
                    "Sie sprechen über gute Arbeit in Sachsen.",
                    "Gute Arbeit heißt zum Beispiel: Sie bekommen einen fairen Lohn.",
                    "Und Ihr Arbeits·platz ist sicher.",
                    "Das Zentrum sammelt auch Tarif·verträge.",
                ),
                callout(
                    "Das schwere Wort Tarif·vertrag",
                    "Ein Tarif·vertrag ist ein Vertrag über die Arbeit.",
                    "Im Tarif·vertrag steht zum Beispiel:",
                    ul(
                        "So viel Geld bekommen die Menschen für ihre Arbeit.",
                        "So viele Stunden arbeiten sie.",
                        "So viele Tage Urlaub haben sie.",
                    ),
                    "Eine Gewerkschaft schreibt den Tarif·vertrag zusammen mit den Firmen.",
                    "Eine Gewerkschaft hilft den Menschen, die arbeiten.",
                ),
                h("Was können Sie auf Lotse machen?"),
                p(
                    "Auf Lotse können Sie:",
                    ul(
                        "lesen: Wer hilft bei Fragen zur Arbeit?",
                        "Hilfe finden. Zum Beispiel eine Beratung. Oder einen Kurs.",
                        "Treffen finden. Und sich für ein Treffen anmelden.",
                        "fragen: Gibt es einen Tarif·vertrag für meine Arbeit?",
                        "Texte lesen. Die Texte erklären wichtige Themen zur Arbeit.",
                    ),
                    "Manche Teile von Lotse sind noch neu.",
                    "Manche Teile kommen erst später.",
                    "Wir bauen Lotse weiter aus.",
                ),
                callout(
                    "Wichtig",
                    "Das Zentrum gibt Ihnen Auskunft.",
                    "Zum Beispiel: Diesen Tarif·vertrag gibt es.",
                    "Das Zentrum macht aber keine Rechts·beratung.",
                    "Das heißt: Das Zentrum sagt Ihnen nicht, was Sie jetzt tun müssen.",
                    "Dafür fragen Sie bitte:",
                    ul(
                        "eine Gewerkschaft",
                        "einen Anwalt oder eine Anwältin",
                        "eine Beratungs·stelle",
                    ),
                ),
                h("Wie erreichen Sie uns?"),
                p(
                    "Sie können uns eine E-Mail schreiben.",
                    f"Die E-Mail-Adresse ist: {mail('kontakt@lotse.example')}",
                    "Sie können uns auch anrufen.",
                    "Die Telefon·nummer ist: 0371 000000-0",
                    "Wir sind zu diesen Zeiten für Sie da:",
                    ul(
                        "Montag bis Donnerstag: von 9 Uhr bis 15 Uhr",
                        "Freitag: von 9 Uhr bis 12 Uhr",
                    ),
                    "Sie können auch zu uns kommen.",
                    "Die Adresse ist: Musterstraße 1, 09111 Chemnitz",
                    "Bitte machen Sie vorher einen Termin aus.",
                    "Dann hat jemand Zeit für Sie.",
                    "Sie sind gehör·los?",
                    f"""Dann lesen Sie die Seite {a("/gebaerdensprache/", "Gebärden·sprache")}.
                    Dort steht: So erreichen Sie uns ohne Telefon.""",
                ),
                callout(
                    "Achtung",
                    "Lotse ist im Moment ein Test.",
                    "Die Adresse, die E-Mail-Adresse und die Telefon·nummer sind nur Beispiele.",
                    "Sie erreichen damit noch niemanden.",
                    kind="warning",
                ),
                h("Wo finden Sie mehr Informationen?"),
                p(
                    "Oben auf jeder Seite ist ein Menü.",
                    "Im Menü finden Sie die Teile von Lotse.",
                    "Zum Beispiel: Angebote. Oder Veranstaltungen.",
                    "Veranstaltung ist ein anderes Wort für Treffen.",
                    "Die anderen Seiten von Lotse sind in schwerer Sprache.",
                    "Vielleicht möchten Sie Hilfe beim Lesen.",
                    "Dann fragen Sie eine Person, der Sie vertrauen.",
                    "Oder rufen Sie uns an. Wir erklären Ihnen den Text.",
                    "Lotse gibt es auch auf Englisch.",
                    "Klicken Sie dafür oben auf: EN",
                    "Wir schreiben bald mehr Texte in Leichter Sprache.",
                ),
                h("Ihre Meinung ist uns wichtig"),
                p(
                    "Ist etwas schwer zu verstehen?",
                    "Oder funktioniert etwas nicht?",
                    "Dann schreiben Sie uns bitte.",
                    f"Die E-Mail-Adresse ist: {mail('barrierefreiheit@lotse.example')}",
                    "Wir freuen uns über Ihre Nachricht.",
                ),
                p(
                    "Wir haben diesen Text in Leichter Sprache geschrieben.",
                    "Eine Prüf·gruppe hat den Text noch nicht geprüft.",
                ),
            ],
            "en": [
                h("What is Lotse?"),
                p(
                    "Lotse is a website.",
                    "The website is about work in Saxony.",
                    "Saxony is a part of Germany.",
                    "Lotse is for:",
                    ul(
                        "companies in Saxony",
                        "people who work in Saxony",
                        "people who are looking for work in Saxony",
                        "people from other countries who want to work in Saxony",
                    ),
                    "Lotse is free.",
                ),
                callout(
                    "What does the word Lotse mean?",
                    "Lotse is the German word for a pilot on a ship.",
                    "The pilot knows the way into the harbour.",
                    "The pilot shows the ship the safe way.",
                    "Our website also shows you a way.",
                    "It shows you the right place for your question.",
                ),
                h("Who makes Lotse?"),
                p(
                    "Lotse belongs to a public office.",
                    "The office has a long German name:",
                    "Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen",
                    "In this text we call it: the centre.",
                    "The centre is in the city of Chemnitz.",
                    "The centre works for the state of Saxony.",
                ),
                h("What does the centre do?"),
                p(
                    "Saxony needs more skilled workers.",
                    "Many companies cannot find enough skilled workers.",
                    "The centre wants to change this.",
                ),
                callout(
                    "Hard word: skilled worker",
                    "A skilled worker has learned a job.",
                    "For example: a nurse. Or an electrician. Or a cook.",
                ),
                p(
                    "The centre works with many other offices and groups.",
                    "For example with:",
                    ul(
                        "the employment agency",
                        "the job centre",
                        "the chambers",
                        "clubs and schools for adults",
                    ),
                ),
                callout(
                    "Hard word: chamber",
                    "A chamber is a group of companies.",
                    "For example: the chamber of crafts is there for craft businesses.",
                    "The chamber gives advice to the companies.",
                    "The chamber also looks after training for young people.",
                ),
                p(
                    "The centre knows which office helps with which question.",
                    "The centre tells you: This office can help you.",
                    "The centre also invites people to meetings.",
                    "At the meetings, the offices talk to each other.",
                    "They talk about good work in Saxony.",
                    "Good work means for example: You get fair pay.",
                    "And your workplace is safe.",
                    "The centre also collects collective agreements.",
                ),
                callout(
                    "Hard word: collective agreement",
                    "A collective agreement is a contract about work.",
                    "For example, the agreement says:",
                    ul(
                        "This is how much money people get for their work.",
                        "This is how many hours they work.",
                        "This is how many days of holiday they get.",
                    ),
                    "A trade union writes the agreement together with the companies.",
                    "A trade union helps people who work.",
                ),
                h("What can you do on Lotse?"),
                p(
                    "On Lotse you can:",
                    ul(
                        "read who helps with questions about work",
                        "find help. For example advice. Or a course.",
                        "find meetings. And sign up for a meeting.",
                        "ask: Is there a collective agreement for my work?",
                        "read texts. The texts explain important topics about work.",
                    ),
                    "Some parts of Lotse are still new.",
                    "Some parts will come later.",
                    "We are still building Lotse.",
                ),
                callout(
                    "Important",
                    "The centre gives you information.",
                    "For example: This collective agreement exists.",
                    "But the centre does not give legal advice.",
                    "This means: The centre does not tell you what you must do now.",
                    "For this, please ask:",
                    ul("a trade union", "a lawyer", "an advice centre"),
                ),
                h("How can you contact us?"),
                p(
                    "You can write us an e-mail.",
                    f"The e-mail address is: {mail('kontakt@lotse.example')}",
                    "You can also call us.",
                    "The phone number is: +49 371 000000-0",
                    "We are there for you at these times:",
                    ul(
                        "Monday to Thursday: from 9 am to 3 pm",
                        "Friday: from 9 am to 12 noon",
                    ),
                    "You can also visit us.",
                    "The address is: Musterstraße 1, 09111 Chemnitz",
                    "Please make an appointment first.",
                    "Then someone has time for you.",
                    "Are you deaf?",
                    f"""Then read the page {a("/en/gebaerdensprache/", "Sign language")}.
                    It tells you how to reach us without a phone.""",
                ),
                callout(
                    "Please note",
                    "At the moment, Lotse is a test.",
                    "The address, the e-mail address and the phone number are only examples.",
                    "You cannot reach anyone with them yet.",
                    kind="warning",
                ),
                h("Where can you find more information?"),
                p(
                    "There is a menu at the top of every page.",
                    "In the menu you find the parts of Lotse.",
                    "For example: offers. Or events.",
                    "An event is a meeting.",
                    "The other pages of Lotse are harder to read.",
                    "Maybe you want help with reading.",
                    "Then ask a person you trust.",
                    "Or call us. We will explain the text to you.",
                    "Lotse is also in German.",
                    "For German, click on DE at the top of the page.",
                    "We will write more easy-to-read texts soon.",
                ),
                h("Tell us what you think"),
                p(
                    "Is something hard to understand?",
                    "Or does something not work?",
                    "Then please write to us.",
                    f"The e-mail address is: {mail('barrierefreiheit@lotse.example')}",
                    "We are happy to get your message.",
                ),
            ],
        },
    },
    "gebaerdensprache": {
        "title": {"de": "Gebärdensprache", "en": "Sign language"},
        "intro": {
            "de": (
                "Informationen in Deutscher Gebärdensprache (DGS) – und wie gehörlose und "
                "schwerhörige Menschen uns erreichen."
            ),
            "en": (
                "Information in German Sign Language (DGS) – and how deaf and hard-of-hearing "
                "people can reach us."
            ),
        },
        "body": {
            "de": [
                h("Was diese Seite bieten soll"),
                p(
                    """Auf dieser Seite sollen Videos in Deutscher Gebärdensprache erklären, was
                    Lotse ist, was das Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen
                    macht, welche Inhalte Sie auf der Website finden und wie Sie uns erreichen.
                    Auch die wichtigsten Aussagen der Erklärung zur Barrierefreiheit sollen in
                    DGS zu sehen sein.""",
                ),
                h("Die Videos sind in Vorbereitung"),
                p(
                    """Die Videos gibt es noch nicht. Wir möchten sie gemeinsam mit gehörlosen
                    Darstellerinnen und Darstellern aufnehmen, für die DGS die erste Sprache ist,
                    damit sie gut verständlich sind, und mit Untertiteln veröffentlichen. Bis sie
                    fertig sind, zeigen wir hier bewusst keine Platzhalter-Videos. Sobald die Videos
                    erscheinen, kündigen wir das auf dieser Seite an.""",
                ),
                h("So erreichen Sie uns ohne Telefon"),
                p(
                    ul(
                        f"""<b>E-Mail:</b> {mail("kontakt@lotse.example")} (Demo). Sie können
                        uns in einfachem Deutsch schreiben; wir antworten so klar wie
                        möglich.""",
                        """<b>SMS:</b> 0151 00000000 (Demo). Bitte nennen Sie in der SMS Ihren
                        Namen und wie wir Ihnen antworten sollen.""",
                        """<b>Fax:</b> 0371 000000-99 (Demo).""",
                        """<b>Kontaktformular:</b> Das Anfrageformular des Lotsendienstes wird
                        mit einer der nächsten Ausbaustufen von Lotse freigeschaltet. Bis dahin
                        schreiben Sie uns bitte eine E-Mail.""",
                        """<b>Vermittlungsdienst:</b> Über einen Gebärdensprach-Vermittlungsdienst
                        (Relay-Dienst) können Sie uns auch telefonisch erreichen, unter
                        0371 000000-0 (Demo).""",
                    ),
                ),
                h("Gespräche und Veranstaltungen mit Dolmetschung"),
                p(
                    """Sie möchten ein persönliches Gespräch im Zentrum führen oder an einer
                    Veranstaltung teilnehmen? Dann organisieren wir auf Wunsch eine
                    Gebärdensprachdolmetscherin oder einen Gebärdensprachdolmetscher. Die Kosten
                    übernimmt das Zentrum. Bitte sagen Sie uns möglichst zwei Wochen vorher
                    Bescheid, weil Dolmetscherinnen und Dolmetscher früh gebucht werden müssen.
                    Bei Veranstaltungen geben Sie den Bedarf einfach bei der Anmeldung an.""",
                ),
                h("Weitere Informationen"),
                p(
                    f"""Eine Erklärung von Lotse in einfachen Sätzen finden Sie in
                    {a("/leichte-sprache/", "Leichter Sprache")}. Was auf Lotse noch nicht
                    barrierefrei ist und wie Sie uns Barrieren melden, steht in der
                    {a("/barrierefreiheit/", "Erklärung zur Barrierefreiheit")}.""",
                ),
                callout("Hinweis", DEMO_NOTE_DE),
            ],
            "en": [
                h("What this page is meant to offer"),
                p(
                    """On this page, videos in German Sign Language are meant to explain what
                    Lotse is, what the Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen
                    does, what you can find on the website and how you can reach us. The main
                    points of the accessibility statement are to be shown in DGS as well.""",
                ),
                h("The videos are in preparation"),
                p(
                    """The videos do not exist yet. We want to record them together with deaf
                    presenters whose first language is DGS, so that they are easy to understand,
                    and publish them with subtitles. Until they are ready, we deliberately show no
                    placeholder videos here. As soon as the videos are published, we will
                    announce it on this page.""",
                ),
                h("How to reach us without a telephone"),
                p(
                    ul(
                        f"""<b>E-mail:</b> {mail("kontakt@lotse.example")} (demo). You can write
                        to us in simple language; we will answer as clearly as we can.""",
                        """<b>Text message (SMS):</b> +49 151 00000000 (demo). Please include your
                        name and how we should reply.""",
                        """<b>Fax:</b> +49 371 000000-99 (demo).""",
                        """<b>Contact form:</b> the desk's inquiry form will be switched on with
                        one of the next releases of Lotse. Until then, please send us an
                        e-mail.""",
                        """<b>Relay service:</b> you can also call us through a sign language
                        relay service at +49 371 000000-0 (demo).""",
                    ),
                ),
                h("Meetings and events with interpreting"),
                p(
                    """Would you like a personal meeting at the centre or to take part in an
                    event? On request we will book a sign language interpreter. The centre pays
                    the costs. Please let us know about two weeks in advance, because
                    interpreters have to be booked early. For events, simply state your need
                    when you register.""",
                ),
                h("More information"),
                p(
                    f"""An explanation of Lotse in simple sentences is on the page
                    {a("/en/leichte-sprache/", "Easy read")}. What is not yet accessible on
                    Lotse and how to report barriers is described in the
                    {a("/en/barrierefreiheit/", "accessibility statement")}.""",
                ),
                callout("Note", DEMO_NOTE_EN),
            ],
        },
    },
}

# Body of each topic field page, keyed by the topic field's slug (lotse/core/data/topic_fields.csv).
# Title and intro come from the topic field itself.
TOPIC_PAGES: dict[str, dict[str, list]] = {
    "integration-fachkraefteeinwanderung": {
        "de": [
            h("Internationale Fachkräfte gewinnen und halten"),
            p(
                """Die Zahl der Menschen im erwerbsfähigen Alter sinkt in Sachsen deutlich: bis
                2030 um rund 150.000, bis 2035 um rund 210.000 (Quelle: Sächsisches
                Staatsministerium für Wirtschaft, Arbeit und Verkehr, 2022). Ohne Zuwanderung ist
                diese Lücke nicht zu schließen. Viele Betriebe stellen deshalb Fachkräfte aus dem
                Ausland ein – und merken schnell, dass es um mehr geht als einen Arbeitsvertrag:
                um die Anerkennung des Abschlusses, das Visum, Sprachkurse, eine Wohnung und
                darum, dass sich die neuen Kolleginnen und Kollegen und ihre Familien in der
                Region willkommen fühlen.""",
            ),
            h3("Anerkennung ausländischer Abschlüsse"),
            p(
                """Wer in einem reglementierten Beruf arbeiten will, etwa in der Pflege, braucht
                die Anerkennung; in vielen anderen Berufen öffnet sie den Weg zum Visum und zu
                einer angemessenen Eingruppierung. Zuständig ist die Stelle am künftigen
                Arbeitsort: Für Berufe aus Industrie und Handel prüft zentral die IHK FOSA in
                Nürnberg, für Handwerksberufe die regionale Handwerkskammer, für reglementierte
                Berufe die nach Landesrecht zuständige Behörde. Die Gebühren legen diese Stellen
                fest; meist liegen sie zwischen 200 und 600 Euro (Stand 2026). In Sachsen berät
                die Informations- und Beratungsstelle Anerkennung Sachsen (IBAS) in Leipzig und
                Chemnitz.""",
            ),
            h3("Westbalkanregelung"),
            p(
                """Für Staatsangehörige Albaniens, Bosnien und Herzegowinas, des Kosovo,
                Montenegros, Nordmazedoniens und Serbiens gibt es einen eigenen Weg: Mit einem
                konkreten Arbeitsplatzangebot können sie nach der Westbalkanregelung auch ohne
                anerkannten Abschluss eine Beschäftigung aufnehmen, wenn die Bundesagentur für
                Arbeit zustimmt. Seit Juni 2024 sind bis zu 50.000 Zustimmungen im Jahr möglich;
                eine Absenkung auf 25.000 ist angekündigt (Quelle: § 26 Abs. 2
                Beschäftigungsverordnung). Fragen Sie vor der Planung nach dem aktuellen
                Stand.""",
            ),
            h3("Ankommen in der Region"),
            p(
                """Welcome Center in Chemnitz, Dresden, im Erzgebirge, in der Region Zwickau, in
                der Sächsischen Schweiz-Osterzgebirge und in Zittau, das Willkommenszentrum
                Leipzig und das Welcome-Team Görlitz-Zgorzelec helfen internationalen
                Fachkräften und ihren Familien bei Behördengängen, Wohnungssuche, Kita und
                Schule. Die Beratungsstellen von „Faire Integration“ informieren über Rechte am
                Arbeitsplatz. Der Lotsendienst des Zentrums sagt Ihnen, welche Stelle in Ihrem
                Landkreis weiterhilft.""",
            ),
            callout(
                "Förderung für Unternehmen",
                """Ein sächsisches Förderprogramm für Unternehmensberatungen hat ein eigenes
                Modul für Betriebe, die Fachkräfte aus Staaten außerhalb der Europäischen Union
                gewinnen wollen (für Beratungsverträge ab dem 1. Juli 2024). Der Lotsendienst
                nennt Ihnen die Ansprechpartner.""",
            ),
            links(
                "Weiterführende Informationen",
                (
                    "Anerkennung in Deutschland – Informationsportal der Bundesregierung",
                    "https://www.anerkennung-in-deutschland.de",
                ),
                ("IHK FOSA – Anerkennung für IHK-Berufe", "https://www.ihk-fosa.de"),
                (
                    "Make it in Germany – Portal für Fachkräfte",
                    "https://www.make-it-in-germany.com",
                ),
            ),
        ],
        "en": [
            h("Recruiting and retaining international skilled workers"),
            p(
                """The number of people of working age in Saxony is falling sharply: by about
                150,000 by 2030 and by about 210,000 by 2035 (source: Saxon State Ministry for
                Economic Affairs, Labour and Transport, 2022). This gap cannot be closed without
                immigration. Many companies therefore hire skilled workers from abroad – and
                soon find that it takes more than an employment contract: recognition of the
                qualification, the visa, language courses, a flat, and making sure that the new
                colleagues and their families feel welcome in the region.""",
            ),
            h3("Recognition of foreign qualifications"),
            p(
                """Anyone who wants to work in a regulated profession, such as nursing, needs
                recognition; in many other occupations it opens the way to a visa and to
                appropriate pay. The authority at the future place of work is responsible: IHK
                FOSA in Nuremberg decides centrally for occupations in industry and commerce,
                the regional chamber of crafts for craft occupations, and the authority
                designated by state law for regulated professions. These bodies set the fees;
                they are usually between 200 and 600 euros (as of 2026). In Saxony, the
                recognition advice centre IBAS (Informations- und Beratungsstelle Anerkennung
                Sachsen) advises in Leipzig and Chemnitz.""",
            ),
            h3("Western Balkans regulation"),
            p(
                """Nationals of Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North
                Macedonia and Serbia have a route of their own: with a concrete job offer they
                can take up employment under the Western Balkans regulation even without a
                recognised qualification, if the Federal Employment Agency approves. Since June
                2024 up to 50,000 approvals a year have been possible; a cut to 25,000 has been
                announced (source: section 26(2) of the Employment Ordinance, BeschV). Check the
                current status before you plan.""",
            ),
            h3("Settling in the region"),
            p(
                """Welcome centres in Chemnitz, Dresden, the Erzgebirge, the Zwickau region,
                Saxon Switzerland-Eastern Ore Mountains and Zittau, the Leipzig welcome centre
                and the Görlitz-Zgorzelec welcome team help international skilled workers and
                their families with authorities, finding a flat, childcare and school. The
                advice centres of “Faire Integration” inform workers about their rights at work.
                The centre's desk tells you which organisation can help in your district.""",
            ),
            callout(
                "Funding for companies",
                """A Saxon funding programme for business consulting has a module of its own for
                companies that want to recruit skilled workers from outside the European Union
                (for consulting contracts from 1 July 2024). The desk can tell you whom to
                contact.""",
            ),
            links(
                "Further information",
                (
                    "Recognition in Germany – the federal government's information portal",
                    "https://www.anerkennung-in-deutschland.de",
                ),
                ("IHK FOSA – recognition for IHK occupations", "https://www.ihk-fosa.de"),
                (
                    "Make it in Germany – portal for skilled workers",
                    "https://www.make-it-in-germany.com",
                ),
            ),
        ],
    },
    "ausbildung-weiterbildung": {
        "de": [
            h("Fachkräfte selbst ausbilden und weiterentwickeln"),
            p(
                """Die verlässlichste Fachkraft ist oft die, die im eigenen Betrieb gelernt hat.
                Die duale Berufsausbildung verbindet das Lernen im Betrieb mit der Berufsschule
                und dauert je nach Beruf zwei bis dreieinhalb Jahre. Die Industrie- und
                Handelskammern und die Handwerkskammern beraten Betriebe, die zum ersten Mal
                ausbilden wollen, und stellen fest, ob sie dafür geeignet sind.""",
            ),
            h3("Mindestausbildungsvergütung"),
            p(
                """Wer 2026 eine Ausbildung beginnt, erhält im ersten Jahr mindestens 724 Euro im
                Monat, im zweiten 854 Euro, im dritten 977 Euro und im vierten 1.014 Euro.
                Maßgeblich ist das Jahr, in dem die Ausbildung beginnt; die Beträge gelten dann
                für die gesamte Ausbildung. Gilt für den Betrieb ein Tarifvertrag, geht dessen
                Vergütung vor. Ein Betrieb ohne Tarifbindung darf die tarifliche Vergütung
                seiner Branche um höchstens 20 Prozent unterschreiten (Quelle: § 17
                Berufsbildungsgesetz; Bundesinstitut für Berufsbildung).""",
            ),
            h3("Verbundausbildung"),
            p(
                """Nicht jeder Betrieb kann alle Inhalte eines Ausbildungsberufs selbst
                vermitteln, etwa weil er spezialisiert ist oder eine Anlage fehlt. In einer
                Verbundausbildung bilden mehrere Betriebe gemeinsam aus: Ein Stammbetrieb
                schließt den Ausbildungsvertrag, Partnerbetriebe oder ein Bildungsträger
                übernehmen einzelne Abschnitte. Das Berufsbildungsgesetz lässt das ausdrücklich
                zu, wenn die Verantwortung für jeden Abschnitt geklärt ist (§ 10 Abs. 5 BBiG).
                So können auch kleine und spezialisierte Betriebe ausbilden.""",
            ),
            h3("Teilqualifizierung und Weiterbildung"),
            p(
                """Für Erwachsene ohne Berufsabschluss gibt es die Teilqualifizierung: Ein
                anerkannter Ausbildungsberuf wird in Module aufgeteilt, die nacheinander gelernt
                und jeweils mit einem Zertifikat abgeschlossen werden. Wer alle Module
                geschafft hat, kann in vielen Fällen als externer Prüfling zur Abschlussprüfung
                vor der Kammer zugelassen werden (§ 45 Abs. 2 BBiG). Die Agenturen für Arbeit
                und die Jobcenter können Teilqualifizierungen und andere Weiterbildungen fördern
                – für Arbeitsuchende ebenso wie für Beschäftigte, deren Arbeit sich
                wandelt.""",
            ),
            callout(
                "Gut zu wissen",
                """Ausbildung, Verbundausbildung und Weiterbildung lassen sich kombinieren: Ein
                Betrieb kann etwa eigene Beschäftigte ohne Abschluss über eine Teilqualifizierung
                zur Fachkraft entwickeln und zugleich im Verbund Auszubildende gewinnen. Der
                Lotsendienst bringt Sie mit den Kammern und Bildungsträgern Ihrer Region
                zusammen.""",
            ),
            links(
                "Weiterführende Informationen",
                ("Bundesinstitut für Berufsbildung (BIBB)", "https://www.bibb.de"),
                (
                    "BERUFENET – Berufsinformationen der Bundesagentur für Arbeit",
                    "https://web.arbeitsagentur.de/berufenet/",
                ),
            ),
        ],
        "en": [
            h("Training and developing your own skilled workers"),
            p(
                """The most reliable skilled worker is often the one who learned the trade in
                your own company. Dual vocational training combines learning in the company with
                vocational school and takes two to three and a half years, depending on the
                occupation. The chambers of industry and commerce and the chambers of crafts
                advise companies that want to train for the first time and establish whether
                they are suitable.""",
            ),
            h3("Minimum trainee pay"),
            p(
                """Trainees who start in 2026 receive at least 724 euros a month in the first
                year, 854 euros in the second, 977 euros in the third and 1,014 euros in the
                fourth. What counts is the year in which training starts; the amounts then apply
                for the whole training. If a collective agreement applies to the company, its
                pay takes precedence. A company not bound by an agreement may pay at most 20 per
                cent less than the collectively agreed rate of its sector (source: section 17 of
                the Vocational Training Act, BBiG; Federal Institute for Vocational Education
                and Training, BIBB).""",
            ),
            h3("Joint training"),
            p(
                """Not every company can teach all the content of an occupation itself, for
                example because it is specialised or lacks certain equipment. In joint training
                (Verbundausbildung), several companies train together: a lead company signs the
                training contract, and partner companies or an education provider take over
                individual stages. The Vocational Training Act expressly allows this, provided
                responsibility for each stage is clear (section 10(5) BBiG). This way, small and
                specialised companies can train too.""",
            ),
            h3("Partial qualifications and further training"),
            p(
                """For adults without a vocational qualification there are partial
                qualifications (Teilqualifizierung): a recognised occupation is divided into
                modules that are learned one after the other, each completed with a
                certificate. Those who have completed all modules can in many cases be admitted
                to the chamber's final examination as external candidates (section 45(2) BBiG).
                Employment agencies and job centres can fund partial qualifications and other
                further training – for jobseekers as well as for employees whose work is
                changing.""",
            ),
            callout(
                "Good to know",
                """Training, joint training and further training can be combined: a company
                can, for example, develop its own employees without a qualification into
                skilled workers through partial qualifications while recruiting trainees in a
                joint training scheme. The desk puts you in touch with the chambers and
                education providers in your region.""",
            ),
            links(
                "Further information",
                (
                    "Federal Institute for Vocational Education and Training (BIBB)",
                    "https://www.bibb.de",
                ),
                (
                    "BERUFENET – occupational information of the Federal Employment Agency",
                    "https://web.arbeitsagentur.de/berufenet/",
                ),
            ),
        ],
    },
    "gute-arbeitsbedingungen": {
        "de": [
            h("Was gute Arbeit ausmacht"),
            p(
                """Fachkräfte können heute oft wählen, wo sie arbeiten. Sie entscheiden sich für
                Arbeitgeber, die fair bezahlen, verlässliche und familienfreundliche
                Arbeitszeiten bieten, ihre Beschäftigten mitreden lassen und gut führen. Gute
                Arbeitsbedingungen sind deshalb kein Zusatz, sondern der Kern jeder
                Fachkräftestrategie: Sie helfen, neue Beschäftigte zu gewinnen, und sie halten
                die erfahrenen im Betrieb.""",
            ),
            h3("Faire Bezahlung"),
            p(
                """Die Untergrenze ist der gesetzliche Mindestlohn. Seit dem 1. Januar 2026
                beträgt er 13,90 Euro brutto je Stunde, ab dem 1. Januar 2027 14,60 Euro
                (Quelle: Mindestlohngesetz und Fünfte Mindestlohnanpassungsverordnung). In
                mehreren Branchen liegen Branchenmindestlöhne darüber. Tarifverträge gehen
                weiter: Sie regeln Entgeltgruppen, Zuschläge, Urlaub und Arbeitszeit und geben
                Betrieben wie Beschäftigten Planungssicherheit.""",
            ),
            h3("Arbeitszeit, Familie und Mitbestimmung"),
            p(
                """Planbare Dienste, Teilzeit, die auch Führungsaufgaben zulässt, Rücksicht auf
                Kinderbetreuung und die Pflege von Angehörigen: Gerade kleine Betriebe finden
                hier oft pragmatische Lösungen. Wo Beschäftigte über einen Betriebsrat oder auf
                anderem Weg mitreden, werden solche Lösungen tragfähiger. Auch der Anfang zählt:
                Die wesentlichen Arbeitsbedingungen schriftlich festzuhalten, schreibt das
                Nachweisgesetz ohnehin vor – es ist zugleich ein Zeichen von
                Verlässlichkeit.""",
            ),
            h3("Beratung im Netzwerk"),
            p(
                """Arbeit und Leben Sachsen und die Beratungsstellen von „Faire Integration“
                informieren Beschäftigte, auch aus dem Ausland, über ihre Rechte am Arbeitsplatz.
                Unternehmen finden im Netzwerk Beratung zu Personalentwicklung,
                Arbeitszeitmodellen und Führung. Der Lotsendienst nennt Ihnen die passende
                Stelle.""",
            ),
            callout(
                "Stand der Zahlen",
                """Die Beträge auf dieser Seite haben den Stand 22. November 2026. Ob für Ihre
                Branche ein höherer Branchenmindestlohn gilt, beantwortet die Tarifauskunft.""",
            ),
        ],
        "en": [
            h("What makes work good"),
            p(
                """Skilled workers can often choose where they work today. They choose employers
                who pay fairly, offer reliable and family-friendly working hours, let their
                employees have a say and lead well. Good working conditions are therefore not an
                extra but the core of any strategy to secure skilled labour: they help to
                recruit new employees and they keep experienced ones.""",
            ),
            h3("Fair pay"),
            p(
                """The floor is the statutory minimum wage. Since 1 January 2026 it has been
                13.90 euros gross per hour; from 1 January 2027 it will be 14.60 euros (source:
                Minimum Wage Act and Fifth Minimum Wage Adjustment Ordinance). In several
                sectors, sector minimum wages are higher. Collective agreements go further: they
                set pay grades, supplements, holidays and working time and give companies and
                employees certainty for planning.""",
            ),
            h3("Working time, family and co-determination"),
            p(
                """Predictable shifts, part-time work that still allows leadership roles,
                consideration for childcare and caring for relatives: small companies in
                particular often find pragmatic solutions here. Where employees have a say,
                through a works council or in other ways, such solutions last longer. The start
                matters too: the Verification Act (Nachweisgesetz) already requires the
                essential working conditions to be set down in writing – and doing so is also a
                sign of reliability.""",
            ),
            h3("Advice in the network"),
            p(
                """Arbeit und Leben Sachsen and the advice centres of “Faire Integration” inform
                employees, including those from abroad, about their rights at work. Companies
                find advice in the network on staff development, working-time models and
                leadership. The desk tells you which organisation is right for you.""",
            ),
            callout(
                "Date of the figures",
                """The amounts on this page are as of 22 November 2026. Whether a higher sector
                minimum wage applies to your sector is answered by the collective agreements
                service.""",
            ),
        ],
    },
    "arbeits-gesundheitsschutz": {
        "de": [
            h("Sicher und gesund arbeiten"),
            p(
                """Wer gesund bleibt, bleibt im Beruf. Bei älter werdenden Belegschaften ist das
                eine Frage der Fachkräftesicherung: Jede Fachkraft, die wegen Verschleiß, Unfall
                oder Überlastung früher aufhört, fehlt und ist schwer zu ersetzen. Arbeits- und
                Gesundheitsschutz ist deshalb mehr als eine Pflicht; er erhält die Arbeitskraft
                und macht einen Betrieb als Arbeitgeber attraktiv.""",
            ),
            h3("Die Gefährdungsbeurteilung"),
            p(
                """Grundlage ist die Gefährdungsbeurteilung nach § 5 Arbeitsschutzgesetz: Jeder
                Arbeitgeber ermittelt, welchen Gefährdungen seine Beschäftigten ausgesetzt sind,
                und legt Maßnahmen dagegen fest – ausdrücklich auch für psychische Belastungen,
                etwa durch Zeitdruck, ständige Unterbrechungen oder Schichtarbeit. Unterstützung
                bieten die Fachkraft für Arbeitssicherheit, die Betriebsärztin oder der
                Betriebsarzt, die Berufsgenossenschaften und Unfallkassen sowie die staatliche
                Arbeitsschutzverwaltung.""",
            ),
            h3("Gesundheitsförderung und Wiedereingliederung"),
            p(
                """Die Krankenkassen unterstützen Betriebe bei der betrieblichen
                Gesundheitsförderung (§ 20b SGB V), zum Beispiel mit Analysen, Workshops oder
                Kursen. Leistungen des Arbeitgebers zur Gesundheitsförderung sind bis zu 600 Euro
                je Beschäftigten und Jahr steuerfrei (§ 3 Nr. 34 Einkommensteuergesetz). Sind
                Beschäftigte innerhalb eines Jahres länger als sechs Wochen arbeitsunfähig,
                bietet der Arbeitgeber ein betriebliches Eingliederungsmanagement an (§ 167
                Abs. 2 SGB IX): ein strukturiertes Gespräch darüber, wie die Rückkehr gelingt und
                wie erneute Ausfälle vermieden werden.""",
            ),
            callout(
                "Für kleine Betriebe",
                """Kleine Betriebe können die sicherheitstechnische und betriebsärztliche
                Betreuung oft in einem vereinfachten Modell organisieren, bei dem sich die
                Inhaberin oder der Inhaber selbst schulen lässt. Die zuständige
                Berufsgenossenschaft berät dazu; der Lotsendienst hilft, sie zu finden.""",
            ),
        ],
        "en": [
            h("Working safely and healthily"),
            p(
                """People who stay healthy stay in work. With ageing workforces, this is a
                question of securing skilled labour: every skilled worker who stops early
                because of wear and tear, an accident or overload is missed and hard to replace.
                Occupational health and safety is therefore more than a duty; it preserves the
                capacity to work and makes a company an attractive employer.""",
            ),
            h3("The risk assessment"),
            p(
                """The basis is the risk assessment under section 5 of the Occupational Safety
                and Health Act (ArbSchG): every employer determines which hazards its employees
                are exposed to and sets measures against them – expressly including
                psychological strain, for example from time pressure, constant interruptions or
                shift work. Support comes from the occupational safety specialist, the company
                doctor, the statutory accident insurance institutions (Berufsgenossenschaften
                and Unfallkassen) and the state occupational safety authorities.""",
            ),
            h3("Health promotion and return to work"),
            p(
                """Health insurance funds support companies with workplace health promotion
                (section 20b of Social Code Book V), for example with analyses, workshops or
                courses. Employer benefits for health promotion are tax-free up to 600 euros per
                employee and year (section 3 no. 34 of the Income Tax Act). If employees are
                unfit for work for more than six weeks within one year, the employer offers
                occupational reintegration management (section 167(2) of Social Code Book IX): a
                structured conversation on how the return can succeed and how further absences
                can be avoided.""",
            ),
            callout(
                "For small companies",
                """Small companies can often organise their occupational safety and company
                medical care in a simplified model in which the owner takes part in training.
                The responsible accident insurance institution advises on this; the desk helps
                you find it.""",
            ),
        ],
    },
    "tarifvertraege": {
        "de": [
            h("Tarifverträge in Sachsen"),
            p(
                """Tarifverträge regeln Löhne und Gehälter, Arbeitszeit, Urlaub und vieles mehr.
                Eine Gewerkschaft schließt sie entweder mit einem Arbeitgeberverband für eine
                ganze Branche (Branchen- oder Flächentarifvertrag) oder mit einem einzelnen
                Arbeitgeber (Firmen- oder Haustarifvertrag). Unmittelbar gelten sie zunächst nur
                für die Mitglieder der Tarifvertragsparteien; viele Arbeitgeber wenden sie aber
                freiwillig an oder verweisen im Arbeitsvertrag darauf. Bundesweit waren Anfang
                2024 mehr als 87.000 Tarifverträge gültig; 2023 kamen 7.201 neu hinzu, davon
                4.834 Firmentarifverträge (Quelle: Tarifregister des Bundesministeriums für
                Arbeit und Soziales).""",
            ),
            h3("Allgemeinverbindlichkeit und Branchenmindestlöhne"),
            p(
                """Wird ein Tarifvertrag für allgemeinverbindlich erklärt (§ 5
                Tarifvertragsgesetz), gilt er für alle Arbeitgeber und Beschäftigten in seinem
                Geltungsbereich, auch ohne Mitgliedschaft im Verband. Auf ähnlichem Weg, durch
                eine Rechtsverordnung nach dem Arbeitnehmer-Entsendegesetz, entstehen
                Branchenmindestlöhne. Ein Antrag auf Allgemeinverbindlichkeit hat nicht immer
                Erfolg: Für das sächsische Sicherheitsgewerbe wurde ein Antrag (Bundesanzeiger
                vom 8.2.2023) abgelehnt, weil der Tarifausschuss keine Mehrheit fand. Das
                sächsische Friseurhandwerk hat seit Ende 2014 keinen allgemeinverbindlichen
                Tarifvertrag mehr (Quelle: Verzeichnis der allgemeinverbindlichen Tarifverträge
                des BMAS, Stand 1.10.2025).""",
            ),
            callout(
                "Branchenmindestlöhne in Sachsen – eine Auswahl (Stand: 22.11.2026)",
                ul(
                    """Elektrohandwerke: 14,93 Euro (2026), 15,49 Euro (2027) –
                    allgemeinverbindlicher Tarifvertrag, Bundesanzeiger vom 30.12.2024""",
                    """Dachdeckerhandwerk: 14,96 Euro (Mindestlohn 1) und 16,60 Euro
                    (Mindestlohn 2) ab 1.1.2026 – 13. Verordnung über zwingende
                    Arbeitsbedingungen im Dachdeckerhandwerk, gültig bis 31.12.2028""",
                    """Gebäudereinigung: 15,00 Euro (Lohngruppe 1) und 18,40 Euro (Lohngruppe 6)
                    ab 1.1.2026 – 10. Verordnung über zwingende Arbeitsbedingungen in der
                    Gebäudereinigung, gültig bis 31.12.2026""",
                    """Maler- und Lackiererhandwerk, Gesellinnen und Gesellen: 15,55 Euro, ab
                    1.7.2026 16,13 Euro – 12. Verordnung über zwingende Arbeitsbedingungen im
                    Maler- und Lackiererhandwerk, gültig bis 30.6.2027""",
                ),
                """Quellen: die genannten Verordnungen und Bekanntmachungen im Bundesanzeiger.
                Maßgeblich ist allein deren amtlicher Text.""",
            ),
            h3("Das Tarifregister Sachsen"),
            p(
                f"""Das Zentrum führt das Tarifregister des Freistaates Sachsen. Die
                {a("/tarifauskunft/", "Tarifauskunft")} sagt Ihnen, ob für eine Branche ein
                Tarifvertrag besteht, was er zu einzelnen Punkten regelt und ob er
                allgemeinverbindlich ist – immer mit dem Stand der Daten und bezogen auf den Tag,
                nach dem Sie fragen. Vollständige Vertragstexte, Haustarifverträge einzelner
                Unternehmen und eine Rechtsberatung im Einzelfall gehören nicht dazu.""",
            ),
        ],
        "en": [
            h("Collective agreements in Saxony"),
            p(
                """Collective agreements set wages and salaries, working time, holidays and much
                more. A trade union concludes them either with an employers' association for a
                whole sector (sector agreement) or with a single employer (company agreement).
                At first they apply directly only to members of the parties; but many employers
                apply them voluntarily or refer to them in the employment contract. At the start
                of 2024, more than 87,000 collective agreements were valid in Germany; 7,201 new
                ones were registered in 2023, 4,834 of them company agreements (source: register
                of collective agreements of the Federal Ministry of Labour and Social
                Affairs).""",
            ),
            h3("General applicability and sector minimum wages"),
            p(
                """If an agreement is declared generally binding (section 5 of the Collective
                Agreements Act, TVG), it applies to all employers and employees within its
                scope, whether or not they are members of an association. Sector minimum wages
                come about in a similar way, by ordinance under the Posted Workers Act (AEntG).
                An application for general applicability does not always succeed: an application
                for the Saxon security services sector (Federal Gazette of 8 February 2023) was
                rejected because the collective bargaining committee reached no majority. The
                Saxon hairdressing trade has had no generally binding agreement since the end of
                2014 (source: list of generally binding collective agreements of the Federal
                Ministry of Labour and Social Affairs, as of 1 October 2025).""",
            ),
            callout(
                "Sector minimum wages in Saxony – a selection (as of 22 November 2026)",
                ul(
                    """Electrical trades: 14.93 euros (2026), 15.49 euros (2027) – generally
                    binding agreement, Federal Gazette of 30 December 2024""",
                    """Roofing trade: 14.96 euros (minimum wage 1) and 16.60 euros (minimum wage
                    2) from 1 January 2026 – 13th ordinance on mandatory working conditions in
                    the roofing trade, valid until 31 December 2028""",
                    """Building cleaning: 15.00 euros (pay group 1) and 18.40 euros (pay group 6)
                    from 1 January 2026 – 10th ordinance on mandatory working conditions in
                    building cleaning, valid until 31 December 2026""",
                    """Painting and varnishing trade, journeymen: 15.55 euros, from 1 July 2026
                    16.13 euros – 12th ordinance on mandatory working conditions in the painting
                    and varnishing trade, valid until 30 June 2027""",
                ),
                """Sources: the ordinances and notices in the Federal Gazette named above. Only
                their official text is authoritative.""",
            ),
            h3("The Saxon register of collective agreements"),
            p(
                f"""The centre keeps the register of collective agreements of the Free State of
                Saxony. The {a("/en/tarifauskunft/", "collective agreements service")} tells you
                whether an agreement exists for a sector, what it says on individual points and
                whether it is generally binding – always with the date of the data and for the
                day you are asking about. Full texts, company agreements of individual employers
                and individual legal advice are not part of the service.""",
            ),
        ],
    },
}

DEMO_ARTICLE_DE = (
    "Dieser Beitrag ist ein Demo-Inhalt: Betriebe, Personen und Zahlen sind erfunden und dienen "
    "nur dazu, Lotse vorzuführen."
)
DEMO_ARTICLE_EN = (
    "This article is demo content: companies, people and figures are invented and only serve "
    "to demonstrate Lotse."
)

# Knowledge articles. Topic fields and target groups are slugs from lotse/core/data/*.csv.
ARTICLES: dict[str, dict] = {
    "mindestlohn-2026": {
        "date": "2026-01-02",
        "topic_fields": ["gute-arbeitsbedingungen", "tarifvertraege"],
        "target_groups": ["unternehmen", "beschaeftigte"],
        "title": {
            "de": "Mindestlohn steigt auf 13,90 Euro",
            "en": "Minimum wage rises to 13.90 euros",
        },
        "summary": {
            "de": (
                "Seit 1. Januar 2026 gelten 13,90 Euro je Stunde, 2027 folgen 14,60 Euro. Was "
                "Betriebe jetzt prüfen sollten – von Minijobs bis Branchenmindestlöhnen."
            ),
            "en": (
                "Since 1 January 2026 the rate is 13.90 euros an hour, with 14.60 euros to "
                "follow in 2027. What employers should check now – from mini-jobs to sector "
                "minimum wages."
            ),
        },
        "body": {
            "de": [
                p(
                    """Seit dem 1. Januar 2026 beträgt der gesetzliche Mindestlohn 13,90 Euro
                    brutto je Stunde, 1,08 Euro mehr als 2025. Am 1. Januar 2027 folgt der
                    nächste Schritt auf 14,60 Euro. Grundlage ist die Fünfte
                    Mindestlohnanpassungsverordnung, die das Bundeskabinett am 29. Oktober 2025
                    beschlossen hat; sie folgt dem Vorschlag der Mindestlohnkommission (Quelle:
                    Mindestlohngesetz, Fünfte Mindestlohnanpassungsverordnung).""",
                ),
                h("Was Betriebe jetzt prüfen sollten"),
                p(
                    ul(
                        """<b>Stundenlöhne:</b> Liegt ein vereinbarter Lohn unter 13,90 Euro,
                        muss er angehoben werden – auch bei Aushilfen und in der Probezeit.""",
                        """<b>Minijobs:</b> Die Verdienstgrenze ist an den Mindestlohn gekoppelt
                        und liegt 2026 bei 603 Euro im Monat (Quelle: § 8 Abs. 1a SGB IV:
                        Mindestlohn × 130 ÷ 3, auf volle Euro aufgerundet). Wer mehr als den
                        Mindestlohn zahlt, sollte die Stundenzahl prüfen.""",
                        """<b>Branchenmindestlöhne:</b> In einigen Branchen gelten höhere
                        Untergrenzen, in den Elektrohandwerken zum Beispiel 14,93 Euro (2026).
                        Auskunft gibt die Tarifauskunft des Zentrums.""",
                        """<b>Arbeitszeit aufzeichnen:</b> Für Minijobs und in bestimmten
                        Branchen müssen Beginn, Ende und Dauer der täglichen Arbeitszeit
                        aufgezeichnet werden (§ 17 Mindestlohngesetz).""",
                    ),
                ),
                h("Ausnahmen"),
                p(
                    """Der Mindestlohn gilt nicht für Auszubildende – für sie gilt die
                    Mindestausbildungsvergütung –, nicht für Jugendliche unter 18 Jahren ohne
                    abgeschlossene Berufsausbildung und nicht für bestimmte Pflichtpraktika.
                    Langzeitarbeitslose können in den ersten sechs Monaten einer neuen
                    Beschäftigung ausgenommen sein (§ 22 Mindestlohngesetz).""",
                ),
                callout(
                    "Für Beschäftigte",
                    """Wer weniger als den Mindestlohn erhält, kann sich an die Finanzkontrolle
                    Schwarzarbeit des Zolls wenden. Gewerkschaften und die Beratungsstellen von
                    „Faire Integration“ beraten zu den eigenen Rechten.""",
                ),
            ],
            "en": [
                p(
                    """Since 1 January 2026 the statutory minimum wage has been 13.90 euros gross
                    per hour, 1.08 euros more than in 2025. On 1 January 2027 the next step
                    follows, to 14.60 euros. The basis is the Fifth Minimum Wage Adjustment
                    Ordinance adopted by the federal cabinet on 29 October 2025; it follows the
                    proposal of the Minimum Wage Commission (source: Minimum Wage Act, Fifth
                    Minimum Wage Adjustment Ordinance).""",
                ),
                h("What employers should check now"),
                p(
                    ul(
                        """<b>Hourly wages:</b> if an agreed wage is below 13.90 euros, it must
                        be raised – for temporary staff and during probation too.""",
                        """<b>Mini-jobs:</b> the earnings limit is linked to the minimum wage and
                        is 603 euros a month in 2026 (source: section 8(1a) of Social Code Book
                        IV: minimum wage × 130 ÷ 3, rounded up to full euros). If you pay more
                        than the minimum wage, check the number of hours.""",
                        """<b>Sector minimum wages:</b> some sectors have higher floors, for
                        example 14.93 euros in the electrical trades (2026). The centre's
                        collective agreements service can tell you more.""",
                        """<b>Recording working time:</b> for mini-jobs and in certain sectors,
                        the start, end and duration of daily working time must be recorded
                        (section 17 of the Minimum Wage Act).""",
                    ),
                ),
                h("Exceptions"),
                p(
                    """The minimum wage does not apply to trainees – the minimum trainee pay
                    applies to them –, to young people under 18 without a completed vocational
                    qualification, or to certain mandatory internships. Long-term unemployed
                    people can be exempted during the first six months of a new job (section 22
                    of the Minimum Wage Act).""",
                ),
                callout(
                    "For employees",
                    """If you are paid less than the minimum wage, you can contact the customs
                    service's Financial Control of Undeclared Work (Finanzkontrolle
                    Schwarzarbeit). Trade unions and the advice centres of “Faire Integration”
                    advise you on your rights.""",
                ),
            ],
        },
    },
    "mindestausbildungsverguetung-2026": {
        "date": "2026-02-10",
        "topic_fields": ["ausbildung-weiterbildung", "tarifvertraege"],
        "target_groups": ["unternehmen", "auszubildende"],
        "title": {
            "de": "Mindestausbildungsvergütung 2026: 724 Euro im ersten Jahr",
            "en": "Minimum trainee pay 2026: 724 euros in the first year",
        },
        "summary": {
            "de": (
                "Für einen Ausbildungsbeginn 2026 gelten neue Mindestbeträge. Entscheidend ist "
                "das Jahr, in dem die Ausbildung beginnt."
            ),
            "en": (
                "New minimum amounts apply to training that starts in 2026. What counts is the "
                "year in which training begins."
            ),
        },
        "body": {
            "de": [
                p(
                    """Wer 2026 eine Berufsausbildung beginnt, hat Anspruch auf mindestens diese
                    Vergütung im Monat (Quelle: § 17 Berufsbildungsgesetz; Bundesinstitut für
                    Berufsbildung):""",
                    ul(
                        "1. Ausbildungsjahr: 724 Euro",
                        "2. Ausbildungsjahr: 854 Euro",
                        "3. Ausbildungsjahr: 977 Euro",
                        "4. Ausbildungsjahr: 1.014 Euro",
                    ),
                    """Zum Vergleich: Bei einem Beginn im Jahr 2025 sind es 682, 805, 921 und
                    955 Euro.""",
                ),
                h("Das Jahr des Ausbildungsbeginns zählt"),
                p(
                    """Die Mindestbeträge richten sich nach dem Kalenderjahr, in dem die
                    Ausbildung beginnt, und gelten für die gesamte Ausbildung. Wer also im
                    August 2025 angefangen hat, erhält im zweiten Ausbildungsjahr ab August 2026
                    mindestens 805 Euro – nicht 854 Euro. Die Beträge für einen Beginn im Jahr
                    2027 werden bis spätestens 1. November 2026 bekanntgegeben.""",
                ),
                h("Tarifvertrag geht vor"),
                p(
                    """Gilt für den Betrieb ein Tarifvertrag, ist die dort vereinbarte Vergütung
                    maßgeblich. Betriebe ohne Tarifbindung zahlen eine angemessene Vergütung:
                    Sie darf die tarifliche Vergütung der Branche um höchstens 20 Prozent
                    unterschreiten und nie unter der Mindestausbildungsvergütung liegen. Ob es
                    für Ihre Branche in Sachsen einen Tarifvertrag gibt, beantwortet die
                    Tarifauskunft.""",
                ),
                callout(
                    "Für Auszubildende",
                    """Ihre Vergütung muss im Ausbildungsvertrag stehen. Bei Fragen helfen die
                    Ausbildungsberaterinnen und Ausbildungsberater der Kammern sowie die
                    Jugendorganisationen der Gewerkschaften.""",
                ),
            ],
            "en": [
                p(
                    """Anyone starting vocational training in 2026 is entitled to at least this
                    monthly pay (source: section 17 of the Vocational Training Act; Federal
                    Institute for Vocational Education and Training):""",
                    ul(
                        "1st year of training: 724 euros",
                        "2nd year of training: 854 euros",
                        "3rd year of training: 977 euros",
                        "4th year of training: 1,014 euros",
                    ),
                    """For comparison: for a start in 2025 the amounts are 682, 805, 921 and 955
                    euros.""",
                ),
                h("The year training starts is what counts"),
                p(
                    """The minimum amounts depend on the calendar year in which training starts
                    and apply for the whole training. So anyone who started in August 2025
                    receives at least 805 euros in the second year from August 2026 – not 854
                    euros. The amounts for a start in 2027 will be announced by 1 November 2026
                    at the latest.""",
                ),
                h("Collective agreements take precedence"),
                p(
                    """If a collective agreement applies to the company, the pay agreed there is
                    decisive. Companies not bound by an agreement pay appropriate remuneration: it
                    may be at most 20 per cent below the collectively agreed rate of the sector
                    and never below the minimum trainee pay. Whether there is an agreement for
                    your sector in Saxony is answered by the collective agreements service.""",
                ),
                callout(
                    "For trainees",
                    """Your pay must be stated in your training contract. If you have questions,
                    the chambers' training advisers and the trade unions' youth organisations can
                    help.""",
                ),
            ],
        },
    },
    "westbalkanregelung-2026": {
        "date": "2026-03-03",
        "topic_fields": ["integration-fachkraefteeinwanderung"],
        "target_groups": ["unternehmen", "internationale-fachkraefte"],
        "title": {
            "de": "Westbalkanregelung: Was Betriebe 2026 wissen sollten",
            "en": "Western Balkans regulation: what employers should know in 2026",
        },
        "summary": {
            "de": (
                "Beschäftigung ohne anerkannten Abschluss – für Menschen aus sechs Staaten, mit "
                "Zustimmung der Bundesagentur für Arbeit und einem jährlichen Kontingent."
            ),
            "en": (
                "Employment without a recognised qualification – for people from six countries, "
                "with the approval of the Federal Employment Agency and an annual quota."
            ),
        },
        "body": {
            "de": [
                p(
                    """Die Westbalkanregelung ist für viele sächsische Betriebe ein wichtiger Weg,
                    Personal zu gewinnen, etwa im Bau, im Handwerk, in der Gastronomie und in der
                    Logistik. Sie gilt für Staatsangehörige Albaniens, Bosnien und
                    Herzegowinas, des Kosovo, Montenegros, Nordmazedoniens und Serbiens.""",
                ),
                h("Das Besondere"),
                p(
                    """Anders als bei den meisten Wegen der Fachkräfteeinwanderung ist kein
                    anerkannter Berufsabschluss nötig. Voraussetzung ist ein konkretes
                    Arbeitsplatzangebot; die Bundesagentur für Arbeit prüft die
                    Arbeitsbedingungen und muss zustimmen. Das Visum beantragen die künftigen
                    Beschäftigten bei der deutschen Auslandsvertretung in ihrem Heimatland.""",
                ),
                h("Das Kontingent"),
                p(
                    """Seit Juni 2024 können jährlich bis zu 50.000 Zustimmungen erteilt werden.
                    Eine Absenkung auf 25.000 ist angekündigt. Weil die Nachfrage hoch ist,
                    sollten Betriebe früh planen und Wartezeiten einrechnen (Quelle: § 26 Abs. 2
                    Beschäftigungsverordnung; Stand: März 2026).""",
                ),
                h("Nach der Ankunft"),
                p(
                    """Die Westbalkanregelung ersetzt keine gute Einarbeitung. Sprachkurse, eine
                    feste Ansprechperson im Betrieb und Hilfe bei Wohnungssuche und
                    Behördengängen entscheiden mit darüber, ob die neuen Beschäftigten bleiben.
                    Die Welcome Center in den Regionen unterstützen dabei; der Lotsendienst des
                    Zentrums nennt Ihnen die Stelle in Ihrem Landkreis.""",
                ),
            ],
            "en": [
                p(
                    """The Western Balkans regulation is an important way for many Saxon
                    companies to recruit staff, for example in construction, crafts, hospitality
                    and logistics. It applies to nationals of Albania, Bosnia and Herzegovina,
                    Kosovo, Montenegro, North Macedonia and Serbia.""",
                ),
                h("What is special about it"),
                p(
                    """Unlike most routes of skilled immigration, no recognised vocational
                    qualification is required. What is required is a concrete job offer; the
                    Federal Employment Agency checks the working conditions and must approve.
                    The future employees apply for the visa at the German mission in their home
                    country.""",
                ),
                h("The quota"),
                p(
                    """Since June 2024, up to 50,000 approvals can be granted each year. A cut to
                    25,000 has been announced. Because demand is high, companies should plan
                    early and allow for waiting times (source: section 26(2) of the Employment
                    Ordinance; as of March 2026).""",
                ),
                h("After arrival"),
                p(
                    """The regulation does not replace good onboarding. Language courses, a
                    permanent contact person in the company and help with finding a flat and
                    dealing with authorities help decide whether new employees stay. The
                    regional welcome centres support this; the centre's desk tells you which
                    one covers your district.""",
                ),
            ],
        },
    },
    "verbundausbildung-erzgebirge": {
        "date": "2026-04-14",
        "topic_fields": ["ausbildung-weiterbildung"],
        "target_groups": ["unternehmen", "auszubildende", "netzwerkpartner"],
        "title": {
            "de": "Drei Betriebe, ein Ausbildungsplan: Verbundausbildung im Erzgebirge (Demo)",
            "en": "Three companies, one training plan: joint training in the Erzgebirge (demo)",
        },
        "summary": {
            "de": (
                "Ein kleiner Metallbaubetrieb bildet gemeinsam mit zwei Partnern aus. Ein "
                "Beispiel, wie Verbundausbildung in der Praxis aussehen kann (Demo-Beitrag)."
            ),
            "en": (
                "A small metalworking company trains together with two partners. An example of "
                "what joint training can look like in practice (demo article)."
            ),
        },
        "body": {
            "de": [
                callout("Demo-Beitrag", DEMO_ARTICLE_DE, kind="warning"),
                p(
                    """Die Metallbau Beispiel GmbH (Demo) in Annaberg-Buchholz hat acht
                    Beschäftigte und seit Jahren keinen Auszubildenden mehr gehabt. „Uns fehlen
                    die CNC-Maschinen für einen Teil der Ausbildungsinhalte“, sagt Inhaberin
                    Katrin Muster (Demo). Seit September 2025 bildet der Betrieb trotzdem wieder
                    aus: einen Zerspanungsmechaniker, gemeinsam mit zwei Partnern.""",
                ),
                h("Wie der Verbund funktioniert"),
                p(
                    ul(
                        """Der Stammbetrieb schließt den Ausbildungsvertrag, zahlt die Vergütung
                        und bleibt für die gesamte Ausbildung verantwortlich.""",
                        """Ein größerer Partnerbetrieb übernimmt die Abschnitte an CNC-Maschinen,
                        insgesamt rund sechs Monate.""",
                        """Ein Bildungsträger vermittelt Grundlagen der Metallbearbeitung und
                        bereitet auf die Prüfungen vor.""",
                        """Ein Kooperationsvertrag regelt, wer welche Abschnitte übernimmt und wie
                        die Kosten verteilt werden. Die Kammer trägt den Ausbildungsvertrag ein
                        und prüft den Ausbildungsplan.""",
                    ),
                ),
                h("Was es braucht"),
                p(
                    """Das Berufsbildungsgesetz lässt die Verbundausbildung ausdrücklich zu,
                    solange die Verantwortung für jeden Abschnitt geklärt ist (§ 10 Abs. 5
                    BBiG). In der Praxis entscheidet vor allem die Abstimmung: ein gemeinsamer
                    Zeitplan, feste Ansprechpersonen in jedem Betrieb und kurze Wege, wenn etwas
                    nicht rund läuft.""",
                    """Die Kammern beraten Betriebe, die einen Verbund aufbauen wollen, und
                    vermitteln Partner. Der Lotsendienst des Zentrums nennt Ihnen die
                    Ansprechpersonen in Ihrer Region.""",
                ),
            ],
            "en": [
                callout("Demo article", DEMO_ARTICLE_EN, kind="warning"),
                p(
                    """Metallbau Beispiel GmbH (demo) in Annaberg-Buchholz has eight employees
                    and had not had a trainee for years. “We lack the CNC machines for part of
                    the training content,” says owner Katrin Muster (demo). Since September 2025
                    the company has been training again all the same: a cutting machine
                    operator, together with two partners.""",
                ),
                h("How the joint scheme works"),
                p(
                    ul(
                        """The lead company signs the training contract, pays the trainee and
                        remains responsible for the whole training.""",
                        """A larger partner company takes over the stages on CNC machines, about
                        six months in total.""",
                        """An education provider teaches the basics of metalworking and prepares
                        the trainee for the examinations.""",
                        """A cooperation agreement sets out who takes over which stages and how
                        costs are shared. The chamber registers the training contract and checks
                        the training plan.""",
                    ),
                ),
                h("What it takes"),
                p(
                    """The Vocational Training Act expressly allows joint training, as long as
                    responsibility for each stage is clear (section 10(5) BBiG). In practice,
                    coordination is what matters most: a shared schedule, fixed contact persons
                    in each company and short lines of communication when something goes
                    wrong.""",
                    """The chambers advise companies that want to set up a joint scheme and help
                    find partners. The centre's desk can tell you whom to contact in your
                    region.""",
                ),
            ],
        },
    },
    "teilqualifizierung": {
        "date": "2026-05-20",
        "topic_fields": ["ausbildung-weiterbildung"],
        "target_groups": ["arbeitsuchende", "beschaeftigte", "unternehmen"],
        "title": {
            "de": "Schritt für Schritt zum Berufsabschluss: Teilqualifizierung",
            "en": "Step by step to a vocational qualification: partial qualifications",
        },
        "summary": {
            "de": (
                "Wie Erwachsene ohne Berufsabschluss in Modulen zur Fachkraft werden – und wie "
                "Betriebe und Arbeitsagenturen das unterstützen."
            ),
            "en": (
                "How adults without a vocational qualification become skilled workers module by "
                "module – and how companies and employment agencies support this."
            ),
        },
        "body": {
            "de": [
                p(
                    """Viele Menschen arbeiten seit Jahren in einem Beruf, ohne ihn formal gelernt
                    zu haben. Eine Ausbildung von drei Jahren kommt für sie oft nicht in Frage –
                    wegen der Familie, des Einkommens oder weil sie längst mitten im Berufsleben
                    stehen. Die Teilqualifizierung bietet einen anderen Weg.""",
                ),
                h("So funktioniert es"),
                p(
                    """Ein anerkannter Ausbildungsberuf wird in mehrere Module aufgeteilt, die
                    zusammen die Inhalte der Ausbildung abdecken. Jedes Modul dauert einige
                    Monate und endet mit einer Kompetenzfeststellung und einem Zertifikat. Die
                    Module lassen sich nacheinander und mit Pausen absolvieren, auch neben der
                    Arbeit. Wer alle Module abgeschlossen hat, kann in vielen Fällen als
                    externer Prüfling zur Abschlussprüfung vor der Kammer zugelassen werden
                    (§ 45 Abs. 2 Berufsbildungsgesetz) und erwirbt dann denselben Abschluss wie
                    nach einer Ausbildung.""",
                ),
                h("Förderung"),
                p(
                    """Arbeitsuchende können die Teilqualifizierung mit einem Bildungsgutschein
                    der Agentur für Arbeit oder des Jobcenters besuchen. Für Beschäftigte kann
                    die Agentur für Arbeit Lehrgangskosten und, je nach Betriebsgröße, Zuschüsse
                    zum Arbeitsentgelt übernehmen (§ 82 SGB III). Sprechen Sie den
                    Arbeitgeber-Service Ihrer Agentur für Arbeit an.""",
                ),
                callout(
                    "Für Betriebe",
                    """Teilqualifizierung eignet sich gut für Beschäftigte, die Sie bereits
                    kennen und halten wollen: Sie gewinnen eine Fachkraft, ohne jemanden neu
                    suchen zu müssen. Der Lotsendienst nennt Ihnen Bildungsträger in Ihrer
                    Region.""",
                ),
            ],
            "en": [
                p(
                    """Many people have worked in an occupation for years without having formally
                    learned it. Three years of training is often out of the question for them –
                    because of family, income or because they are already well into their
                    working lives. Partial qualifications offer another way.""",
                ),
                h("How it works"),
                p(
                    """A recognised occupation is divided into several modules that together
                    cover the training content. Each module lasts a few months and ends with a
                    skills assessment and a certificate. The modules can be taken one after the
                    other and with breaks, also alongside work. Those who have completed all
                    modules can in many cases be admitted to the chamber's final examination as
                    external candidates (section 45(2) of the Vocational Training Act) and then
                    obtain the same qualification as after regular training.""",
                ),
                h("Funding"),
                p(
                    """Jobseekers can attend partial qualifications with an education voucher
                    (Bildungsgutschein) from the employment agency or job centre. For employees,
                    the employment agency can cover course costs and, depending on company size,
                    pay wage subsidies (section 82 of Social Code Book III). Talk to the employer
                    service of your employment agency.""",
                ),
                callout(
                    "For companies",
                    """Partial qualifications suit employees you already know and want to keep:
                    you gain a skilled worker without having to recruit someone new. The desk
                    can name education providers in your region.""",
                ),
            ],
        },
    },
    "psychische-belastung-gefaehrdungsbeurteilung": {
        "date": "2026-06-16",
        "topic_fields": ["arbeits-gesundheitsschutz", "gute-arbeitsbedingungen"],
        "target_groups": ["unternehmen", "beschaeftigte"],
        "title": {
            "de": "Psychische Belastung gehört in die Gefährdungsbeurteilung",
            "en": "Psychological strain belongs in the risk assessment",
        },
        "summary": {
            "de": (
                "Zeitdruck, Unterbrechungen, Konflikte: Arbeitgeber müssen auch psychische "
                "Belastungen beurteilen. Sieben Schritte, die sich bewährt haben."
            ),
            "en": (
                "Time pressure, interruptions, conflicts: employers must also assess "
                "psychological strain. Seven steps that have proven themselves."
            ),
        },
        "body": {
            "de": [
                p(
                    """Seit 2013 steht es ausdrücklich im Arbeitsschutzgesetz: Eine Gefährdung
                    kann sich auch aus psychischen Belastungen bei der Arbeit ergeben (§ 5
                    Abs. 3 Nr. 6 ArbSchG). Jeder Arbeitgeber muss sie deshalb in der
                    Gefährdungsbeurteilung berücksichtigen – unabhängig von der Größe des
                    Betriebs. Gemeint ist nicht die seelische Verfassung einzelner Menschen,
                    sondern die Gestaltung der Arbeit: Arbeitsinhalt, Arbeitsorganisation,
                    soziale Beziehungen und Arbeitsumgebung.""",
                ),
                h("In sieben Schritten"),
                p(
                    """Die Gemeinsame Deutsche Arbeitsschutzstrategie (GDA) empfiehlt diese
                    Schritte:""",
                    "<ol>"
                    "<li>Tätigkeiten und Bereiche festlegen</li>"
                    "<li>Psychische Belastungen ermitteln</li>"
                    "<li>Belastungen beurteilen</li>"
                    "<li>Maßnahmen entwickeln und umsetzen</li>"
                    "<li>Wirksamkeit überprüfen</li>"
                    "<li>Aktualisieren und fortschreiben</li>"
                    "<li>Dokumentieren</li>"
                    "</ol>",
                    """Für die Ermittlung gibt es erprobte Verfahren: moderierte Workshops mit den
                    Beschäftigten, kurze Fragebögen oder Beobachtungsinterviews am
                    Arbeitsplatz. Entscheidend ist, dass die Beschäftigten beteiligt werden und
                    aus den Ergebnissen Maßnahmen folgen.""",
                ),
                h("Unterstützung"),
                p(
                    """Berufsgenossenschaften und Unfallkassen stellen Handlungshilfen bereit
                    und beraten ihre Mitgliedsbetriebe. Krankenkassen unterstützen im Rahmen der
                    betrieblichen Gesundheitsförderung. Der Lotsendienst des Zentrums hilft,
                    die passende Stelle zu finden (Quellen: § 5 Arbeitsschutzgesetz;
                    GDA-Arbeitsprogramm Psyche).""",
                ),
            ],
            "en": [
                p(
                    """Since 2013 the Occupational Safety and Health Act has said so explicitly:
                    a hazard can also arise from psychological strain at work (section 5(3)
                    no. 6 ArbSchG). Every employer must therefore consider it in the risk
                    assessment – regardless of the size of the company. This is not about the
                    mental state of individuals but about how work is designed: work content,
                    work organisation, social relations and the working environment.""",
                ),
                h("In seven steps"),
                p(
                    """The Joint German Occupational Safety and Health Strategy (GDA) recommends
                    these steps:""",
                    "<ol>"
                    "<li>Define activities and areas</li>"
                    "<li>Identify psychological strain</li>"
                    "<li>Assess the strain</li>"
                    "<li>Develop and implement measures</li>"
                    "<li>Check effectiveness</li>"
                    "<li>Update and continue</li>"
                    "<li>Document</li>"
                    "</ol>",
                    """There are proven methods for identifying strain: moderated workshops with
                    employees, short questionnaires or observation interviews at the workplace.
                    What matters is that employees are involved and that measures follow from
                    the results.""",
                ),
                h("Support"),
                p(
                    """The statutory accident insurance institutions provide guidance and advise
                    their member companies. Health insurance funds support this as part of
                    workplace health promotion. The centre's desk helps you find the right
                    organisation (sources: section 5 of the Occupational Safety and Health Act;
                    GDA work programme on mental health).""",
                ),
            ],
        },
    },
    "fachforum-vier-standorte": {
        "date": "2026-07-09",
        "topic_fields": ["gute-arbeitsbedingungen", "integration-fachkraefteeinwanderung"],
        "target_groups": ["netzwerkpartner", "unternehmen"],
        "title": {
            "de": "Ein Forum, vier Orte: Rückblick auf das Fachforum „Gute Arbeit“ (Demo)",
            "en": "One forum, four places: looking back at the “Good Work” forum (demo)",
        },
        "summary": {
            "de": (
                "Görlitz, Riesa, Chemnitz und Zwickau am selben Tag, verbunden per Livestream: "
                "wie das dezentrale Fachforum des Zentrums lief (Demo-Beitrag)."
            ),
            "en": (
                "Görlitz, Riesa, Chemnitz and Zwickau on the same day, connected by live "
                "stream: how the centre's decentralised forum went (demo article)."
            ),
        },
        "body": {
            "de": [
                callout("Demo-Beitrag", DEMO_ARTICLE_DE, kind="warning"),
                p(
                    """Am 25. Juni 2026 (Demo) fand das Fachforum „Gute Arbeit in der Region“
                    des Zentrums gleichzeitig an vier Standorten statt: in Görlitz, Riesa,
                    Chemnitz und Zwickau. Rund 240 Teilnehmende (Demo-Zahl) aus Unternehmen,
                    Kammern, Arbeitsagenturen, Jobcentern, Welcome Centern und Vereinen kamen
                    zusammen; weitere verfolgten das Forum online.""",
                ),
                h("Gemeinsamer Auftakt, regionale Werkstätten"),
                p(
                    """Der Auftakt wurde aus Chemnitz per Livestream an alle Standorte
                    übertragen: ein Impuls zur Frage, wie gute Arbeitsbedingungen bei der
                    Gewinnung internationaler Fachkräfte helfen. Danach arbeiteten die Standorte
                    in eigenen Werkstätten – in Görlitz zur Zusammenarbeit über die Grenze nach
                    Polen, in Riesa zur Einarbeitung in der Logistik, in Zwickau zur
                    Teilqualifizierung in der Fahrzeugzulieferindustrie (alle Themen: Demo).""",
                ),
                h("Was die Teilnehmenden mitgenommen haben"),
                p(
                    ul(
                        """Kurze Wege zählen: Viele kamen, weil der Standort in ihrer Nähe
                        lag.""",
                        """Der gemeinsame Livestream machte aus vier Veranstaltungen ein Forum;
                        Fragen aus allen Standorten wurden im Abschlussgespräch beantwortet.""",
                        """Die Werkstätten brachten Partner zusammen, die sich vorher nicht
                        kannten – die Kontakte stehen jetzt im Netzwerkverzeichnis.""",
                    ),
                    """Das nächste dezentrale Forum ist für 2027 geplant. Termine stehen unter
                    Veranstaltungen, sobald die Anmeldung offen ist.""",
                ),
            ],
            "en": [
                callout("Demo article", DEMO_ARTICLE_EN, kind="warning"),
                p(
                    """On 25 June 2026 (demo), the centre's forum “Good work in the region” took
                    place at four sites at the same time: in Görlitz, Riesa, Chemnitz and
                    Zwickau. Around 240 participants (demo figure) from companies, chambers,
                    employment agencies, job centres, welcome centres and associations came
                    together; others followed the forum online.""",
                ),
                h("Shared opening, regional workshops"),
                p(
                    """The opening was streamed live from Chemnitz to all sites: a keynote on
                    how good working conditions help in recruiting international skilled
                    workers. The sites then worked in their own workshops – in Görlitz on
                    cooperation across the border with Poland, in Riesa on onboarding in
                    logistics, in Zwickau on partial qualifications in the automotive supply
                    industry (all topics: demo).""",
                ),
                h("What participants took away"),
                p(
                    ul(
                        """Short journeys matter: many came because the site was close to
                        them.""",
                        """The shared live stream turned four events into one forum; questions
                        from all sites were answered in the closing discussion.""",
                        """The workshops brought together partners who had not known each other
                        – their contacts are now in the network directory.""",
                    ),
                    """The next decentralised forum is planned for 2027. Dates will appear under
                    Events as soon as registration opens.""",
                ),
            ],
        },
    },
    "stichtag-tarifauskunft": {
        "date": "2026-09-08",
        "topic_fields": ["tarifvertraege"],
        "target_groups": ["unternehmen", "beschaeftigte", "netzwerkpartner"],
        "title": {
            "de": "Warum jede Tarifauskunft ein Datum braucht",
            "en": "Why every answer on collective agreements needs a date",
        },
        "summary": {
            "de": (
                "Tarifvertrag, Allgemeinverbindlichkeit und Mindestlohn haben eigene Laufzeiten. "
                "Drei Beispiele zeigen, warum der Stichtag entscheidet."
            ),
            "en": (
                "Agreements, general applicability and minimum wages each have their own "
                "periods. Three examples show why the reference date decides."
            ),
        },
        "body": {
            "de": [
                p(
                    """„Gilt in meiner Branche ein Mindestlohn?“ – Die ehrliche Antwort beginnt
                    mit einer Gegenfrage: für welchen Tag? Tarifverträge, ihre
                    Allgemeinverbindlichkeit und Branchenmindestlöhne haben jeweils eigene
                    Laufzeiten, die nicht immer nahtlos aneinander anschließen. Deshalb nennt die
                    Tarifauskunft des Zentrums zu jeder Antwort den Stand ihrer Daten und fragt
                    nach dem Tag, um den es geht.""",
                ),
                h("Beispiel 1: Vertrag und Verordnung beginnen nicht am selben Tag"),
                p(
                    """Der Mindestlohn-Tarifvertrag im Maler- und Lackiererhandwerk gilt seit dem
                    1. Juli 2025. Für alle Betriebe der Branche verbindlich wurde er aber erst
                    mit der Verordnung, die ab dem 1. August 2025 gilt. Für Juli 2025 lautet die
                    Antwort für einen nicht tarifgebundenen Betrieb deshalb anders als für
                    August.""",
                ),
                h("Beispiel 2: Lücken zwischen zwei Verordnungen"),
                p(
                    """Im Gerüstbauerhandwerk endete die 8. Mindestlohnverordnung am 30.
                    September 2025; nach den uns vorliegenden Angaben gilt die nächste erst ab
                    dem 1. Januar 2026. Für die Zeit dazwischen galt nur der gesetzliche
                    Mindestlohn. Eine Auskunft für einen Tag in dieser Lücke muss das auch so
                    sagen.""",
                ),
                h("Beispiel 3: Das Jahr des Beginns zählt"),
                p(
                    """Bei der Mindestausbildungsvergütung entscheidet nicht das laufende Jahr,
                    sondern das Jahr, in dem die Ausbildung begonnen hat. Eine Auszubildende,
                    die 2025 angefangen hat, erhält im zweiten Jahr mindestens 805 Euro, ein
                    Auszubildender mit Beginn 2026 im zweiten Jahr mindestens 854 Euro (Quelle:
                    § 17 BBiG; Bundesinstitut für Berufsbildung).""",
                ),
                callout(
                    "So fragen Sie richtig",
                    """Nennen Sie bei einer Tarifanfrage die Branche oder Tätigkeit, den Ort des
                    Betriebs und den Tag, für den Sie die Auskunft brauchen. Die Auskunft ist
                    kostenfrei, ersetzt aber keine Rechtsberatung im Einzelfall.""",
                ),
            ],
            "en": [
                p(
                    """“Is there a minimum wage in my sector?” – The honest answer starts with a
                    question in return: for which day? Collective agreements, their general
                    applicability and sector minimum wages each have their own periods, which do
                    not always follow on from one another without a gap. That is why the
                    centre's collective agreements service states the date of its data with
                    every answer and asks which day you mean.""",
                ),
                h("Example 1: agreement and ordinance do not start on the same day"),
                p(
                    """The minimum wage agreement in the painting and varnishing trade has
                    applied since 1 July 2025. It only became binding on all companies in the
                    sector with the ordinance that applies from 1 August 2025. For July 2025 the
                    answer for a company not bound by the agreement is therefore different from
                    the answer for August.""",
                ),
                h("Example 2: gaps between two ordinances"),
                p(
                    """In the scaffolding trade, the 8th minimum wage ordinance ended on
                    30 September 2025; according to the information available to us, the next
                    one only applies from 1 January 2026. In between, only the statutory minimum
                    wage applied. An answer for a day in that gap has to say so.""",
                ),
                h("Example 3: the year training starts counts"),
                p(
                    """For minimum trainee pay, it is not the current year that counts but the
                    year in which training began. A trainee who started in 2025 receives at least
                    805 euros in the second year; one who started in 2026 receives at least 854
                    euros in the second year (source: section 17 BBiG; Federal Institute for
                    Vocational Education and Training).""",
                ),
                callout(
                    "How to ask",
                    """When you ask about collective agreements, state the sector or activity,
                    the place of the business and the day for which you need the information.
                    The service is free of charge but does not replace individual legal
                    advice.""",
                ),
            ],
        },
    },
    "anerkennung-auslaendischer-abschluesse": {
        "date": "2026-10-15",
        "topic_fields": ["integration-fachkraefteeinwanderung"],
        "target_groups": ["unternehmen", "internationale-fachkraefte"],
        "title": {
            "de": "Anerkennung ausländischer Berufsabschlüsse: Wer ist zuständig?",
            "en": "Recognition of foreign qualifications: who is responsible?",
        },
        "summary": {
            "de": (
                "Der Arbeitsort entscheidet über die zuständige Stelle. Ein Überblick für "
                "Betriebe und internationale Fachkräfte."
            ),
            "en": (
                "The place of work decides which authority is responsible. An overview for "
                "employers and international skilled workers."
            ),
        },
        "body": {
            "de": [
                p(
                    """Ob Pflegefachfrau aus Tunesien, Elektroniker aus Vietnam oder Köchin aus
                    Kolumbien: Wer einen Berufsabschluss aus dem Ausland mitbringt, möchte
                    wissen, was er in Deutschland wert ist. Das Anerkennungsverfahren vergleicht
                    den ausländischen Abschluss mit einem deutschen Referenzberuf und stellt
                    fest, ob er gleichwertig ist.""",
                ),
                h("Wer ist zuständig?"),
                p(
                    """Entscheidend ist nicht der Wohnort, sondern der künftige Arbeitsort. Für
                    Berufe, für die in Deutschland die Industrie- und Handelskammern zuständig
                    sind, entscheidet zentral die IHK FOSA in Nürnberg. Für Handwerksberufe ist
                    die Handwerkskammer zuständig, in deren Bezirk gearbeitet werden soll – in
                    Sachsen also die Handwerkskammer Chemnitz, Dresden oder Leipzig.
                    Reglementierte Berufe, etwa in Pflege und Gesundheit oder in der Erziehung,
                    folgen dem Landesrecht; hier entscheidet die dafür bestimmte Behörde.""",
                ),
                h("Was kostet das Verfahren?"),
                p(
                    """Die Gebühren legen die zuständigen Stellen fest; meist liegen sie zwischen
                    200 und 600 Euro. Dazu können Kosten für Übersetzungen und beglaubigte
                    Kopien kommen. Wer die Kosten trägt, ist Verhandlungssache; viele Betriebe
                    übernehmen sie, um die Fachkraft zu gewinnen.""",
                ),
                h("Wenn Unterschiede festgestellt werden"),
                p(
                    """Stellt die Stelle wesentliche Unterschiede fest, beschreibt der Bescheid,
                    was fehlt. Diese Unterschiede lassen sich oft mit einer
                    Anpassungsqualifizierung ausgleichen, häufig im Betrieb selbst. Die
                    Beratungsstellen des IQ Netzwerks Sachsen und die IBAS in Leipzig und
                    Chemnitz helfen, einen passenden Weg zu finden.""",
                ),
                callout(
                    "Tipp für Betriebe",
                    """Klären Sie die Zuständigkeit, bevor der Antrag gestellt wird: Ein Antrag
                    bei der falschen Stelle kostet Wochen. Der Lotsendienst des Zentrums hilft
                    Ihnen dabei.""",
                ),
            ],
            "en": [
                p(
                    """Whether a nurse from Tunisia, an electronics technician from Vietnam or a
                    cook from Colombia: anyone who brings a vocational qualification from abroad
                    wants to know what it is worth in Germany. The recognition procedure compares
                    the foreign qualification with a German reference occupation and determines
                    whether it is equivalent.""",
                ),
                h("Who is responsible?"),
                p(
                    """What matters is not where you live but where you will work. For
                    occupations that the chambers of industry and commerce are responsible for
                    in Germany, IHK FOSA in Nuremberg decides centrally. For craft occupations,
                    the chamber of crafts of the district where the work will be done is
                    responsible – in Saxony the chamber of crafts of Chemnitz, Dresden or
                    Leipzig. Regulated professions, for example in nursing and health or in
                    education, follow state law; here the authority designated for them
                    decides.""",
                ),
                h("What does the procedure cost?"),
                p(
                    """The responsible bodies set the fees; they are usually between 200 and 600
                    euros. Costs for translations and certified copies may be added. Who pays is
                    a matter of negotiation; many companies cover the costs to win the skilled
                    worker.""",
                ),
                h("If differences are found"),
                p(
                    """If the authority finds substantial differences, the decision describes
                    what is missing. These differences can often be made up with an adaptation
                    qualification, frequently in the company itself. The advice centres of the
                    IQ Network Saxony and IBAS in Leipzig and Chemnitz help you find a suitable
                    route.""",
                ),
                callout(
                    "Tip for employers",
                    """Clarify which authority is responsible before the application is made: an
                    application to the wrong body costs weeks. The centre's desk can help you
                    with this.""",
                ),
            ],
        },
    },
}
