"""Reference numbers stay unique when submissions arrive at the same moment."""

import threading

import pytest
from django.db import connection, connections, transaction

from lotse.desk import services
from lotse.desk.models import Inquiry, InquiryFact, ReferenceCounter

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


def _general(question: str = "Wer hilft bei der Verbundausbildung?"):
    from .test_report import submit

    return submit(question=question)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel connections need PostgreSQL"
)
def test_parallel_general_submissions_get_unique_references():
    references = [inquiry.reference for inquiry in run_parallel(_general)]
    year = references[0].split("-")[1]
    assert sorted(references) == [f"LD-{year}-{n:05d}" for n in range(1, THREADS + 1)]
    assert Inquiry.objects.filter(reference__in=references).count() == THREADS
    assert InquiryFact.objects.count() == THREADS


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel connections need PostgreSQL"
)
def test_a_submission_does_not_wait_for_another_ones_transaction(monkeypatch):
    """The reference number is taken in its own statement: a second submission completes while
    the first one's transaction (inquiry, mails, fact row) is still open. Before, the counter
    row stayed locked until the first one committed, and every form POST queued behind it."""
    inside, release = threading.Event(), threading.Event()
    mail_asker = services._mail_asker

    def paused_mail(inquiry, **kwargs):
        mail_asker(inquiry, **kwargs)
        if "erste" in inquiry.message:
            inside.set()  # the first transaction has written the inquiry, not yet committed
            assert release.wait(20)

    monkeypatch.setattr(services, "_mail_asker", paused_mail)
    results: dict[str, object] = {}

    def submit(name: str, question: str) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '5s'")
            results[name] = _general(question)
        except Exception as exc:  # noqa: BLE001 - asserted below
            results[name] = exc
        finally:
            connections.close_all()

    first = threading.Thread(target=submit, args=("first", "Die erste Frage"))
    first.start()
    try:
        assert inside.wait(20)
        second = threading.Thread(target=submit, args=("second", "Die zweite Frage"))
        second.start()
        second.join(15)
        assert not second.is_alive()
        assert isinstance(results["second"], Inquiry), results["second"]
        assert "first" not in results  # still inside its transaction
    finally:
        release.set()
        first.join(20)
    assert isinstance(results["first"], Inquiry), results["first"]
    assert results["first"].reference.endswith("-00001")
    assert results["second"].reference.endswith("-00002")
    assert Inquiry.objects.count() == 2


def test_a_failed_submission_writes_nothing_and_leaves_its_number_unused(monkeypatch):
    """Reference numbers are unique and ascending, not gap-free (decision 0019): the number is
    taken before the transaction of the writes, which a failure rolls back as a whole."""
    first = _general()

    def broken(*args, **kwargs):
        raise RuntimeError("mail template missing")

    with monkeypatch.context() as patched:
        patched.setattr(services, "_mail_asker", broken)
        with pytest.raises(RuntimeError):
            _general(question="Diese Frage geht verloren")
    assert not Inquiry.objects.filter(message="Diese Frage geht verloren").exists()
    assert InquiryFact.objects.count() == 1
    second = _general()
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 2
