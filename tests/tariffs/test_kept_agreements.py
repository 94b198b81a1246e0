"""The agreements an answer from a WZ code's register shows, kept in blocks of the register per
register version (`selectors._kept_agreements`): the same answer as the database's on every date
and page, no statement for a page whose blocks are kept, and every change of the register seen
at once (with a control that keeps the blocks without the version and stays stale)."""

import datetime
import itertools
import random
from decimal import Decimal

import pytest

from lotse.tariffs import selectors, services
from lotse.tariffs.models import AgreementParty, CollectiveAgreement, Provision

from .test_paging import CODE, FIRST_DAY, ON, D, _answer_key, bulk_agreements

pytestmark = pytest.mark.django_db

ANSWER = "/tarifauskunft/auskunft/?wz={code}&stand={day}"


def _provisions(agreement: CollectiveAgreement, periods) -> list[Provision]:
    return [
        Provision(
            agreement=agreement,
            kind="pay",
            grade=f"E{n}",
            step=1,
            amount=Decimal("2000"),
            unit="monthly",
            valid_from=start,
            valid_to=end,
        )
        for n, (start, end) in enumerate(periods)
    ]


# Provision periods of the agreements (cyclically): none, open, adjacent, overlapping with a
# gap of one day, one day twice, ended before the agreements' later dates.
PERIODS = [
    [],
    [(D(2020, 1, 1), None)],
    [(D(2020, 1, 1), D(2020, 6, 30)), (D(2020, 7, 1), D(2020, 12, 31))],
    [(D(2020, 3, 1), D(2020, 8, 31)), (D(2020, 2, 1), D(2020, 4, 30)), (D(2020, 9, 2), None)],
    [(D(2020, 5, 1), D(2020, 5, 1)), (D(2020, 5, 1), D(2020, 5, 1))],
    [(D(2019, 1, 1), D(2019, 12, 31))],
]
DAYS = [
    D(2019, 12, 31),
    FIRST_DAY,
    D(2020, 1, 7),
    D(2020, 2, 1),
    D(2020, 4, 30),
    D(2020, 5, 1),
    D(2020, 5, 2),
    D(2020, 6, 30),
    D(2020, 7, 1),
    D(2020, 9, 1),
    D(2020, 9, 2),
    D(2020, 12, 31),
    D(2021, 1, 1),
    ON,
]


@pytest.mark.parametrize("block", [selectors.KEPT_BLOCK, 4])
def test_kept_agreements_answer_as_the_database_does(monkeypatch, block):
    """Parties, provisions of every shape of period, pages across blocks (also when some of
    their blocks are kept already): the answer equals the database's."""
    monkeypatch.setattr(selectors, "KEPT_BLOCK", block)
    rows = bulk_agreements(14)
    bulk_agreements(5, prefix="H", level="company")
    Provision.objects.bulk_create(
        provision
        for row, periods in zip(rows, itertools.cycle(PERIODS), strict=False)
        for provision in _provisions(row, periods)
    )
    parties = [
        services.party_create(user=None, name=name, kind="union")
        for name in ("Verband Zimmerer", "IG Bau", "Arbeitgeberverband Bau")
    ]
    rows[3].parties.add(*parties)
    rows[9].parties.add(parties[0])
    CollectiveAgreement.objects.filter(pk=rows[5].pk).update(valid_to=D(2020, 3, 31))
    checked = set()
    # Dates in a shuffled order: pages whose blocks are kept, partly kept or not kept yet.
    for on in random.Random(4).sample(DAYS, len(DAYS)):
        for page in (1, 2, 3):
            fast = selectors.tariff_lookup.uncached(wz=CODE, on=on, page=page, per_page=5)
            with monkeypatch.context() as patched:
                patched.setattr(selectors, "_sector_register", lambda **kwargs: None)
                database = selectors.tariff_lookup.uncached(wz=CODE, on=on, page=page, per_page=5)
            assert _answer_key(fast) == _answer_key(database), (on, page)
            assert [item.agreement for item in fast.agreements] == [
                item.agreement for item in database.agreements
            ]
            checked.update((item.has_provisions, len(item.parties)) for item in fast.agreements)
    assert {has for has, _count in checked} == {True, False}
    assert {count for _has, count in checked} == {0, 1, 3}


def test_a_page_of_kept_blocks_reads_nothing_of_the_agreements(
    monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(selectors, "KEPT_BLOCK", 8)
    bulk_agreements(30)
    first = selectors.tariff_lookup(wz=CODE, on=ON)  # the rows 0-19: blocks 0, 1 and 2
    with django_assert_num_queries(1):  # the register version
        again = selectors.tariff_lookup(wz=CODE, on=ON - datetime.timedelta(days=1))
    assert [item.agreement for item in again.agreements] == [
        item.agreement for item in first.agreements
    ]
    # The rows 20-29: block 2 is kept, block 3 is read (its rows with parties, provisions).
    with django_assert_num_queries(3) as captured:
        second = selectors.tariff_lookup(wz=CODE, on=ON, page=2)
    assert len(second.agreements) == 10
    assert "tariffs_provision" in captured.captured_queries[-1]["sql"]


def _answer(client, day: datetime.date) -> str:
    return client.get(ANSWER.format(code=CODE, day=day.isoformat())).content.decode()


def _changed_register(client) -> tuple[str, str]:
    """The list item of an agreement in an answer; then its title, its party's name and its
    provision's end changed in bulk (no signals); then its list item in the answer of the next
    day."""
    rows = bulk_agreements(3)
    party = services.party_create(user=None, name="IG Alt", kind="union")
    rows[2].parties.add(party)
    Provision.objects.bulk_create(_provisions(rows[2], [(D(2024, 1, 1), D(2024, 12, 31))]))
    before = _item(_answer(client, ON))
    CollectiveAgreement.objects.filter(pk=rows[2].pk).update(title="Tarifvertrag Neu")
    AgreementParty.objects.filter(pk=party.pk).update(name="IG Neu")
    Provision.objects.filter(agreement=rows[2]).update(valid_to=None)
    return before, _item(_answer(client, ON + datetime.timedelta(days=1)))


def _item(html: str) -> str:
    """The list item of T-0002 (the newest: the first)."""
    item = html.split('<ul class="kern-list tariffs-agreements"', 1)[1].split("</li>", 1)[0]
    assert "/tarifvertrag/T-0002/" in item
    return item


def test_kept_agreements_follow_a_bulk_update_at_once(client):
    before, after = _changed_register(client)
    assert "Tarifvertrag T 0002" in before and "IG Alt" in before
    assert "Einzelne Bestimmungen sind für diesen Tag nicht erfasst." in before
    assert "Tarifvertrag T 0002" not in after and "Tarifvertrag Neu" in after
    assert "IG Neu" in after and "IG Alt" not in after
    assert "Einzelne Bestimmungen sind für diesen Tag nicht erfasst." not in after


def test_control_kept_agreements_without_the_version_stay_stale(client, monkeypatch):
    """The control of the test above: kept without the register version in their key, the
    blocks still show the old title, party and provisions."""
    key = selectors.cache_key

    def without_version(name: str, version: str, params: dict) -> str:
        return key(name, "fixed" if name == "kept-agreements" else version, params)

    monkeypatch.setattr(selectors, "cache_key", without_version)
    _before, after = _changed_register(client)
    assert "Tarifvertrag T 0002" in after and "Tarifvertrag Neu" not in after
    assert "IG Alt" in after
    assert "Einzelne Bestimmungen sind für diesen Tag nicht erfasst." in after


@pytest.mark.parametrize("seed", range(20))
def test_spans_cover_the_days_of_the_periods(seed):
    rng = random.Random(seed)
    periods = []
    for _n in range(rng.randrange(6)):
        start = rng.randrange(1, 40)
        periods.append((start, 0 if rng.random() < 0.2 else start + rng.randrange(8)))
    spans = selectors._spans(periods)
    for day in range(0, 60):
        covered = any(start <= day and (not end or end >= day) for start, end in periods)
        assert any(start <= day and (not end or end >= day) for start, end in spans) == covered
    assert all(
        end and end + 1 < later for (_start, end), (later, _end) in itertools.pairwise(spans)
    )
