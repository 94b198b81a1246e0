import contextlib
import datetime
from decimal import Decimal
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import ModelLogEntry

from lotse.tariffs import services
from lotse.tariffs.models import (
    CollectiveAgreement,
    GeneralApplicability,
    MinimumWageRate,
    Provision,
    SectorCode,
)
from tests.tariffs.factories import add_rate, register_agreement, register_ordinance

D = datetime.date
pytestmark = pytest.mark.django_db


def _agreement(number="T-1", **fields):
    defaults = {"title": "Testtarifvertrag Gerüstbau", "codes": ["43.91.1"]}
    return register_agreement(number, **{**defaults, **fields})


def test_register_adds_wz_equivalents_and_audits():
    agreement = _agreement()
    codes = set(SectorCode.objects.filter(agreement=agreement).values_list("version", "code"))
    assert codes == {("2008", "43.91.1"), ("2025", "43.41.1")}
    assert "dachdeck" in agreement.search_document
    entry = ModelLogEntry.objects.get(object_id=str(agreement.pk), action="lotse.create")
    assert entry.data["changes"]["register_number"] == [None, "T-1"]


def test_register_number_unique_and_unknown_wz_rejected():
    _agreement()
    with pytest.raises(ValidationError, match="schon vergeben"):
        _agreement()
    with pytest.raises(ValidationError, match="Unbekannter WZ-Code"):
        _agreement("T-2", codes=["12.34.5"])
    assert not CollectiveAgreement.objects.filter(register_number="T-2").exists()


def test_period_end_before_start_rejected_by_service_and_database():
    with pytest.raises(ValidationError, match="nicht vor dem Beginn"):
        _agreement(valid_to=D(2023, 1, 1))
    agreement = _agreement()
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CollectiveAgreement.objects.filter(pk=agreement.pk).update(valid_to=D(2000, 1, 1))


def test_end_and_correct_are_audited_nothing_deleted():
    agreement = _agreement()
    services.agreement_end(user=None, agreement=agreement, valid_to=D(2025, 12, 31))
    services.agreement_correct(user=None, agreement=agreement, title="Korrigierter Titel")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(agreement.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["lotse.create", "lotse.end", "lotse.update"]
    update = ModelLogEntry.objects.get(object_id=str(agreement.pk), action="lotse.update")
    assert update.data["changes"]["title"] == ["Testtarifvertrag Gerüstbau", "Korrigierter Titel"]


def test_provision_overlap_refused():
    agreement = _agreement()
    kwargs = {"agreement": agreement, "kind": "pay", "grade": "E1", "step": 1, "unit": "monthly"}
    services.provision_add(
        user=None, amount=Decimal("2000"), valid_from=D(2024, 1, 1), valid_to=None, **kwargs
    )
    with pytest.raises(ValidationError, match="schon einen Wert"):
        services.provision_add(
            user=None, amount=Decimal("2100"), valid_from=D(2025, 1, 1), **kwargs
        )
    first = Provision.objects.get()
    services.provision_end(user=None, provision=first, valid_to=D(2024, 12, 31))
    services.provision_add(user=None, amount=Decimal("2100"), valid_from=D(2025, 1, 1), **kwargs)
    # another grade may share the period
    services.provision_add(
        user=None,
        amount=Decimal("2500"),
        valid_from=D(2024, 1, 1),
        **{**kwargs, "grade": "E2"},
    )
    with pytest.raises(ValidationError, match="negativ"):
        services.provision_add(user=None, amount=Decimal("-1"), valid_from=D(2030, 1, 1), **kwargs)


def test_ave_procedure_states():
    agreement = _agreement()
    ave = services.ave_apply(
        user=None, agreement=agreement, applied_on=D(2024, 2, 1), announcement="BAnz AT 1"
    )
    with pytest.raises(ValidationError, match="kann nicht"):
        services.ave_transition(user=None, ave=ave, status="ended", on=D(2024, 3, 1))
    ave = services.ave_transition(user=None, ave=ave, status="committee", on=D(2024, 3, 1))
    ave = services.ave_transition(
        user=None, ave=ave, status="declared", on=D(2024, 4, 1), valid_from=D(2024, 5, 1)
    )
    second = services.ave_apply(user=None, agreement=agreement, applied_on=D(2025, 1, 1))
    second = services.ave_transition(user=None, ave=second, status="committee", on=D(2025, 2, 1))
    with pytest.raises(ValidationError, match="schon eine Allgemeinverbindlicherklärung"):
        services.ave_transition(
            user=None, ave=second, status="declared", on=D(2025, 3, 1), valid_from=D(2025, 4, 1)
        )
    ave = services.ave_transition(
        user=None, ave=ave, status="ended", on=D(2025, 3, 31), valid_to=D(2025, 3, 31)
    )
    second = services.ave_transition(
        user=None, ave=second, status="declared", on=D(2025, 3, 1), valid_from=D(2025, 4, 1)
    )
    assert GeneralApplicability.objects.filter(status="declared").count() == 1
    statuses = ModelLogEntry.objects.filter(action="lotse.status").count()
    assert statuses == 5


def _ordinance():
    return register_ordinance("Testverordnung", sector_label="Test", valid_from=D(2020, 1, 1))


def test_rate_must_lie_within_the_ordinance():
    ordinance = register_ordinance(
        "V", sector_label="T", valid_from=D(2024, 1, 1), valid_to=D(2024, 12, 31)
    )
    with pytest.raises(ValidationError, match="innerhalb der Geltung"):
        add_rate(ordinance, "A", "14", D(2024, 1, 1))


periods = st.tuples(
    st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=2000)),
)


class TestNonOverlapProperty(TestCase):
    """Whatever sequence of periods is offered, the stored periods of one kind never overlap."""

    @settings(max_examples=40, deadline=None)
    @given(st.lists(periods, min_size=1, max_size=8))
    def test_rates_never_overlap(self, offered):
        ordinance = _ordinance()
        _offer_periods(
            offered,
            partial(
                services.rate_add,
                user=None,
                ordinance=ordinance,
                category="A",
                amount=Decimal("13"),
            ),
        )
        rows = list(MinimumWageRate.objects.filter(ordinance=ordinance).order_by("valid_from"))
        assert rows
        _assert_disjoint(rows)

    @settings(max_examples=30, deadline=None)
    @given(st.lists(periods, min_size=1, max_size=6))
    def test_provisions_never_overlap(self, offered):
        agreement = _agreement(f"P-{CollectiveAgreement.objects.count()}")
        _offer_periods(
            offered,
            partial(
                services.provision_add,
                user=None,
                agreement=agreement,
                kind="trainee_pay",
                training_year=1,
                amount=Decimal("900"),
                unit="monthly",
            ),
        )
        _assert_disjoint(Provision.objects.filter(agreement=agreement).order_by("valid_from"))


def _offer_periods(offered, add) -> None:
    """Offer each (start, length in days or None) to `add(valid_from=, valid_to=)`; a refused
    period (ValidationError) is part of the game."""
    for start, length in offered:
        end = None if length is None else start + datetime.timedelta(days=length)
        with contextlib.suppress(ValidationError):
            add(valid_from=start, valid_to=end)


def _assert_disjoint(rows) -> None:
    """Periods ordered by start: each ends before the next one starts."""
    rows = list(rows)
    for earlier, later in zip(rows, rows[1:], strict=False):
        assert earlier.valid_to is not None and earlier.valid_to < later.valid_from


def test_correct_replaces_parties_regions_and_codes_and_audits_them():
    from lotse.core.models import Region

    agreement = _agreement(parties=[services.party_create(user=None, name="IG BAU", kind="union")])
    leipzig = Region.objects.get(code="14713")
    services.agreement_correct(
        user=None,
        agreement=agreement,
        parties=[services.party_create(user=None, name="IG Metall", kind="union")],
        regions=[leipzig],
        codes=["43.99.1"],
        territory="regions",
        note="importiert aus register.csv",
    )
    agreement.refresh_from_db()
    assert list(agreement.parties.values_list("name", flat=True)) == ["IG Metall"]
    assert list(agreement.regions.all()) == [leipzig]
    assert set(agreement.codes.filter(derived=False).values_list("code", flat=True)) == {"43.99.1"}
    update = ModelLogEntry.objects.get(object_id=str(agreement.pk), action="lotse.update")
    changes = update.data["changes"]
    assert changes["parties"] == [["IG BAU"], ["IG Metall"]]
    assert changes["regions"] == [[], ["14713"]]
    assert changes["codes"] == [["43.91.1"], ["43.99.1"]]
    assert changes["territory"] == ["saxony", "regions"]
    assert update.data["note"] == "importiert aus register.csv"


def test_correct_with_the_stored_values_writes_nothing():
    agreement = _agreement()
    stamp = CollectiveAgreement.objects.get(pk=agreement.pk).updated_at
    services.agreement_correct(
        user=None, agreement=agreement, title=agreement.title, codes=["43.91.1"]
    )
    assert CollectiveAgreement.objects.get(pk=agreement.pk).updated_at == stamp
    assert not ModelLogEntry.objects.filter(
        object_id=str(agreement.pk), action="lotse.update"
    ).exists()


def test_correct_refuses_states_territory_without_states_and_keeps_the_row():
    agreement = _agreement()
    with pytest.raises(ValidationError, match="Länder"):
        services.agreement_correct(user=None, agreement=agreement, territory="states")
    assert CollectiveAgreement.objects.get(pk=agreement.pk).territory == "saxony"


def test_correct_to_a_taken_register_number_is_a_clear_error():
    _agreement("T-1")
    second = _agreement("T-2")
    with pytest.raises(ValidationError, match="schon vergeben"):
        services.agreement_correct(user=None, agreement=second, register_number="T-1")
    assert CollectiveAgreement.objects.filter(register_number="T-2").exists()
