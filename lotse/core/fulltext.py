"""German full-text normalisation shared by every searchable model.

Texts are reduced to Snowball stems: "Ausbildungen" and "Ausbildung" both become "ausbild",
"Ärzte" and "Aerzte" both "arzt", "Straße" and "Strasse" both "strass". Each searchable model keeps
these stems in a `search_document` column; the database's own full-text engine (PostgreSQL
tsvector/GIN, SQLite FTS5) indexes that column, and queries are normalised the same way, with a
prefix match on every term so that "Weiterbildung" also finds "Weiterbildungsangebote".
"""

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

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
    ]
)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text or "")


def text_stems(text: str) -> list[str]:
    """All stems of a text, in order, without stop words."""
    stems = (stem(token) for token in tokens(text) if len(token) >= MIN_TERM_LENGTH)
    return [item for item in stems if item not in STOP_STEMS]


def search_document(parts: Iterable[str]) -> str:
    """The value of a `search_document` column: stems of all parts, each once."""
    seen: dict[str, None] = {}
    for part in parts:
        for item in text_stems(part):
            seen.setdefault(item, None)
    return " ".join(seen)


def query_stems(query: str) -> list[str]:
    """Stems of a user's query (at most MAX_QUERY_TERMS, duplicates removed)."""
    unique: dict[str, None] = {}
    for item in text_stems(query[:500]):
        unique.setdefault(item, None)
    return list(unique)[:MAX_QUERY_TERMS]
