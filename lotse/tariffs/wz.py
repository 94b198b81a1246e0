"""WZ 2008 / WZ 2025 classes from the `wz-code` package, with the correspondence of both."""

import re
from functools import lru_cache

from wz_code import WZ

VERSIONS = ("2008", "2025")
CODE_RE = re.compile(r"^[A-V]$|^\d{2}(\.\d{1,2}(\.\d)?)?$")


@lru_cache(maxsize=2)
def _wz(version: str) -> WZ:
    return WZ(version=version)


DIGITS_RE = re.compile(r"^\d{3,5}$")


def normalise(code: str) -> str:
    """Upper case without spaces; digits written without dots get them ("43991" → "43.99.1")."""
    code = (code or "").strip().upper().replace(" ", "")
    if DIGITS_RE.match(code):
        code = ".".join(part for part in (code[:2], code[2:4], code[4:]) if part)
    return code


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """The official titles of every WZ 2008 and WZ 2025 code, lower case."""
    return tuple(
        _wz(version).get(code).title.casefold()
        for version in VERSIONS
        for code in _wz(version).get_all_codes()
    )


def words_in_titles(words: list[str]) -> bool:
    """Whether every word (of three or more letters) occurs in the title of some WZ code: the
    words name a sector of the classification even when the register holds nothing for it."""
    words = [word.casefold() for word in words if len(word) >= 3]
    return bool(words) and all(any(word in title for title in _titles()) for word in words)


def versions_of(code: str) -> list[str]:
    """The WZ versions in which this code exists (empty: unknown)."""
    code = normalise(code)
    if not CODE_RE.match(code):
        return []
    return [version for version in VERSIONS if _wz(version).exists(code)]


def title(code: str, version: str) -> str:
    try:
        return _wz(version).get(normalise(code)).title
    except Exception:  # noqa: BLE001 - an unknown code simply has no title
        return ""


def equivalents(code: str, version: str) -> list[tuple[str, str]]:
    """(version, code) of the other version's classes that correspond to this one."""
    other = "2025" if version == "2008" else "2008"
    try:
        found = _wz(version).find_equivalent(normalise(code), other)
    except Exception:  # noqa: BLE001 - no correspondence for sections/divisions
        return []
    return [(other, item.code) for item in found]


def expand(code: str) -> set[str]:
    """A code in any version plus its equivalents and the classes below it (both versions)."""
    return set(_expand(normalise(code)))


@lru_cache(maxsize=2048)
def _expand(code: str) -> frozenset[str]:
    result: set[str] = set()
    for version in versions_of(code):
        node = _wz(version).get(code)
        nodes = [node, *node.descendants]
        for item in nodes:
            result.add(item.code)
            result.update(other for _v, other in equivalents(item.code, version))
    return frozenset(result)
