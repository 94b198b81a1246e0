"""The import screen per role: the Redaktion imports actors and offers, the Tarifregister register
entries (agreements), Administration everything; others get nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lotse.core import roles
from lotse.imports.services import import_kinds_for, user_may_import
from lotse.network.models import Actor
from lotse.tariffs.models import AgreementParty, CollectiveAgreement

pytestmark = pytest.mark.django_db

URL = "/admin/datenimport/"
RUN_URL = "/admin/datenimport/importieren/"
AGREEMENTS_URL = "/admin/datenimport/?art=tarifvertraege"
HEADER = (
    "register_number;title;kind;level;territory;regions;unions;employers;wz;"
    "concluded_on;valid_from;valid_to;confidential"
)
GOOD = (
    "SN-2026-001;Entgelttarifvertrag Tischlerhandwerk Sachsen;pay;sector;saxony;;IG Metall;"
    "Landesinnungsverband Tischler Sachsen;16.23.0;01.03.2026;01.04.2026;;nein"
)
BAD = (
    "SN-2026-002;Vertrag mit Fehlern;lohn;sector;regions;99999;ver.di;;99.99.9;"
    "32.13.2026;2026-04-01;2026-01-01;vielleicht"
)
ACTORS = "external_id;name;actor_type\na-1;Erster;kammer"


def client_for(role: str, **kwargs) -> Client:
    user = get_user_model().objects.create_user(f"user-{role.lower()}", password="x")
    user.groups.add(Group.objects.get(name=role))
    client = Client(**kwargs)
    client.force_login(user)
    return client


def upload(content: str, name: str = "register.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


def kinds_offered(html: str) -> set[str]:
    return {kind for kind in ("akteure", "angebote", "tarifvertraege") if f'value="{kind}"' in html}


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        (roles.EDITORS, {"akteure", "angebote"}),
        (roles.TARIFF_REGISTER, {"tarifvertraege"}),
        (roles.ADMINISTRATION, {"akteure", "angebote", "tarifvertraege"}),
    ],
)
def test_each_role_is_offered_only_its_kinds(role, kinds):
    response = client_for(role).get(URL)
    assert response.status_code == 200
    assert kinds_offered(response.content.decode()) == kinds


@pytest.mark.parametrize("role", [roles.PARTNER, roles.DESK, roles.EVENTS_TEAM])
def test_other_roles_get_403_on_both_steps(role):
    client = client_for(role)
    assert client.get(AGREEMENTS_URL).status_code == 403
    response = client.post(URL, {"kind": "tarifvertraege", "file": upload(HEADER + "\n" + GOOD)})
    assert response.status_code == 403
    assert client.post(RUN_URL, {"token": "x", "mode": "valid_only"}).status_code == 403
    assert CollectiveAgreement.objects.count() == 0


def test_anonymous_is_sent_to_the_login():
    for response in (Client().get(AGREEMENTS_URL), Client().post(RUN_URL, {"token": "x"})):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_redaktion_cannot_import_agreements_and_tarifregister_cannot_import_actors():
    editor = client_for(roles.EDITORS)
    response = editor.post(URL, {"kind": "tarifvertraege", "file": upload(HEADER + "\n" + GOOD)})
    assert response.status_code == 200
    assert "Prüfbericht" not in response.content.decode()
    assert "lotse_import_upload" not in editor.session
    register = client_for(roles.TARIFF_REGISTER)
    response = register.post(URL, {"kind": "akteure", "file": upload(ACTORS, "a.csv")})
    assert "Prüfbericht" not in response.content.decode()
    assert "lotse_import_upload" not in register.session
    assert CollectiveAgreement.objects.count() == 0
    assert Actor.objects.count() == 0


def test_an_upload_of_another_kind_cannot_be_run_after_the_role_is_gone():
    client = client_for(roles.ADMINISTRATION)
    client.post(URL, {"kind": "tarifvertraege", "file": upload(HEADER + "\n" + GOOD)})
    token = client.session["lotse_import_upload"]["token"]
    user = get_user_model().objects.get(username="user-administration")
    user.groups.set([Group.objects.get(name=roles.EDITORS)])
    response = client.post(RUN_URL, {"token": token, "mode": "all_or_nothing"})
    assert response.status_code == 403
    assert CollectiveAgreement.objects.count() == 0
    assert "lotse_import_upload" not in client.session


def test_menu_items_per_role():
    register_home = client_for(roles.TARIFF_REGISTER).get("/admin/").content.decode()
    assert AGREEMENTS_URL.replace("&", "&amp;") in register_home  # in the Tarifregister group
    assert "Import (CSV/XLSX)" in register_home
    main_item = '"name": "datenimport"'  # the main menu's "Datenimport"
    assert main_item not in register_home
    editor_home = client_for(roles.EDITORS).get("/admin/").content.decode()
    assert main_item in editor_home
    assert "Import (CSV/XLSX)" not in editor_home
    admin_home = client_for(roles.ADMINISTRATION).get("/admin/").content.decode()
    assert main_item in admin_home and "Import (CSV/XLSX)" in admin_home


def test_tarifregister_dry_run_report_then_valid_rows_import():
    client = client_for(roles.TARIFF_REGISTER)
    page = client.get(AGREEMENTS_URL).content.decode()
    assert 'value="tarifvertraege"' in page and "checked" in page
    assert "<code>register_number</code>" in page  # the column list of the kind
    response = client.post(
        URL, {"kind": "tarifvertraege", "file": upload("\n".join([HEADER, GOOD, BAD]))}
    )
    html = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Unbekannter Wert „lohn“",
        "Unbekannte(r) Landkreis/Stadt: „99999“.",
        "Unbekannter WZ-Code: 99.99.9.",
        "Ungültiges Datum: „32.13.2026“",
        "Das Ende darf nicht vor dem Beginn liegen.",
        "„vielleicht“ ist kein gültiger Wert",
    ):
        assert message in html, message
    assert "Prüfung (es wurde nichts gespeichert): 2 Zeilen, davon 1 gültig" in html
    assert "Alle gültigen Zeilen importieren" in html
    assert ">Importieren<" not in html
    assert CollectiveAgreement.objects.count() == 0
    assert AgreementParty.objects.count() == 0
    token = client.session["lotse_import_upload"]["token"]
    html = client.post(RUN_URL, {"token": token, "mode": "valid_only"}).content.decode()
    assert "Import abgeschlossen: 1 neu angelegt, 0 aktualisiert." in html
    assert list(CollectiveAgreement.objects.values_list("register_number", flat=True)) == [
        "SN-2026-001"
    ]
    assert "lotse_import_upload" not in client.session


def test_same_file_twice_reports_unchanged_rows_and_adds_nothing():
    client = client_for(roles.TARIFF_REGISTER)
    for _round in range(2):
        client.post(URL, {"kind": "tarifvertraege", "file": upload(HEADER + "\n" + GOOD)})
        token = client.session["lotse_import_upload"]["token"]
        html = client.post(RUN_URL, {"token": token, "mode": "all_or_nothing"}).content.decode()
    assert "Import abgeschlossen: 0 neu angelegt, 0 aktualisiert. 1 Zeile war unverändert." in html
    assert CollectiveAgreement.objects.count() == 1
    assert AgreementParty.objects.count() == 2


def test_csrf_is_enforced_for_the_register_import():
    client = client_for(roles.TARIFF_REGISTER, enforce_csrf_checks=True)
    response = client.post(URL, {"kind": "tarifvertraege", "file": upload(HEADER + "\n" + GOOD)})
    assert response.status_code == 403
    assert client.post(RUN_URL, {"token": "x", "mode": "all_or_nothing"}).status_code == 403
    assert CollectiveAgreement.objects.count() == 0


def test_kinds_for_a_superuser_and_for_anonymous():
    from django.contrib.auth.models import AnonymousUser

    superuser = get_user_model().objects.create_superuser("root", password="x")
    assert [kind.key for kind in import_kinds_for(user=superuser)] == [
        "akteure",
        "angebote",
        "tarifvertraege",
        "arbeitsmarktzahlen",
    ]
    assert import_kinds_for(user=AnonymousUser()) == []
    assert not user_may_import(AnonymousUser())
    assert user_may_import(superuser, kind="tarifvertraege")
