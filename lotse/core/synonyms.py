"""Query expansion for the full-text search: synonym groups kept by the Redaktion.

`search_clauses(query)` turns what a user typed into the clauses `core.fulltext_db` matches:
every word (or phrase) is required; a word that is a term of a synonym group
(`core.models.SearchSynonym`) may be matched by any term of its group. English terms in the
groups let English queries on /en/ find German offers ("recognition" -> "Anerkennung").
Compounds are handled in the index (core.fulltext: their tails are indexed too).

The groups are read from the database once per content version and process (`versioned`: a
write to the groups moves the version), so an edit in the back office takes effect at once on
every app server; search results cached by the catalogue are keyed by the expanded clauses,
so an edited group never serves old hits.
"""

from __future__ import annotations

from .fulltext import (
    MAX_QUERY_TERMS,
    Clause,
    query_stems,
    query_words,
    stem,
)
from .versioning import versioned

MAX_ALTERNATIVES = 16


def _same_stem(typed: str, term: str) -> bool:
    """Whether a typed stem means a term's stem ("deutschkurs" and "deutschkur" do)."""
    if typed == term:
        return True
    short, long = sorted((typed, term), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def synonym_groups() -> list[list[tuple[str, ...]]]:
    """Every synonym group as the stems of its terms: read and stemmed once per content version
    and process (every write to the groups moves the version, so an edit still takes effect
    at once on every app server)."""
    return versioned("core:synonym-groups:v1", _read_synonym_groups)


def _read_synonym_groups() -> list[list[tuple[str, ...]]]:
    from .models import SearchSynonym

    groups = []
    for terms in SearchSynonym.objects.order_by("pk").values_list("terms", flat=True):
        stems = [tuple(query_stems(term)) for term in SearchSynonym(terms=terms).term_list()]
        stems = [item for item in stems if item]
        if len(stems) >= 2:
            groups.append(stems)
    return groups


def _subsumed(alternative: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether every row matching `alternative` also matches `other` (prefix semantics)."""
    return alternative != other and all(
        any(item.startswith(prefix) for item in alternative) for prefix in other
    )


def _clause(alternatives: set[tuple[str, ...]]) -> Clause:
    kept = [
        alternative
        for alternative in alternatives
        if not any(_subsumed(alternative, other) for other in alternatives)
    ]
    kept = sorted(kept, key=lambda item: (len(item), item))[:MAX_ALTERNATIVES]
    if len(kept) == 1 and len(kept[0]) == 1:
        return kept[0][0]
    return tuple(kept)


def expand_query(query: str, groups: list[list[tuple[str, ...]]]) -> list[Clause]:
    """The clauses of a query with the given synonym groups (pure; see search_clauses)."""
    words = query_words(query)
    stems = [stem(word) for word in words]
    clauses: list[Clause] = []
    position = 0
    while position < len(words):
        best_length = 0
        matched: list[list[tuple[str, ...]]] = []
        for group in groups:
            length = max(
                (
                    len(term)
                    for term in group
                    if position + len(term) <= len(stems)
                    and all(
                        _same_stem(a, b)
                        for a, b in zip(stems[position : position + len(term)], term, strict=True)
                    )
                ),
                default=0,
            )
            if length and length > best_length:
                best_length, matched = length, [group]
            elif length and length == best_length:
                matched.append(group)
        if not best_length:
            clauses.append(stems[position])
            position += 1
            continue
        alternatives = {tuple(stems[position : position + best_length])}
        for group in matched:
            alternatives.update(group)
        clauses.append(_clause(alternatives))
        position += best_length
    return clauses[:MAX_QUERY_TERMS]


def search_clauses(query: str) -> list[Clause]:
    """The clauses of a user's query with the current synonym groups ([] without words)."""
    if not query_words(query):
        return []
    return expand_query(query, synonym_groups())
