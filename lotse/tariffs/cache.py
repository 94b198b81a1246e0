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
from typing import ParamSpec, TypeVar

from django.core.cache import caches

from .versioning import current_version, version_pinned

P = ParamSpec("P")
T = TypeVar("T")
# A version-keyed entry is never stale; the timeout only returns the memory of rare answers.
TIMEOUT = 6 * 60 * 60
_MISSING = object()


def cache_key(name: str, version: str, params: dict) -> str:
    text = repr(sorted(params.items()))
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return f"tariffs:{name}:{version}:{digest}"


def versioned(name: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Cache a keyword-only selector's return value under the register version.

    Exceptions (a German ValidationError for bad input, DoesNotExist) are not cached. The
    function stays reachable as `.uncached` (benchmarks, tests of the cache itself).
    """

    def decorate(function: Callable[P, T]) -> Callable[P, T]:
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
        return wrapper

    return decorate
