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
    parts += [item.name for item in offer.topic_fields.all()]
    parts += [item.name for item in offer.target_groups.all()]
    return search_document(parts)
