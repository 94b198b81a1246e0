"""The Redis cache backend keeps one client per connection pool (lotse/core/redis_cache.py)."""

from lotse.core.redis_cache import RedisCache


def test_one_client_per_pool_for_reads_and_writes():
    backend = RedisCache("redis://127.0.0.1:6379/14", {})  # building clients connects nowhere
    client = backend._cache.get_client()
    assert backend._cache.get_client("key") is client
    assert backend._cache.get_client(write=True) is client  # one server: one pool
    assert client.connection_pool is backend._cache._pools[0]


def test_reads_spread_over_replicas_keep_a_client_each():
    backend = RedisCache("redis://127.0.0.1:6379/14,redis://127.0.0.1:6379/13", {})
    writer = backend._cache.get_client(write=True)
    reader = backend._cache.get_client()
    assert writer is not reader
    assert backend._cache.get_client() is reader
    assert reader.connection_pool.connection_kwargs["db"] == 13
