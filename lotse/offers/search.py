"""What of an offer is searchable (its `search_document`, see core.fulltext)."""

from lotse.core.fulltext import search_document


def offer_search_document(offer) -> str:
    """Stems of the offer's texts, its provider and its classification."""
    parts = [
        offer.title,
        offer.summary,
        offer.description,
        offer.eligibility,
        offer.cost_note,
        offer.actor.name,
        offer.actor.short_name,
        offer.get_kind_display(),
    ]
    # German and English names of the classification: English queries on /en/ find German
    # offers by their topic field or target group ("skilled workers", "labour migration").
    for item in [*offer.topic_fields.all(), *offer.target_groups.all()]:
        parts += [item.name, item.name_en]
    return search_document(parts, compounds=True)
