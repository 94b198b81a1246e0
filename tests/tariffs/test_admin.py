import pytest
from wagtail.models import ModelLogEntry

from lotse.tariffs.models import AgreementParty, CollectiveAgreement

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/tariffs"
LISTS = [
    "collectiveagreement",
    "agreementparty",
    "generalapplicability",
    "minimumwageordinance",
    "statutoryminimumwage",
    "minimumtraineepay",
    "sectorsynonym",
]


@pytest.mark.parametrize("model", LISTS)
def test_anonymous_to_login(client, model):
    response = client.get(f"{BASE}/{model}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("username", ["redaktion", "veranstaltung", "lotsendienst"])
def test_other_roles_forbidden(login, staff_users, tariff_register, username):
    client = login(username)
    agreement = CollectiveAgreement.objects.first()
    assert client.get(f"{BASE}/collectiveagreement/").status_code == 403
    assert client.get(f"{BASE}/collectiveagreement/edit/{agreement.pk}/").status_code == 403
    assert client.get(f"{BASE}/agreementparty/add/").status_code == 403


@pytest.mark.parametrize("username", ["tarifregister", "admin"])
def test_register_roles_see_everything(
    login, staff_users, tariff_register, username, django_assert_max_num_queries
):
    client = login(username)
    for model in LISTS:
        assert client.get(f"{BASE}/{model}/").status_code == 200, model
    agreement = CollectiveAgreement.objects.get(register_number="SN-TEST-0900")
    response = client.get(f"{BASE}/collectiveagreement/edit/{agreement.pk}/")
    assert response.status_code == 200
    assert "25.62" in response.content.decode()


def test_nothing_can_be_deleted(login, staff_users, tariff_register):
    client = login("tarifregister")
    party = AgreementParty.objects.first()
    response = client.post(f"{BASE}/agreementparty/delete/{party.pk}/")
    assert response.status_code in (302, 403)
    assert AgreementParty.objects.filter(pk=party.pk).exists()
    html = client.get(f"{BASE}/agreementparty/edit/{party.pk}/").content.decode()
    assert f"/delete/{party.pk}/" not in html


def test_edit_party_is_audited(login, staff_users, tariff_register):
    client = login("tarifregister")
    party = AgreementParty.objects.get(name="IG Metall")
    response = client.post(
        f"{BASE}/agreementparty/edit/{party.pk}/",
        {"name": "IG Metall", "kind": "union", "address": "Neue Adresse 1", "town": "Frankfurt"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    party.refresh_from_db()
    assert party.address == "Neue Adresse 1"
    assert ModelLogEntry.objects.filter(object_id=str(party.pk), action="lotse.update").exists()


def test_agreement_list_constant_queries(
    login, staff_users, tariff_register, django_assert_max_num_queries
):
    client = login("tarifregister")
    with django_assert_max_num_queries(40):
        assert client.get(f"{BASE}/collectiveagreement/").status_code == 200
