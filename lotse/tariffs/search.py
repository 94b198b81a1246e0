"""What of an agreement is searchable (its `search_document`, see core.fulltext)."""

from lotse.core.fulltext import search_document

from . import wz


def agreement_search_document(agreement) -> str:
    """Stems of title, scope texts, parties and the titles of its WZ classes."""
    parts = [agreement.title, agreement.sector_text, agreement.personal_scope]
    parts += [party.name for party in agreement.parties.all()]
    parts += [wz.title(item.code, item.version) for item in agreement.codes.all()]
    return search_document(parts)


def ordinance_search_document(ordinance) -> str:
    parts = [ordinance.title, ordinance.sector_label]
    parts += [wz.title(item.code, item.version) for item in ordinance.codes.all()]
    return search_document(parts)
