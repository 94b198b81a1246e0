"""What of an actor is searchable (its `search_document`, see core.fulltext)."""

from lotse.core.fulltext import search_document


def actor_search_document(actor) -> str:
    parts = [
        actor.name,
        actor.short_name,
        actor.description,
        actor.town,
        actor.actor_type.name,
    ]
    # German and English names of the classification (English queries on /en/).
    for item in [*actor.topic_fields.all(), *actor.target_groups.all()]:
        parts += [item.name, item.name_en]
    parts += [item.name for item in actor.districts.all()]
    return search_document(parts, compounds=True)
