"""The Tarif module: answered by the Tarifauskunft for the profile's WZ code on today's date."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from lotse.guidance.selectors import check_by_token, check_plan
from lotse.tariffs import services as tariff_services
from tests.tariffs.factories import register_agreement

from .conftest import start_check

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC)


def _declare(agreement, since):
    ave = tariff_services.ave_apply(
        user=None, agreement=agreement, applied_on=since - datetime.timedelta(days=90)
    )
    ave = tariff_services.ave_transition(user=None, ave=ave, status="committee", on=since)
    return tariff_services.ave_transition(
        user=None, ave=ave, status="declared", on=since, valid_from=since
    )


@time_machine.travel(TODAY, tick=False)
def test_generally_binding_agreement_gives_the_measure(client, version, zwickau):
    agreement = register_agreement("T-1", title="Entgelt-TV Metallbau Sachsen", codes=["25.11"])
    _declare(agreement, datetime.date(2025, 1, 1))
    _check, token = start_check(version, zwickau, wz_code="25.11", modules=("tarif",))
    plan = check_plan(check=check_by_token(token=token))
    tariff = next(item for item in plan.modules if item.module.key == "tarif")
    assert tariff.tariff.generally_binding
    assert [m.key for m in plan.measures] == ["tarif.tarif"]
    assert "allgemeinverbindlich" in plan.measures[0].why
    html = client.get(reverse("guidance:module", args=[token, "tarif"])).content.decode()
    assert "Entgelt-TV Metallbau Sachsen" in html
    assert "Allgemeinverbindlich:" in html


@time_machine.travel(TODAY, tick=False)
def test_agreement_not_yet_in_force_is_not_counted(version, zwickau):
    register_agreement("T-2", codes=["25.11"], valid_from=datetime.date(2027, 1, 1))
    _check, token = start_check(version, zwickau, wz_code="25.11", modules=("tarif",))
    plan = check_plan(check=check_by_token(token=token))
    tariff = next(item for item in plan.modules if item.module.key == "tarif")
    assert not tariff.tariff.agreement_count
    assert plan.measures == []


def test_without_sector_the_tariff_module_asks_for_it(version, zwickau):
    _check, token = start_check(version, zwickau, modules=("tarif",))
    plan = check_plan(check=check_by_token(token=token))
    assert plan.modules[-1].tariff is None
    assert plan.measures == []
