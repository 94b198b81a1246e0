"""The catalogue's result cards from plain values (decision 0034): the same markup as the
template loop over `Offer` instances they replace, the same offers in the same order, and two
queries for a page."""

import pytest
from django.template import Context, Template
from django.utils import translation

from lotse.core.models import TopicField
from lotse.offers.models import Offer
from lotse.offers.selectors import OfferFilters, offer_cards, offer_list_queryset, offers_search
from lotse.offers.views import facet_options_html, offer_cards_html

pytestmark = pytest.mark.django_db

# The result list's loop as `offers/_results.html` had it before decision 0034, over `Offer`s.
OLD_CARDS = Template(
    """{% load i18n %}{% for offer in offers %}
    <li class="kern-card">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <p class="kern-preline">{{ offer.get_kind_display }} · {{ offer.actor.display_name }}</p>
          <h3 class="kern-title"><a class="kern-link" href="{% url 'offers:detail' offer.slug %}">{{ offer.title }}</a></h3>
        </div>
        <div class="kern-card__body">
          <p class="kern-body">{{ offer.summary }}</p>
          <p class="lotse-offer-meta">
            {% for topic in offer.topic_fields.all %}<span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{{ topic.label }}</span></span>{% endfor %}
            <span class="kern-badge"><span class="kern-label kern-label--small">{{ offer.get_cost_display }}</span></span>
            {% if offer.statewide %}<span class="kern-badge"><span class="kern-label kern-label--small">{% translate "landesweit" %}</span></span>{% endif %}
            {% if offer.online %}<span class="kern-badge"><span class="kern-label kern-label--small">{% translate "online" %}</span></span>{% endif %}
          </p>
        </div>
      </div>
    </li>
    {% endfor %}"""  # noqa: E501
)


@pytest.fixture
def offers(offer_factory, actor_factory) -> list[Offer]:
    """Offers with what a card may show: markup in every text, a provider with and without a
    short name, several topic fields (one inactive, one without an English name), statewide,
    online, every kind and cost."""
    TopicField.objects.filter(slug="tarifvertraege").update(is_active=False)
    TopicField.objects.filter(slug="gute-arbeitsbedingungen").update(name_en="")
    topics = [
        "tarifvertraege",
        "gute-arbeitsbedingungen",
        "ausbildung-weiterbildung",
        "integration-fachkraefteeinwanderung",
    ]
    plain = actor_factory(name="Kammer <Süd> & Co")
    short = actor_factory(name='Agentur "Nord"', short_name="A&N")
    made = []
    for number in range(12):
        made.append(
            offer_factory(
                title=f"Beratung <b>{number}</b> & „mehr“",
                summary=f"Kurz 'zu' {number} <script>x</script>",
                actor=plain if number % 2 else short,
                kind=list(Offer.Kind)[number % 6],
                cost=list(Offer.Cost)[number % 3],
                topic_fields=topics[: number % 5],
                statewide=number % 3 == 0,
                online=number % 4 == 0,
                age_days=number,
            )
        )
    return made


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_cards_are_the_markup_of_the_template_loop_they_replace(offers, language) -> None:
    queryset = Offer.objects.public().order_by("-first_published_at", "pk")
    with translation.override(language):
        old = OLD_CARDS.render(Context({"offers": list(offer_list_queryset(queryset))}))
        new = str(offer_cards_html(offer_cards(queryset)))
    assert new == old
    assert "&lt;b&gt;" in new and "&lt;script&gt;" in new and "(A&amp;N)" in new


def test_cards_of_a_page_take_two_queries_whatever_its_length(
    offers, django_assert_num_queries
) -> None:
    queryset = Offer.objects.public().order_by("title", "pk")
    with django_assert_num_queries(2):
        cards = offer_cards(queryset[2:12])
    assert [card.pk for card in cards] == [offer.pk for offer in queryset[2:12]]
    with django_assert_num_queries(0):
        assert offer_cards(Offer.objects.none()) == []


@pytest.mark.parametrize("query", ["Beratung", ""])
@pytest.mark.parametrize("sort", ["relevance", "newest", "title"])
def test_a_search_with_cards_shows_the_offers_of_a_search_without(
    offers, settings, query, sort
) -> None:
    """Same page, same order, with the search cache off and (the second time) on."""
    for seconds in (0, 60):
        settings.LOTSE_CATALOGUE_CACHE_SECONDS = seconds
        for page in (1, 2):
            arguments = {
                "query": query,
                "filters": OfferFilters(),
                "sort": sort,
                "page": page,
                "per_page": 5,
            }
            plain = offers_search(**arguments)
            with_cards = offers_search(**arguments, cards=True)
            assert [card.pk for card in with_cards.offers] == [o.pk for o in plain.offers]
            assert with_cards.total == plain.total and with_cards.page.number == page
            assert all(isinstance(card, tuple) for card in with_cards.offers)


def test_facet_counts_are_shown_as_localize_shows_them(settings) -> None:
    """Below 1000 a count is its digits; from 1000 on `localize` decides (a thousands
    separator, should the settings ask for one)."""
    from django.utils.formats import localize

    from lotse.offers.selectors import FacetOption

    options = [FacetOption("a", "A", 999, False), FacetOption("b", "B", 12345, False)]
    for separator in (False, True):
        settings.USE_THOUSAND_SEPARATOR = separator
        for language in ("de", "en"):
            with translation.override(language):
                html = str(facet_options_html("kind", options, capped=False))
                assert '<span id="fc-kind-a">999</span>' in html
                assert f'<span id="fc-kind-b">{localize(12345)}</span>' in html
    with translation.override("de"):
        assert localize(12345) == "12.345"  # the separator was asked for: the test tells
