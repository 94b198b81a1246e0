"""German full-text normalisation shared by every searchable model.

Texts are reduced to Snowball stems: "Ausbildungen" and "Ausbildung" both become "ausbild",
"Ärzte" and "Aerzte" both "arzt", "Straße" and "Strasse" both "strass". Each searchable model keeps
these stems in a `search_document` column; the database's own full-text engine (PostgreSQL
tsvector/GIN, SQLite FTS5) indexes that column, and queries are normalised the same way, with a
prefix match on every term so that "Weiterbildung" also finds "Weiterbildungsangebote".

Compounds: German glues words together ("Fachkräfteeinwanderung"), and a prefix match only
finds the first part. The document therefore also holds the stem of every *tail* of a word that
begins with a known word of `data/compound_parts.txt` (a maintained list of German words that
occur as parts of compounds): "fachkräfteeinwanderungsgesetz" adds "einwanderungsgesetz" and
"gesetz", so "Einwanderung" and "Gesetz" find it. Query words stay whole (splitting them made
"Integrationskurs" find every integration offer that mentions any course). This happens in
Python, so SQLite and PostgreSQL index the same stems.

Queries are a list of clauses, all required; a clause is either one stem (matched as a prefix)
or a tuple of alternatives, each alternative a tuple of stems that must all occur (synonyms,
see core.synonyms).
"""

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

# PyStemmer: the Snowball stemmers compiled into one C extension. The pure-Python
# snowballstemmer package imports the stemmers of all 30 languages it ships (39 modules, about
# 3 MB in every app-server process) although only German is used here (decision 0028); both are
# generated from the same Snowball sources and give the same stems.
import Stemmer

TOKEN_RE = re.compile(r"[0-9a-zäöüßàâçéèêëîïôûùÿñæœ]+", re.IGNORECASE)
MAX_QUERY_TERMS = 8
MIN_TERM_LENGTH = 2

# Words too frequent to be useful; kept short on purpose (stems).
STOP_STEMS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "oder",
        "fur",
        "fuer",
        "von",
        "mit",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "zu",
        "zum",
        "zur",
        "ein",
        "eine",
        "einen",
        "einer",
        "des",
        "dem",
        "den",
        "ist",
        "sind",
        "wird",
        "werden",
        "sie",
        "wir",
        "ihr",
        "es",
        "als",
        "auch",
        "nach",
        "uber",
        "ueber",
        # English function words, so that English queries on /en/ ("recognition of
        # qualifications") are not reduced to nothing by a word that no German text contains.
        "the",
        "of",
        "and",
        "for",
        "to",
        "on",
        "at",
        "by",
        "with",
        "from",
        "my",
        "your",
        "how",
        "what",
    ]
)

COMPOUND_PARTS_FILE = Path(__file__).parent / "data" / "compound_parts.txt"
MIN_PART_LENGTH = 4  # a compound part found inside a word has at least this many letters
MIN_MODIFIER_LENGTH = 3  # and leaves at least this many letters before it
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

# A clause of a query: one stem, or alternatives (each a tuple of stems that must all occur).
Alternatives = tuple[tuple[str, ...], ...]
Clause = str | Alternatives


_local = threading.local()


def _stemmer() -> Any:  # PyStemmer has no type hints
    """The German stemmer of this thread: a Snowball stemmer keeps the word it works on in the
    object, so threads sharing one (gthread workers, the live test server) corrupt each other's
    words and raise IndexError."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text or "")


def text_stems(text: str) -> list[str]:
    """All stems of a text, in order, without stop words."""
    stems = (stem(token) for token in tokens(text) if len(token) >= MIN_TERM_LENGTH)
    return [item for item in stems if item not in STOP_STEMS]


def fold_word(word: str) -> str:
    """Lower case with umlauts and ß spelt out ("Prüfung" -> "pruefung")."""
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=1)
def compound_parts() -> tuple[frozenset[str], tuple[int, ...]]:
    """The known compound parts (folded) and their lengths, longest first."""
    words = set()
    for line in COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if len(word) >= MIN_PART_LENGTH:
            words.add(fold_word(word))
    return frozenset(words), tuple(sorted({len(word) for word in words}, reverse=True))


def _part_starts(word: str) -> list[int]:
    """Positions inside a folded word where a known compound part begins."""
    parts, lengths = compound_parts()
    starts = []
    for start in range(MIN_MODIFIER_LENGTH, len(word) - MIN_PART_LENGTH + 1):
        rest = len(word) - start
        if any(word[start : start + n] in parts for n in lengths if n <= rest):
            starts.append(start)
    return starts


@lru_cache(maxsize=50_000)
def compound_tails(token: str) -> tuple[str, ...]:
    """Stems of the tails of a compound that begin with a known part.

    "Fachkräfteeinwanderungsgesetz" -> stems of "einwanderungsgesetz" and "gesetz".
    """
    word = fold_word(token)
    tails = (stem(word[start:]) for start in _part_starts(word))
    return tuple(item for item in dict.fromkeys(tails) if item not in STOP_STEMS)


def search_document(parts: Iterable[str], *, compounds: bool = False) -> str:
    """The value of a `search_document` column: stems of all parts, each once.

    `compounds`: also the stems of the parts' compound tails (offers and actors; a model that
    switches it on must recompute its stored documents, see offers/search_index.py).
    """
    seen: dict[str, None] = {}
    for part in parts:
        for token in tokens(part):
            if len(token) < MIN_TERM_LENGTH:
                continue
            item = stem(token)
            if item not in STOP_STEMS:
                seen.setdefault(item, None)
            if compounds:
                for tail in compound_tails(token):
                    seen.setdefault(tail, None)
    return " ".join(seen)


def query_stems(query: str) -> list[str]:
    """Stems of a user's query (at most MAX_QUERY_TERMS, duplicates removed)."""
    unique: dict[str, None] = {}
    for item in text_stems(query[:500]):
        unique.setdefault(item, None)
    return list(unique)[:MAX_QUERY_TERMS]


def query_words(query: str) -> list[str]:
    """The words of a query that count (the tokens behind `query_stems`, in the same order)."""
    unique: dict[str, str] = {}
    for token in tokens(query[:500]):
        if len(token) < MIN_TERM_LENGTH:
            continue
        item = stem(token)
        if item not in STOP_STEMS:
            unique.setdefault(item, token)
    return list(unique.values())[:MAX_QUERY_TERMS]


def clause_stems(clause: Clause) -> set[str]:
    """Every stem a clause mentions."""
    if isinstance(clause, str):
        return {clause}
    return {item for alternative in clause for item in alternative}


def clauses_match(stems: Iterable[str], clauses: Iterable[Clause]) -> bool:
    """Whether a document's stems satisfy every clause, as the database's index decides.

    The same rule as `core.fulltext_db.fulltext_match` (each term a prefix, all clauses
    required, a clause's alternatives OR-ed), in Python: for small sets of objects without a
    full-text index of their own (pages, upcoming events; see lotse/search).
    """
    items = tuple(stems)

    def found(prefix: str) -> bool:
        return any(item.startswith(prefix) for item in items)

    for clause in clauses:
        if isinstance(clause, str):
            if not found(clause):
                return False
        elif not any(all(found(part) for part in alternative) for alternative in clause):
            return False
    return True
