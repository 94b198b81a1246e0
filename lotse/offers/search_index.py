"""Rebuild every stored search document (offers and actors) after the rules changed.

Used by `manage.py search_reindex` and by the migrations that change what a document holds
(e.g. compound tails, English names). Works with the current or with historical models.
"""

from lotse.network.search import actor_search_document

from .search import offer_search_document

BATCH = 500


def _rebuild(queryset, document) -> int:
    changed = 0
    model = queryset.model
    for row in queryset.order_by("pk").iterator(chunk_size=BATCH):
        value = document(row)
        if value != row.search_document:
            model.objects.filter(pk=row.pk).update(search_document=value)
            changed += 1
    return changed


def search_documents_rebuild(*, offer_model, actor_model) -> dict[str, int]:
    """Recompute the documents of all offers and actors; returns how many changed."""
    offers = offer_model.objects.select_related("actor").prefetch_related(
        "topic_fields", "target_groups"
    )
    actors = actor_model.objects.select_related("actor_type").prefetch_related(
        "topic_fields", "target_groups", "districts"
    )
    return {
        "offers": _rebuild(offers, offer_search_document),
        "actors": _rebuild(actors, actor_search_document),
    }
