"""Django's local-memory cache with a bound in bytes as well as in entries.

Each app-server process keeps version-keyed values in its own memory (`CACHES["local"]`,
`CACHES["pages"]`; decisions 0005, 0011, 0015). `LocMemCache` bounds them by the number of
entries only, and its entries differ a thousandfold in size: a Tarif answer of a few hundred
bytes, a WZ code's register of 250 KB, a page of 40–100 KB. A worker that had answered many
different questions (each request of the benchmark's uncached targets is a new one) held
2000 entries of whatever size they had, and an entry whose version has moved is never asked
for again, so it stays until it is pushed out (decision 0022).

`BoundedLocMemCache` keeps the sum of the pickled values under `OPTIONS["MAX_BYTES"]` by
dropping the least recently used entries first (the order `LocMemCache` keeps), and does not
keep a value larger than a quarter of that (it would push out everything else for one
entry). `MAX_ENTRIES` still applies. The budget counts the pickled values, not the keys and
the dictionaries around them (about 200 bytes an entry, covered by `MAX_ENTRIES`).
"""

from __future__ import annotations

import pickle
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Bytes held per cache location (the store is shared by the instances of each thread, as
# LocMemCache's own dictionaries are); changed only under that location's lock.
_sizes: dict[str, list[int]] = {}


class BoundedLocMemCache(LocMemCache):
    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 0))
        if self.max_bytes <= 0:
            raise ValueError(f"cache {name!r}: OPTIONS['MAX_BYTES'] must be a positive size")
        self._size = _sizes.setdefault(name, [0])

    @property
    def size_bytes(self) -> int:
        """The pickled values held now (for tests and diagnostics)."""
        return self._size[0]

    def _set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> None:
        self._delete(key)
        if len(value) > self.max_bytes // 4:
            return
        while self._cache and self._size[0] + len(value) > self.max_bytes:
            self._pop_least_recent()
        super()._set(key, value, timeout)
        self._size[0] += len(value)

    def _pop_least_recent(self) -> None:
        key, value = self._cache.popitem()
        del self._expire_info[key]
        self._size[0] -= len(value)

    def _cull(self) -> None:
        if self._cull_frequency == 0:
            self._cache.clear()
            self._expire_info.clear()
            self._size[0] = 0
            return
        for _ in range(len(self._cache) // self._cull_frequency):
            self._pop_least_recent()

    def _delete(self, key: str) -> bool:
        value = self._cache.get(key)
        if not super()._delete(key):
            return False
        self._size[0] -= len(value)
        return True

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            new_value = pickle.loads(self._cache[key]) + delta  # noqa: S301 - our own values
            expiry = self._expire_info[key]
            self._set(key, pickle.dumps(new_value, self.pickle_protocol))
            if key in self._expire_info:
                self._expire_info[key] = expiry
        return new_value

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._size[0] = 0
