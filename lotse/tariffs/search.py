"""What of an agreement is searchable (its `search_document`, see core.fulltext)."""

from lotse.core.fulltext import search_document

from . import wz


def agreement_search_document(agreement) -> str:
    """Stems of title, scope texts, parties and the titles of its WZ classes.

    Company agreements and confidential entries are only counted in public answers, and only for
    sector questions: their document holds the official titles of their WZ classes and nothing
    of their own (no title, party names or scope texts), so that a search for a company's name
    or a word of a hidden title finds nothing and reveals no count.
    """
    codes = [wz.title(item.code, item.version) for item in agreement.codes.all()]
    if agreement.level != "sector" or agreement.confidential:
        return search_document(codes)
    parts = [agreement.title, agreement.sector_text, agreement.personal_scope]
    parts += [party.name for party in agreement.parties.all()]
    return search_document(parts + codes)


def ordinance_search_document(ordinance) -> str:
    parts = [ordinance.title, ordinance.sector_label]
    parts += [wz.title(item.code, item.version) for item in ordinance.codes.all()]
    return search_document(parts)
