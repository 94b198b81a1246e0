"""What `make bench` measures: one list of targets that later modules extend.

Add a module's URLs by appending `Target`s to `TARGETS` (keep names stable: they are the keys in
the result files, so runs can be compared over time). A target with `static_copy=True` is also
fetched once, written as a static HTML file and served by the same gunicorn through WhiteNoise;
the pair gives the dynamic/static throughput ratio (the static file is the ceiling).
"""

import datetime
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

STATIC_SUBDIR = "bench-static"
# Issue 16: resident memory of each app-server worker after the run (run.py reports it).
TARGET_WORKER_RSS_MB = 150


@dataclass(frozen=True)
class Target:
    """One request to put under load."""

    name: str  # stable key in the results, e.g. "home"
    path: str  # path on the server, e.g. "/"
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expect_status: int = 200
    static_copy: bool = False  # also measure the same HTML served as a static file
    kind: str = "dynamic"  # "dynamic" or "static"
    module: str = "content"  # the app that contributed it
    description: str = ""
    # Checked once before the load: the body must contain this text (e.g. proof that a search
    # found something); a mismatch is logged and recorded as `check_ok: false`, not fatal.
    expect_text: str = ""
    # Staff pages: run.py logs in a bench staff user and sends its session cookie; `{name}`
    # placeholders in `path` are filled from the same context (see lotse/events/bench.py).
    login: bool = False
    # Varied targets: `variant(n)` is the path of the n-th request, every one different (e.g. a
    # new date each time: answers no cache holds yet). Warm-up and measurement use disjoint n.
    variant: Callable[[int], str] | None = field(default=None, compare=False, repr=False)
    # Goals of the issues, printed next to the measurement and the previous run (run.py):
    # p95 latency in ms, gunicorn CPU ms per request (cold renders), and for a target with a
    # static copy the dynamic/static throughput ratio (at least this much).
    target_p95_ms: float | None = None
    target_cpu_ms: float | None = None
    target_static_ratio: float | None = None

    def goals(self) -> dict[str, float]:
        """The goals set on this target (only those that are set)."""
        goals = {
            "p95_ms": self.target_p95_ms,
            "cpu_ms": self.target_cpu_ms,
            "static_ratio": self.target_static_ratio,
        }
        return {key: value for key, value in goals.items() if value is not None}

    def paths(self, start: int, count: int) -> list[str] | None:
        if self.variant is None:
            return None
        return [self.variant(n) for n in range(start, start + count)]


# The WZ 2008 classes of the tariff bench data (lotse/tariffs/bench.py) that the WZ tables
# know (its 47.11.0 and 62.01.0 are not classes there), and the days its agreements cover:
# sector n % 8 on day n // 8 gives 46,752 different answers.
BENCH_WZ = ["25.11.0", "43.21.0", "81.21.0", "56.10.1", "87.10.0", "49.41.0", "10.71.0"]
BENCH_WZ += ["45.20.1"]
BENCH_FIRST_DAY = datetime.date(2011, 1, 1)
BENCH_DAYS = 5844  # 2011-01-01 … 2026-12-31


def bench_day(n: int) -> str:
    return (
        BENCH_FIRST_DAY + datetime.timedelta(days=(n // len(BENCH_WZ)) % BENCH_DAYS)
    ).isoformat()


# Issue 16: catalogue searches nobody made before (cache misses). Broad words of the offers
# generator's vocabulary (bench/generators/offers.py: its sentences, summaries and themes; each
# matches a quarter to four fifths of the offers) as queries of one, two or three words, every
# other request with a facet. The n-th path is unique for n < 25,440, so neither the warm-up
# (paths 0 ... 7,999) nor the measurement meets a search state that was cached before.
CATALOGUE_WORDS = [
    "Beratung",
    "Betriebe",
    "Unternehmen",
    "Beschäftigte",
    "Gespräch",
    "Bedarf",
    "Kontakte",
    "Kammern",
    "Förderstellen",
    "Termine",
    "Video",
    "Förderanträge",
    "Umsetzung",
    "Region",
    "Branchen",
    "Angebot",
    "Begleitung",
    "Fachkräfte",
    "Schritte",
    "Agenturen",
    "Räumen",
    "Wunsch",
    "Arbeit",
    "persönlich",
]
# One word, two and three different words in every order: 12,720 queries.
CATALOGUE_QUERIES = [
    " ".join(words) for size in (1, 2, 3) for words in itertools.permutations(CATALOGUE_WORDS, size)
]
CATALOGUE_STRIDE = 7919  # a prime: n -> n * stride mod len(queries) visits every query once
CATALOGUE_FACETS = [
    {"topic_field": "gute-arbeitsbedingungen"},
    {"district": "dresden"},
    {"kind": "beratung"},
    {"cost": "kostenfrei"},
    {"topic_field": "ausbildung-weiterbildung", "district": "leipzig"},
    {"target_group": "unternehmen"},
    {"district": "chemnitz"},
    {"language": "en"},
    {"topic_field": "tarifvertraege"},
    {"kind": "weiterbildung", "district": "zwickau"},
    {"topic_field": "arbeits-gesundheitsschutz"},
    {"district": "goerlitz"},
    {"cost": "gefoerdert"},
    {"topic_field": "integration-fachkraefteeinwanderung"},
    {"district": "bautzen"},
    {"target_group": "beschaeftigte"},
    {"kind": "service"},
    {"district": "landesweit"},
    {"topic_field": "gute-arbeitsbedingungen", "kind": "beratung"},
    {"district": "leipzig"},
    {"language": "ar"},
    {"district": "meissen"},
    {"target_group": "internationale-fachkraefte"},
    {"district": "online"},
]


def catalogue_search_path(n: int) -> str:
    """The n-th varied catalogue search: a broad query, with a facet when n is odd."""
    query = CATALOGUE_QUERIES[(n // 2 * CATALOGUE_STRIDE) % len(CATALOGUE_QUERIES)]
    facet = CATALOGUE_FACETS[(n // 2) % len(CATALOGUE_FACETS)] if n % 2 else {}
    return "/angebote/?" + urlencode({"q": query, **facet})


TARGETS: list[Target] = [
    Target(
        "home",
        "/",
        static_copy=True,
        description="German home page: topic cards, latest articles",
        target_static_ratio=0.5,
    ),
    Target(
        "topic",
        "/wissen/tarifvertraege/",
        static_copy=True,
        description="Topic page 'Tarifverträge': its ten latest articles",
        target_static_ratio=0.5,
    ),
    # Issue 3: search, directory, coverage and API under the bench data (scale 100: 100 000
    # offers, 20 000 actors). The query words and facet values match the generators in
    # lotse/offers/bench.py and lotse/network/bench.py, so every search has hits.
    Target(
        "catalogue-search",
        "/angebote/?q=Beratung&topic_field=gute-arbeitsbedingungen&district=dresden",
        module="offers",
        expect_text="bench-angebot-",
        description="Catalogue: full text 'Beratung' + topic field + district, facet counts",
        target_p95_ms=100,
    ),
    Target(
        "catalogue-search-varied",
        "/angebote/?q=Beratung",
        module="offers",
        expect_text="bench-angebot-",
        description="Catalogue: every request another broad query, every other with a facet",
        target_p95_ms=300,
        variant=catalogue_search_path,
    ),
    Target(
        "catalogue",
        "/angebote/",
        module="offers",
        expect_text="bench-angebot-",
        description="Catalogue without query or filters (newest first, all facet counts)",
    ),
    Target(
        "directory-search",
        "/netzwerk/?q=Beratung&typ=beratungsstelle",
        module="network",
        expect_text="bench-akteur-",
        description="Network directory: full text 'Beratung' + actor type",
    ),
    Target(
        "coverage",
        "/angebote/abdeckung/",
        module="offers",
        expect_text="<table",
        description="Coverage page: districts x topic fields table and schematic map",
    ),
    Target(
        "api-offers",
        "/api/v1/offers?q=Beratung&limit=20",
        module="offers",
        expect_text='"slug": "bench-angebot-',
        description="API: offer search 'Beratung', first 20",
    ),
    Target(
        "api-actors",
        "/api/v1/actors?q=Beratung",
        module="network",
        expect_text='"slug": "bench-akteur-',
        description="API: actor search 'Beratung', first 20",
    ),
    # Issue 4: event pages. The registration POST with its write and e-mail hand-off cannot be
    # a fixed-body target (every registration needs its own e-mail address and CSRF pair, and
    # the public form is rate limited); bench/burst.py measures it as full visitor attempts.
    Target(
        "events",
        "/veranstaltungen/",
        module="events",
        expect_text="Kommende Veranstaltungen",
        description="Event list: upcoming and past events with sites",
    ),
    Target(
        "event-page",
        "/veranstaltungen/bench-veranstaltung-offen/",
        module="events",
        expect_text="Programm",
        description="Event page: sites with free places, agenda (upcoming bench event)",
    ),
    Target(
        "event-register-form",
        "/veranstaltungen/bench-veranstaltung-offen/anmelden/",
        module="events",
        expect_text="csrfmiddlewaretoken",
        description="Registration form of the upcoming bench event (the GET of every registration)",
    ),
    # Issue 5: Tarifauskunft under the bench data (scale 100: 100 000 agreements, 1 000 000
    # provision rows); WZ 43.21.0 and the word "Elektroinstallation" match lotse/tariffs/bench.py.
    Target(
        "tariff-lookup",
        "/tarifauskunft/auskunft/?wz=43.21.0&stand=2024-06-01",
        module="tariffs",
        expect_text="Bench Tarifvertrag Elektroinstallation",
        description="Tarifauskunft: WZ 43.21.0 on 2024-06-01 (agreements in force, floors)",
        target_p95_ms=50,
    ),
    Target(
        "tariff-wage-check",
        "/tarifauskunft/lohncheck/?betrag=2300&einheit=monthly&stunden=40&wz=43.21.0"
        "&stand=2024-06-01",
        module="tariffs",
        expect_text="Gesetzlicher Mindestlohn",
        description="Wage check: monthly pay, 40 h, WZ 43.21.0 on 2024-06-01",
    ),
    Target(
        "tariff-lookup-uncached",
        "/tarifauskunft/auskunft/?wz=43.21.0&stand=2011-01-01",
        module="tariffs",
        expect_text="Bench Tarifvertrag Elektroinstallation",
        description="Tarifauskunft, every request another sector and date (cache misses)",
        target_p95_ms=80,
        variant=lambda n: (
            f"/tarifauskunft/auskunft/?wz={BENCH_WZ[n % len(BENCH_WZ)]}&stand={bench_day(n)}"
        ),
    ),
    Target(
        "tariff-wage-check-uncached",
        # The check path's day has the statutory minimum wage (in force since 2015-01-01).
        "/tarifauskunft/lohncheck/?betrag=2300&einheit=monthly&stunden=40&wz=43.21.0"
        "&stand=2015-01-01",
        module="tariffs",
        expect_text="Gesetzlicher Mindestlohn",
        description="Wage check, every request another sector and date (cache misses)",
        variant=lambda n: (
            "/tarifauskunft/lohncheck/?betrag=2300&einheit=monthly&stunden=40"
            f"&wz={BENCH_WZ[n % len(BENCH_WZ)]}&stand={bench_day(n)}"
        ),
    ),
    Target(
        "api-tariff-agreements",
        "/api/v1/tariffs/agreements?limit=20",
        module="tariffs",
        expect_text='"register_number": "BENCH-',
        description="API: public sector agreements (metadata), first 20",
    ),
    Target(
        "api-tariff-lookup",
        "/api/v1/tariffs/lookup?wz=43.21.0&date=2024-06-01",
        module="tariffs",
        expect_text='"as_of": "Stand: 01.06.2024"',
        description="API: lookup WZ 43.21.0 on 2024-06-01",
    ),
    Target(
        "api-tariff-lookup-uncached",
        "/api/v1/tariffs/lookup?wz=43.21.0&date=2011-01-01",
        module="tariffs",
        expect_text='"as_of": "Stand: 01.01.2011"',
        description="API lookup, every request another sector and date (cache misses)",
        target_p95_ms=80,
        variant=lambda n: (
            f"/api/v1/tariffs/lookup?wz={BENCH_WZ[n % len(BENCH_WZ)]}&date={bench_day(n)}"
        ),
    ),
]


# Issue 13: the portal's one search (/suche/) over pages, offers, actors, events and agreements.
# "Beratung" occurs in the bench offers and actors (lotse/offers, network generators), in bench
# articles and in the Tarifregister's bench parties; the varied target adds a parameter the page
# ignores, so no whole-response cache holds the answer (the groups' own caches still may).
SITE_SEARCH_WORDS = [
    "Beratung",
    "Weiterbildung",
    "Pflege",
    "Teilqualifizierung",
    "Mindestlohn",
    "Ausbildung Handwerk",
    "Fachkräfte",
    "Gesundheitsmanagement",
]
TARGETS += [
    Target(
        "site-search",
        "/suche/?q=Beratung",
        module="search",
        expect_text="Treffer für",
        description="Portal search 'Beratung': five groups with counts and first hits",
    ),
    Target(
        "site-search-uncached",
        "/suche/?q=Beratung&r=0",
        module="search",
        expect_text="Treffer für",
        description="Portal search, eight queries, every request a new address (no page cache)",
        variant=lambda n: (
            "/suche/?" + urlencode({"q": SITE_SEARCH_WORDS[n % len(SITE_SEARCH_WORDS)], "r": n})
        ),
    ),
]


# Issue 13: the Wegweiser with a full answer set (every question of version 1), as the open API
# evaluates it and as the HTML plan and its PDF show it (bench/generators/guidance.py stores the
# same answers under GUIDANCE_TOKEN). Targets: evaluate p95 < 150 ms, plan < 150 ms, PDF < 1 s.
GUIDANCE_TOKEN = "bench-wegweiser-plan-0000000000000001"  # noqa: S105 - a bench link
GUIDANCE_FILE = Path(__file__).resolve().parent.parent / "lotse/guidance/data/check_v1.yaml"
GUIDANCE_CYCLE = ["nein", "teilweise", "ja", "weiss_nicht", "ja", "nein"]


def guidance_answers() -> dict[str, str]:
    """Every question of the data file answered; a cycle that makes every rule fire somewhere."""
    import yaml

    data = yaml.safe_load(GUIDANCE_FILE.read_text(encoding="utf-8"))
    keys = [q["key"] for module in data["modules"] for q in module.get("questions") or []]
    return {key: GUIDANCE_CYCLE[index % len(GUIDANCE_CYCLE)] for index, key in enumerate(keys)}


# `guidance-pdf-varied`: plans with random answers, districts and sizes (bench/generators/
# guidance.py), each request another one, so the PDF cache never has it. The warm-up takes
# paths 0… and the measurement 8,000… (bench/run.py): 8,000 % 1,500 = 500, so warm-up and
# measurement use different plans as long as the warm-up stays below 500 and the measurement
# below 1,000 requests (a cold PDF costs far more than the 15 s × 8 clients allow for that).
GUIDANCE_VARIED_PLANS = 1500


def guidance_varied_token(n: int) -> str:
    return f"bench-wegweiser-varied-{n % GUIDANCE_VARIED_PLANS:010d}"


def guidance_payload() -> dict:
    return {
        "size_class": "10-49",
        "district": "dresden",
        "sector_query": "Elektroinstallation",
        "wz_code": "43.21",
        "answers": guidance_answers(),
    }


TARGETS += [
    Target(
        "guidance-evaluate",
        "/api/v1/checks/evaluate",
        method="POST",
        headers={"Content-Type": "application/json"},
        body=json.dumps(guidance_payload()).encode(),
        module="guidance",
        expect_text='"stored": false',
        description="API: evaluate a full answer set (scores, plan with offers/contacts/events)",
        target_p95_ms=150,
    ),
    Target(
        "guidance-plan",
        f"/wegweiser/plan/{GUIDANCE_TOKEN}/",
        module="guidance",
        expect_text="Ihr Maßnahmenplan",
        description="Wegweiser: HTML plan of a check with a full answer set",
        target_p95_ms=150,
    ),
    Target(
        "guidance-pdf",
        f"/wegweiser/plan/{GUIDANCE_TOKEN}/plan.pdf",
        module="guidance",
        expect_text="%PDF",
        description="Wegweiser: the plan as PDF (WeasyPrint; the same plan again: cached)",
        target_p95_ms=1000,
    ),
    Target(
        "guidance-pdf-varied",
        f"/wegweiser/plan/{guidance_varied_token(0)}/plan.pdf",
        module="guidance",
        expect_text="%PDF",
        description="Wegweiser: PDF, every request another plan (cold: WeasyPrint renders)",
        variant=lambda n: f"/wegweiser/plan/{guidance_varied_token(n)}/plan.pdf",
        target_p95_ms=1000,
    ),
]


def static_file_name(target: Target) -> str:
    """File name of a target's static copy inside STATIC_ROOT/bench-static/."""
    return f"{target.name}.html"


def static_twin(target: Target) -> Target:
    """The static-file target that mirrors a dynamic page."""
    return Target(
        name=f"{target.name}-static",
        path=f"/static/{STATIC_SUBDIR}/{static_file_name(target)}",
        static_copy=False,
        kind="static",
        module=target.module,
        description=f"Static copy of '{target.name}' served by WhiteNoise (ceiling)",
    )


def selected(names: list[str] | None = None) -> list[Target]:
    """The targets to run (all, or those named), each followed by its static twin if any."""
    chosen = [t for t in TARGETS if not names or t.name in names]
    unknown = set(names or []) - {t.name for t in TARGETS}
    if unknown:
        raise ValueError(f"unknown targets: {', '.join(sorted(unknown))}")
    plan = []
    for target in chosen:
        plan.append(target)
        if target.static_copy:
            plan.append(static_twin(target))
    return plan


# Issue 4: staff pages of the events back office under the bench event (5,000 registrations
# over four sites, lotse/events/bench.py). They need a login: run.py fills the placeholders and
# the session cookie from `bench.generators.events.bench_context()`.
TARGETS += [
    Target(
        "events-checkin-lookup",
        "/admin/veranstaltungen/standort/{bench_site}/einlass/?q={bench_code}",
        module="events",
        login=True,
        expect_text="Einlass",
        description="Check-in page: look up one ticket code at a site of 1,250 registrations",
    ),
    Target(
        "events-report",
        "/admin/veranstaltungen/{bench_event}/teilnehmendenstruktur/",
        module="events",
        login=True,
        expect_text="<svg",
        description="Structure report of an event with 5,000 registrations (tables, charts)",
    ),
]


# Issue 14: the Lotsendienst under the bench data (scale 100: 100,000 inquiries,
# bench/generators/desk.py). The staff pages log in as the bench desk user (bench_context of the
# desk generator); the public form is posted with a fixed CSRF pair (the unmasked secret is a
# valid token) and the form's rate limit off for the loopback client (bench/run.py).
BENCH_CSRF = "BenchCsrfSecret0123456789abcdefX"  # 32 characters, as Django's secret
TARGETS += [
    Target(
        "desk-inbox-filtered",
        "/admin/anfragen/?thema={desk_topic_field}&kreis={desk_district}&status=neu&overdue=1",
        module="desk",
        login=True,
        expect_text="LD-BENCH-",
        description="Lotsendienst inbox: topic field + district + status + overdue, 50 per page",
        target_p95_ms=150,
    ),
    Target(
        "desk-inbox",
        "/admin/anfragen/",
        module="desk",
        login=True,
        expect_text="LD-BENCH-",
        description="Lotsendienst inbox without filters (next due first)",
        target_p95_ms=150,
    ),
    Target(
        "desk-report",
        "/admin/anfragen/bericht/",
        module="desk",
        login=True,
        expect_text="report-total",
        description="Monthly report over all months (fact table, suppression)",
    ),
    Target(
        "api-desk-statistics",
        "/api/v1/desk/statistics",
        module="desk",
        expect_text='"min_cell": 5',
        description="Open-data statistics of the Lotsendienst (all months)",
        target_p95_ms=150,
    ),
    Target(
        "desk-form-post",
        "/lotsendienst/",
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"__Host-lotse_csrftoken={BENCH_CSRF}",
        },
        body=(
            f"csrfmiddlewaretoken={BENCH_CSRF}&requester_type=betrieb"
            "&topic_field=ausbildung-weiterbildung&district=14612"
            "&question=Bench-Frage+zur+Verbundausbildung&email=bench-form%40bench.lotse.example"
            "&contact_preference=email&consent=on&consent_version=1"
        ).encode(),
        expect_status=302,
        module="desk",
        description="Public form 'Frage an den Lotsendienst': valid POST (stores, outbox, fact)",
        target_p95_ms=200,
    ),
]


# Issue 15: the Einwanderungs-Check (parameters from the initial content, the real network
# actors of lotse/network/data for the contacts). Every request another salary and date, so no
# answer repeats; the result page additionally looks up the contacts of a district.
MIGRATION_BODY = (
    b'{"on": "2026-03-01", "citizenship": "RS", "qualification": "vocational", '
    b'"recognition": "partial", "job_offer": true, "salary": 42000, "german": "A2", '
    b'"age": 31, "experience_last_5": 3, "experience_last_7": 4, "district": "chemnitz", '
    b'"lang": "de"}'
)
MIGRATION_DISTRICTS = ["chemnitz", "dresden", "leipzig", "zwickau", "bautzen", "goerlitz"]


def migration_result_path(n: int) -> str:
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 1000)
    return (
        "/einwanderung/ergebnis/?audience=person&citizenship=other&qualification=academic"
        f"&recognition=full&job_offer=on&salary={40000 + n % 20000}&german=B1&age=33"
        f"&on={day.isoformat()}&district={MIGRATION_DISTRICTS[n % len(MIGRATION_DISTRICTS)]}"
    )


TARGETS += [
    Target(
        "migration-evaluate",
        "/api/v1/migration-check/evaluate",
        method="POST",
        headers={"Content-Type": "application/json"},
        body=MIGRATION_BODY,
        module="migration",
        expect_text='"status": "open"',
        description="API: evaluate one person's answers (all routes, contacts of a district)",
        target_p95_ms=50,
    ),
    Target(
        "migration-result",
        # A complete set of answers (run.py's first check; the check refuses incomplete ones).
        migration_result_path(0),
        module="migration",
        expect_text="Stand der Regeln",
        description="Result page, every request another salary, date and district",
        target_p95_ms=100,
        variant=migration_result_path,
    ),
]


# The 13 districts of Saxony by slug (lotse/core/data), for the cold district profiles.
BENCH_DISTRICTS = [
    "bautzen",
    "chemnitz",
    "dresden",
    "erzgebirgskreis",
    "goerlitz",
    "leipzig",
    "landkreis-leipzig",
    "meissen",
    "mittelsachsen",
    "nordsachsen",
    "saechsische-schweiz-osterzgebirge",
    "vogtlandkreis",
    "zwickau",
]


# Issue 17: a district profile (figures with two years of series, actors, offers and gaps,
# upcoming events) and the DCAT-AP.de catalogue of every public dataset.
TARGETS += [
    Target(
        "district-profile",
        "/regionen/dresden/",
        module="figures",
        expect_text="im Zeitverlauf",
        description="District profile Dresden: indicator series and charts, actors, offers, events",
        target_p95_ms=100,
    ),
    Target(
        "district-profile-cold",
        "/regionen/dresden/?kalt=0",
        module="figures",
        expect_text="im Zeitverlauf",
        description="District profiles rendered in full (another district and query string each "
        "time: page-cache misses)",
        target_p95_ms=100,
        variant=lambda n: f"/regionen/{BENCH_DISTRICTS[n % len(BENCH_DISTRICTS)]}/?kalt={n}",
    ),
    Target(
        "dcat-catalogue",
        "/katalog.ttl",
        module="figures",
        expect_text="dcat:Catalog",
        description="DCAT-AP.de catalogue (Turtle) with dates from every dataset",
        target_p95_ms=300,
    ),
]


# Issue 16: the public pages from the page cache (lotse/core/page_cache.py), each with its static
# twin for the dynamic/static ratio (target >= 0.5), and the cold renders of home and topic page
# (every request another `?kalt=n`, which the cache key includes: each one a miss, rendered in
# full; target < 10 ms CPU per request).
TARGETS += [
    Target(
        "article",
        "/wissen/bench-00001/",
        static_copy=True,
        target_static_ratio=0.5,
        expect_text="</article>",
        description="Knowledge article (bench data) from the page cache",
    ),
    Target(
        "event-list-cached",
        "/veranstaltungen/",
        module="events",
        static_copy=True,
        target_static_ratio=0.5,
        expect_text="Kommende Veranstaltungen",
        description="Event list from the page cache, with its static twin",
    ),
    Target(
        "event-page-cached",
        "/veranstaltungen/bench-veranstaltung-offen/",
        module="events",
        static_copy=True,
        target_static_ratio=0.5,
        expect_text="Programm",
        description="Event page (free places) from the page cache, with its static twin",
    ),
    Target(
        "offer-page",
        "/angebote/bench-angebot-0000001/",
        module="offers",
        static_copy=True,
        target_static_ratio=0.5,
        description="Offer detail page from the page cache",
    ),
    Target(
        "actor-page",
        "/netzwerk/bench-akteur-000001/",
        module="network",
        static_copy=True,
        target_static_ratio=0.5,
        description="Actor page from the page cache",
    ),
    Target(
        "home-cold",
        "/?kalt=0",
        description="Home page rendered in full (another query string each time: a cache miss)",
        target_cpu_ms=10,
        variant=lambda n: f"/?kalt={n}",
    ),
    Target(
        "topic-cold",
        "/wissen/tarifvertraege/?kalt=0",
        description="Topic page rendered in full (a cache miss each time)",
        target_cpu_ms=10,
        variant=lambda n: f"/wissen/tarifvertraege/?kalt={n}",
    ),
]
