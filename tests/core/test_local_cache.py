"""Each process's version-keyed caches are bounded in bytes too (lotse/core/local_cache.py)."""

import pickle
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches

from lotse.core.local_cache import BoundedLocMemCache


def make(max_bytes: int, max_entries: int = 1000) -> BoundedLocMemCache:
    return BoundedLocMemCache(
        f"test-{uuid.uuid4()}", {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}}
    )


def pickled_size(value: object) -> int:
    return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def test_the_least_recently_used_entries_leave_first_when_the_bytes_are_spent():
    value = b"x" * 1000
    size = pickled_size(value)
    cache = make(max_bytes=size * 4)
    for name in "abcd":
        cache.set(name, value)
    assert cache.get("a") == value  # a is now the most recently used
    cache.set("e", value)
    assert cache.get("b") is None
    assert [cache.get(name) is not None for name in "acde"] == [True] * 4
    assert cache.size_bytes == size * 4


def test_the_budget_holds_for_many_values():
    cache = make(max_bytes=50_000)
    for number in range(500):
        cache.set(f"answer-{number}", "y" * (number % 7 * 300))
        assert cache.size_bytes <= 50_000
    assert cache.size_bytes == sum(len(value) for value in cache._cache.values())


def test_a_value_larger_than_a_quarter_of_the_budget_is_not_kept():
    cache = make(max_bytes=40_000)
    cache.set("small", "s")
    cache.set("big", "b" * 10_001)
    assert cache.get("big") is None
    assert cache.get("small") == "s"


def test_replacing_deleting_expiring_and_clearing_keep_the_count():
    cache = make(max_bytes=100_000)
    cache.set("a", "1" * 100)
    cache.set("a", "2" * 200)
    assert cache.size_bytes == pickled_size("2" * 200)
    cache.set("b", 1)
    assert cache.incr("b", 5) == 6
    assert cache.size_bytes == pickled_size("2" * 200) + pickled_size(6)
    cache.delete("a")
    assert cache.size_bytes == pickled_size(6)
    cache.set("gone", "z" * 50, timeout=-1)
    assert cache.get("gone") is None
    assert cache.size_bytes == pickled_size(6)
    cache.clear()
    assert cache.size_bytes == 0


def test_the_entry_limit_still_applies():
    cache = make(max_bytes=1_000_000, max_entries=30)
    for number in range(100):
        cache.set(number, number)
    assert len(cache._cache) <= 30
    assert cache.size_bytes == sum(len(value) for value in cache._cache.values())


def test_a_budget_is_required():
    with pytest.raises(ValueError):
        BoundedLocMemCache("no-budget", {})


@pytest.mark.parametrize("alias", ["local", "pages"])
def test_the_per_process_caches_are_bounded_in_bytes(alias):
    assert settings.CACHES[alias]["BACKEND"] == "lotse.core.local_cache.BoundedLocMemCache"
    assert isinstance(caches[alias], BoundedLocMemCache)
    assert caches[alias].max_bytes <= 32 * 1024 * 1024
