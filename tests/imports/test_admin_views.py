import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lotse.core import roles
from lotse.network.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _urls(settings):
    # The project's URLconf with the admin; independent of apps still under construction.
    settings.ROOT_URLCONF = "tests.offers.coverage_urls"


URL = "/admin/datenimport/"
RUN_URL = "/admin/datenimport/importieren/"
HEADER = "external_id;name;actor_type;districts;email"


def user_with(role, name):
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(role, **kwargs):
    client = Client(**kwargs)
    client.force_login(user_with(role, role.lower()))
    return client


def upload(content: str, name="akteure.csv"):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


def test_anonymous_redirected_to_login():
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", [roles.PARTNER, roles.DESK])
def test_other_roles_get_403(role):
    client = client_for(role)
    assert client.get(URL).status_code == 403
    assert client.post(RUN_URL, {"token": "x", "mode": "valid_only"}).status_code == 403


def test_menu_item_only_for_editors():
    editor_page = client_for(roles.EDITORS).get("/admin/").content.decode()
    partner_page = client_for(roles.PARTNER).get("/admin/").content.decode()
    assert "Datenimport" in editor_page
    assert "Datenimport" not in partner_page


def test_dry_run_then_import_valid_rows():
    client = client_for(roles.EDITORS)
    assert client.get(URL).status_code == 200
    content = "\n".join(
        [HEADER, "a-1;Erster;kammer;14713;a@b.example", "a-2;Zweiter;kammer;99999;kaputt"]
    )
    response = client.post(URL, {"kind": "akteure", "file": upload(content)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unbekannte(r) Landkreis/Stadt: „99999“." in html
    assert "Ungültige E-Mail-Adresse: „kaputt“." in html
    assert "Alle gültigen Zeilen importieren" in html
    assert ">Importieren<" not in html
    assert Actor.objects.count() == 0
    token = client.session["lotse_import_upload"]["token"]
    response = client.post(RUN_URL, {"token": token, "mode": "valid_only"})
    assert "1 neu angelegt, 0 aktualisiert" in response.content.decode()
    assert list(Actor.objects.values_list("external_id", flat=True)) == ["a-1"]
    assert "lotse_import_upload" not in client.session


def test_clean_file_offers_import_button_and_all_or_nothing():
    client = client_for(roles.ADMINISTRATION)
    content = "\n".join([HEADER, "a-1;Erster;kammer;14713;a@b.example"])
    html = client.post(URL, {"kind": "akteure", "file": upload(content)}).content.decode()
    assert ">Importieren<" in html
    token = client.session["lotse_import_upload"]["token"]
    client.post(RUN_URL, {"token": token, "mode": "all_or_nothing"})
    assert Actor.objects.filter(external_id="a-1").exists()


def test_rejects_wrong_type_and_too_large():
    client = client_for(roles.EDITORS)
    response = client.post(URL, {"kind": "akteure", "file": upload("x", name="daten.txt")})
    assert "Nur Dateien im Format .csv oder .xlsx sind erlaubt." in response.content.decode()
    big = SimpleUploadedFile("gross.csv", b"x" * (5 * 1024 * 1024 + 1))
    response = client.post(URL, {"kind": "akteure", "file": big})
    assert "größer als 5 MB" in response.content.decode()
    assert "lotse_import_upload" not in client.session


def test_csrf_enforced():
    client = client_for(roles.EDITORS, enforce_csrf_checks=True)
    content = "\n".join([HEADER, "a-1;Erster;kammer;14713;a@b.example"])
    response = client.post(URL, {"kind": "akteure", "file": upload(content)})
    assert response.status_code == 403
    response = client.post(RUN_URL, {"token": "x", "mode": "valid_only"})
    assert response.status_code == 403
