"""Public answers of the Tarifauskunft, cached under the register version.

An answer depends only on its parameters and on the register's content, and every write to the
register moves the version (database triggers, `lotse.tariffs.versioning`). Cached under
(version, parameters), an answer is never stale: after a change the next request reads the new
version, misses, and computes the new answer. Reading the version is one indexed read of one
row; the cache is each worker's own memory (`caches["local"]`), so a hit costs no round trip.
"""

import functools
import hashlib
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar, cast

from django.core.cache import caches

from .versioning import current_version, version_pinned

P = ParamSpec("P")
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
# A version-keyed entry is never stale; the timeout only returns the memory of rare answers.
TIMEOUT = 6 * 60 * 60
_MISSING = object()


def cache_key(name: str, version: str, params: dict) -> str:
    text = repr(sorted(params.items()))
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return f"tariffs:{name}:{version}:{digest}"


class Versioned(Protocol[P, T_co]):
    """A selector cached by `versioned`; `.uncached` computes without the cache."""

    @property
    def uncached(self) -> Callable[P, T_co]: ...

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T_co: ...


def versioned(name: str) -> Callable[[Callable[P, T]], Versioned[P, T]]:
    """Cache a keyword-only selector's return value under the register version.

    Exceptions (a German ValidationError for bad input, DoesNotExist) are not cached. The
    function stays reachable as `.uncached` (an answer whose result is kept in another form, e.g.
    as the answer page's HTML; benchmarks; tests of the cache itself).
    """

    def decorate(function: Callable[P, T]) -> Versioned[P, T]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            if args:
                raise TypeError(f"{function.__name__} takes keyword arguments only")
            cache = caches["local"]
            # Pinned: the cached selectors this one calls use the same reading of the version.
            with version_pinned():
                key = cache_key(name, current_version(), kwargs)
                value = cache.get(key, _MISSING)
                if value is _MISSING:
                    value = function(**kwargs)
                    cache.set(key, value, TIMEOUT)
            return value

        wrapper.uncached = function  # type: ignore[attr-defined]
        return cast(Versioned[P, T], wrapper)

    return decorate


# The small tables every answer reads (statutory minimum wages, minimum trainee pays, districts;
# a few rows each): one value per table in each process, that of the version read last.
_tables: dict[str, tuple[str, Any]] = {}


def versioned_table(name: str) -> Callable[[Callable[[], T]], Versioned[[], T]]:
    """Keep a table's value as it is (not pickled) in this process under the register version.

    For values read by every answer and never changed by their readers: unpickling a few model
    instances from `caches["local"]` on every request cost more than the rest of their use. Only
    the newest version's value is held (a write to the register moves the version, so an older
    value is never asked for again): the memory is one value per table.
    """

    def decorate(function: Callable[[], T]) -> Versioned[[], T]:
        @functools.wraps(function)
        def wrapper() -> T:
            with version_pinned():
                version = current_version()
                kept = _tables.get(name)
                if kept is not None and kept[0] == version:
                    return kept[1]
                value = function()
                _tables[name] = (version, value)
            return value

        wrapper.uncached = function  # type: ignore[attr-defined]
        return cast(Versioned[[], T], wrapper)

    return decorate


def forget_tables() -> None:
    """Drop the tables kept by `versioned_table` (tests start from empty caches)."""
    _tables.clear()
