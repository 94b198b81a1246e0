"""Reference numbers stay unique when submissions arrive at the same moment."""

import threading

import pytest
from django.db import connection, connections, transaction

from lotse.desk import services
from lotse.desk.models import ReferenceCounter

# Real commits from several connections. serialized_rollback: the flush afterwards skips
# post_migrate, and the next transactional test (e.g. a browser test) restores the migrated data.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 8


def run_parallel(work) -> list:
    results, errors = [], []
    barrier = threading.Barrier(THREADS, timeout=20)

    def worker():
        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel connections need PostgreSQL"
)
def test_parallel_allocations_are_unique():
    references = run_parallel(lambda: services.reference_next(topic="tarif", year=2026))
    assert len(set(references)) == THREADS
    assert sorted(references) == [f"TA-2026-{n:05d}" for n in range(1, THREADS + 1)]
    assert ReferenceCounter.objects.get(prefix="TA", year=2026).last == THREADS


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel connections need PostgreSQL"
)
def test_control_read_then_write_without_the_guard_gives_duplicates():
    """The control: read the counter, then write it back, without the conditional UPDATE."""
    ReferenceCounter.objects.create(prefix="TA", year=2026, last=0)
    read_done = threading.Barrier(THREADS, timeout=20)

    def naive():
        with transaction.atomic():
            last = ReferenceCounter.objects.get(prefix="TA", year=2026).last
            read_done.wait()  # everybody has read before anybody writes
            ReferenceCounter.objects.filter(prefix="TA", year=2026).update(last=last + 1)
        return last + 1

    numbers = run_parallel(naive)
    assert len(set(numbers)) < THREADS


def test_sequential_allocations_count_up():
    first = services.reference_next(topic="tarif", year=2030)
    second = services.reference_next(topic="tarif", year=2030)
    assert (first, second) == ("TA-2030-00001", "TA-2030-00002")
