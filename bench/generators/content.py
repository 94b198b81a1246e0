"""Benchmark data for the portal's pages: many published knowledge articles.

Called by `manage.py generate_bench_data --scale N --seed S` (bench/generators/__init__.py).
Creating Wagtail pages one by one (`add_child` + revision + publish) costs about 0.1 s per page,
so the articles are inserted in bulk: the `wagtailcore_page` rows with `bulk_create` and paths
computed the way treebeard does it, the `content_articlepage` rows as raw saves (no parent save,
no signals), the many-to-many rows with `bulk_create`, and the search indexes (Wagtail's and the
portal search's pages) in bulk calls.
The articles are live but have no revisions; the first edit in the admin creates one.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from lotse.content.models import ArticlePage, HomePage, KnowledgeIndexPage
from lotse.core.models import TargetGroup, TopicField

ARTICLES_PER_SCALE = 200
SLUG_PREFIX = "bench-"
# A fixed window (not "today") so that the same seed always gives the same data.
FIRST_DATE = datetime.date(2023, 10, 1)
LAST_DATE = datetime.date(2026, 9, 30)
CHUNK = 500

SUBJECTS: dict[str, list[str]] = {
    "integration-fachkraefteeinwanderung": [
        "Anerkennung ausländischer Abschlüsse",
        "Beschleunigtes Fachkräfteverfahren",
        "Blaue Karte EU",
        "Sprachkurse im Betrieb",
        "Willkommenskultur",
        "Wohnungssuche für neue Beschäftigte",
        "Onboarding internationaler Fachkräfte",
        "Visa für Auszubildende aus Drittstaaten",
    ],
    "ausbildung-weiterbildung": [
        "Verbundausbildung",
        "Teilqualifizierung",
        "Ausbildungsmarketing",
        "Weiterbildung für An- und Ungelernte",
        "Aufstiegsfortbildung",
        "Praktika für Schülerinnen und Schüler",
        "Duales Studium",
        "Qualifizierungschancengesetz",
    ],
    "gute-arbeitsbedingungen": [
        "Familienfreundliche Arbeitszeiten",
        "Mobiles Arbeiten",
        "Mitbestimmung im Betrieb",
        "Faire Bezahlung",
        "Gute Führung",
        "Vereinbarkeit von Pflege und Beruf",
        "Vier-Tage-Woche",
        "Mitarbeiterbindung",
    ],
    "arbeits-gesundheitsschutz": [
        "Gefährdungsbeurteilung",
        "Psychische Belastung am Arbeitsplatz",
        "Betriebliches Gesundheitsmanagement",
        "Hitzeschutz",
        "Betriebliches Eingliederungsmanagement",
        "Ergonomische Arbeitsplätze",
        "Unfallverhütung",
        "Suchtprävention",
    ],
    "tarifvertraege": [
        "Branchentarifverträge",
        "Gesetzlicher Mindestlohn",
        "Allgemeinverbindlichkeit",
        "Tariftreue bei öffentlichen Aufträgen",
        "Haustarifverträge",
        "Entgeltgruppen",
        "Tarifbindung in Sachsen",
        "Zuschläge für Nacht- und Schichtarbeit",
    ],
}
GENERIC_SUBJECTS = ["Fachkräftesicherung", "Personalgewinnung", "Beratung für Betriebe"]
SECTORS = [
    "im Handwerk",
    "in der Pflege",
    "in der Gastronomie",
    "in der Logistik",
    "im Maschinenbau",
    "in der Landwirtschaft",
    "im Einzelhandel",
    "in der IT-Branche",
    "im Baugewerbe",
    "in der Metall- und Elektroindustrie",
]
REGIONS = [
    "Leipzig",
    "Dresden",
    "Chemnitz",
    "Zwickau",
    "Görlitz",
    "Bautzen",
    "dem Erzgebirge",
    "dem Vogtland",
    "Mittelsachsen",
    "Nordsachsen",
    "Meißen",
    "der Sächsischen Schweiz",
]
# Subjects are nouns without article, so they fit every pattern below.
TITLE_PATTERNS = [
    "{subject} {sector}: Was Betriebe wissen sollten",
    "{subject}: Erfahrungen aus {region}",
    "Fünf Fragen zum Thema {subject}",
    "{subject} – ein Praxisbeispiel aus {region}",
    "Neues zum Thema {subject}",
    "{subject} {sector}: Förderung und Beratung",
    "Checkliste: {subject}",
    "Themenabend in {region}: {subject}",
]
SUMMARY_PATTERNS = [
    "Ein Überblick zum Thema {subject} {sector} – mit Ansprechpartnern in {region}.",
    "Wie Unternehmen in {region} das Thema {subject} angehen und welche Förderung es gibt.",
    "Was sich beim Thema {subject} ändert und wo die Beratungsstellen helfen.",
    "Praxiswissen für die Zielgruppen {groups}: {subject} kurz erklärt.",
]
PARAGRAPHS = [
    "Viele kleine und mittlere Unternehmen in {region} stehen vor derselben Frage: Wie finden "
    "und halten wir Fachkräfte? Das Thema {subject} ist dabei ein wichtiger Baustein.",
    "Die Beratungsstellen des Netzwerks unterstützen kostenfrei und vertraulich. Sie helfen, "
    "passende Förderprogramme zu finden, und vermitteln Kontakte {sector}.",
    "Wichtig ist ein früher Start: Wer beim Thema {subject} etwas verändern will, sollte "
    "Beschäftigte, Betriebsrat und Kammern rechtzeitig einbeziehen.",
    "Ein Betrieb {sector} berichtet: Nach einem Jahr sind die Abläufe eingespielt, die "
    "Fluktuation ist gesunken und die Zufriedenheit gestiegen.",
]


def _article_fields(rng: random.Random, topic_slugs: list[str], group_names: dict) -> dict:
    """Title, summary, body, date and tags of one article (all from `rng`)."""
    primary = rng.choice(topic_slugs)
    topics = [primary]
    if rng.random() < 0.3:
        topics.append(rng.choice([slug for slug in topic_slugs if slug != primary]))
    groups = rng.sample(sorted(group_names), k=rng.randint(1, 3))
    subject = rng.choice(SUBJECTS.get(primary, GENERIC_SUBJECTS))
    words = {
        "subject": subject,
        "sector": rng.choice(SECTORS),
        "region": rng.choice(REGIONS),
        "groups": " und ".join(f"„{group_names[slug]}“" for slug in groups),
    }
    title = rng.choice(TITLE_PATTERNS).format(**words)
    summary = rng.choice(SUMMARY_PATTERNS).format(**words)
    paragraphs = rng.sample(PARAGRAPHS, k=rng.randint(2, 4))
    body = [
        {"type": "paragraph", "value": "".join(f"<p>{p.format(**words)}</p>" for p in paragraphs)}
    ]
    days = (LAST_DATE - FIRST_DATE).days
    date = FIRST_DATE + datetime.timedelta(days=rng.randint(0, days))
    return {
        "title": title[:255],
        "summary": summary,
        "body": body,
        "date": date,
        "topics": topics,
        "groups": groups,
    }


def _knowledge_index() -> KnowledgeIndexPage | None:
    locale = Locale.objects.filter(language_code="de").first()
    if locale is None:
        return None
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        return None
    return KnowledgeIndexPage.objects.child_of(home).filter(slug="wissen").first()


def _ensure_tree() -> KnowledgeIndexPage:
    """The German knowledge index page; loads the initial page tree when it is missing."""
    index = _knowledge_index()
    if index is None:
        from lotse.content import initial
        from lotse.core.initial import DEFAULT_STATE, LoadReport

        initial.load(state=DEFAULT_STATE, report=LoadReport())
        index = _knowledge_index()
    if index is None:  # pragma: no cover - the initial content always builds it
        raise RuntimeError("The initial page tree has no German knowledge index page.")
    return index


def _next_step(parent: Page) -> int:
    last = parent.get_last_child()
    return 1 if last is None else last._get_lastpos_in_path() + 1


def _insert_articles(parent: Page, items: list[tuple[str, dict]]) -> list[int]:
    """Insert live ArticlePages below `parent` in bulk; returns their ids."""
    topics = {topic.slug: topic.pk for topic in TopicField.objects.all()}
    groups = {group.slug: group.pk for group in TargetGroup.objects.all()}
    content_type = ContentType.objects.get_for_model(ArticlePage)
    depth = parent.depth + 1
    step = _next_step(parent)
    pages = []
    for offset, (slug, fields) in enumerate(items):
        published = timezone.make_aware(
            datetime.datetime.combine(fields["date"], datetime.time(9, 0))
        )
        pages.append(
            Page(
                title=fields["title"],
                draft_title=fields["title"],
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                path=Page._get_path(parent.path, depth, step + offset),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=None,
            )
        )
    Page.objects.bulk_create(pages, batch_size=CHUNK)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    topic_links = []
    group_links = []
    for page, (_slug, fields) in zip(pages, items, strict=True):
        article = ArticlePage(
            page_ptr_id=page.pk,
            date=fields["date"],
            summary=fields["summary"],
            body=fields["body"],
        )
        # raw=True saves only the article table (the page row exists) and tells the signal
        # handlers (search index task, reference index) to leave it alone.
        article.save_base(raw=True, force_insert=True)
        topic_links += [
            ArticlePage.topic_fields.through(articlepage_id=page.pk, topicfield_id=topics[slug])
            for slug in fields["topics"]
        ]
        group_links += [
            ArticlePage.target_groups.through(articlepage_id=page.pk, targetgroup_id=groups[slug])
            for slug in fields["groups"]
        ]
    ArticlePage.topic_fields.through.objects.bulk_create(topic_links, batch_size=CHUNK)
    ArticlePage.target_groups.through.objects.bulk_create(group_links, batch_size=CHUNK)
    return [page.pk for page in pages]


def _index_for_search(ids: list[int]) -> None:
    """Add the new articles to the search indexes in bulk (instead of one task per save)."""
    from wagtail.search.backends import get_search_backend

    from lotse.search.services import page_documents_index

    backend = get_search_backend()
    for start in range(0, len(ids), CHUNK):
        chunk = list(ArticlePage.objects.filter(pk__in=ids[start : start + CHUNK]))
        backend.add_bulk(ArticlePage, chunk)
        page_documents_index(pages=chunk)  # the portal search's index (/suche/)


@transaction.atomic
def generate(*, scale: int, seed: int) -> str:
    """Create `scale * 200` published bench articles (slug `bench-NNNNN`) under German 'Wissen'."""
    index = _ensure_tree()
    target = scale * ARTICLES_PER_SCALE
    existing = set(
        ArticlePage.objects.child_of(index)
        .filter(slug__startswith=SLUG_PREFIX)
        .values_list("slug", flat=True)
    )
    group_names = dict(TargetGroup.objects.values_list("slug", "name"))
    topic_slugs = list(TopicField.objects.order_by("order").values_list("slug", flat=True))
    rng = random.Random(seed)
    missing = []
    # Draw every article in order, so article N is the same whatever existed before.
    for number in range(1, target + 1):
        fields = _article_fields(rng, topic_slugs, group_names)
        slug = f"{SLUG_PREFIX}{number:05d}"
        if slug not in existing:
            missing.append((slug, fields))
    if not missing:
        return f"{len(existing)} bench articles present (wanted {target}), nothing to do"
    ids = _insert_articles(index, missing)
    _index_for_search(ids)
    return f"{len(missing)} bench articles created, {len(existing) + len(missing)} in total"
