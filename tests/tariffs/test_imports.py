import pytest
from django.core.management import CommandError, call_command

from lotse.imports.importing import import_run
from lotse.tariffs.imports import AgreementImporter
from lotse.tariffs.models import AgreementParty, CollectiveAgreement, SectorCode

pytestmark = pytest.mark.django_db

HEADER = (
    "register_number;title;kind;level;territory;states;unions;employers;wz;sector_text;"
    "personal_scope;concluded_on;valid_from;valid_to;earliest_termination_on;after_effect;"
    "confidential\n"
)
GOOD = (
    "SN-2025-001;Entgelttarifvertrag Tischlerhandwerk Sachsen;pay;sector;saxony;;IG Metall;"
    "Landesinnungsverband Tischler Sachsen;16.23.0;Tischlerhandwerk;Arbeitnehmer;"
    "01.03.2025;01.04.2025;;;ja;nein\n"
)
BAD = (
    "SN-2025-002;Fehlerhafter Vertrag;lohn;sector;saxony;;;;99.99.9;;;"
    "32.13.2025;2025-04-01;2025-01-01;;vielleicht;nein\n"
)


def _run(content: str, mode: str):
    return import_run(
        importer=AgreementImporter(), file=("register.csv", content.encode()), mode=mode
    )


def test_dry_run_reports_errors_in_german_and_writes_nothing():
    result = _run(HEADER + GOOD + BAD + GOOD, "dry_run")
    messages = {(error.row_number, error.field): error.message for error in result.errors}
    assert "Unbekannter Wert „lohn“" in messages[(3, "kind")]
    assert "Unbekannter WZ-Code: 99.99.9" in messages[(3, "wz")]
    assert "Ungültiges Datum" in messages[(3, "concluded_on")]
    assert "nicht vor dem Beginn" in messages[(3, "valid_to")]
    assert "vielleicht" in messages[(3, "after_effect")]
    assert "Doppelte Registernummer" in messages[(4, "register_number")]
    assert result.valid_rows == 1
    assert result.created == 1
    assert not result.written
    assert CollectiveAgreement.objects.count() == 0
    assert AgreementParty.objects.count() == 0


def test_all_or_nothing_writes_nothing_with_errors():
    result = _run(HEADER + GOOD + BAD, "all_or_nothing")
    assert not result.written
    assert CollectiveAgreement.objects.count() == 0


def test_import_and_upsert():
    result = _run(HEADER + GOOD, "all_or_nothing")
    assert result.written and result.created == 1
    agreement = CollectiveAgreement.objects.get(register_number="SN-2025-001")
    assert sorted(agreement.parties.values_list("kind", flat=True)) == [
        "employers_association",
        "union",
    ]
    assert SectorCode.objects.filter(agreement=agreement, version="2025").exists()
    again = _run(
        HEADER + GOOD.replace("Tischlerhandwerk Sachsen", "Tischler Sachsen"), "valid_only"
    )
    assert again.updated == 1
    agreement.refresh_from_db()
    assert agreement.title == "Entgelttarifvertrag Tischler Sachsen"


def test_command_dry_run(tmp_path, capsys):
    path = tmp_path / "register.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_agreements", str(path))
    out = capsys.readouterr().out
    assert "Zeile 3 [wz]: Unbekannter WZ-Code" in out
    assert "nichts geschrieben (dry_run)" in out
    path.write_text(HEADER + GOOD, encoding="utf-8")
    call_command("import_agreements", str(path), "--mode", "all_or_nothing")
    assert CollectiveAgreement.objects.filter(register_number="SN-2025-001").exists()


# --- the columns added for the back-office import ---------------------------------------------

EXAMPLE = "agreements-example.csv"
FULL_HEADER = (
    "register_number;title;kind;level;territory;states;regions;unions;employers;wz;sector_text;"
    "personal_scope;concluded_on;valid_from;valid_to;earliest_termination_on;terminated_on;"
    "after_effect;confidential\n"
)


def _example(settings) -> bytes:
    from pathlib import Path

    return (Path(settings.BASE_DIR) / "docs" / "import" / EXAMPLE).read_bytes()


def _run_bytes(content: bytes, mode: str, name: str = EXAMPLE):
    return import_run(importer=AgreementImporter(), file=(name, content), mode=mode)


def _counts() -> tuple[int, int, int, int]:
    from wagtail.models import ModelLogEntry

    return (
        CollectiveAgreement.objects.count(),
        AgreementParty.objects.count(),
        SectorCode.objects.count(),
        ModelLogEntry.objects.count(),
    )


def test_example_file_imports_cleanly_with_its_scope(settings):
    from wagtail.models import ModelLogEntry

    result = _run_bytes(_example(settings), "all_or_nothing")
    assert result.errors == []
    assert result.created == 4
    states = CollectiveAgreement.objects.get(register_number="BEISPIEL-2025-002")
    assert (states.territory, states.states) == ("states", "14,15,16")
    regional = CollectiveAgreement.objects.get(register_number="BEISPIEL-2025-003")
    assert sorted(regional.regions.values_list("code", flat=True)) == ["14713", "14729"]
    assert regional.after_effect is False
    assert str(regional.earliest_termination_on) == "2027-07-31"
    company = CollectiveAgreement.objects.get(register_number="BEISPIEL-2025-004")
    assert company.confidential and company.level == "company"
    assert set(company.parties.values_list("kind", flat=True)) == {"union", "employer"}
    entry = ModelLogEntry.objects.get_for_model(CollectiveAgreement).get(
        object_id=str(company.pk), action="lotse.create"
    )
    assert entry.data["note"] == f"importiert aus {EXAMPLE}"
    assert entry.data["changes"]["parties"] == [
        None,
        ["Beispiel-Maschinenbau GmbH", "IG Metall"],
    ]


def test_same_file_twice_creates_nothing_and_writes_no_audit_entry(settings):
    content = _example(settings)
    _run_bytes(content, "all_or_nothing")
    before = _counts()
    dry = _run_bytes(content, "dry_run")
    assert (dry.created, dry.updated, dry.unchanged) == (0, 0, 4)
    assert {action for _row, _key, action in dry.actions} == {"unverändert"}
    again = _run_bytes(content, "all_or_nothing")
    assert again.written and (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert _counts() == before


def test_changed_parties_update_the_entry_and_are_audited(settings):
    from wagtail.models import ModelLogEntry

    content = _example(settings)
    _run_bytes(content, "all_or_nothing")
    changed = content.replace(b";IG BAU;", b";IG Bauen-Agrar-Umwelt;")
    dry = _run_bytes(changed, "dry_run")
    assert (dry.created, dry.updated, dry.unchanged) == (0, 1, 3)
    _run_bytes(changed, "valid_only")
    agreement = CollectiveAgreement.objects.get(register_number="BEISPIEL-2025-002")
    assert "IG Bauen-Agrar-Umwelt" in agreement.parties.values_list("name", flat=True)
    update = ModelLogEntry.objects.get_for_model(CollectiveAgreement).get(
        object_id=str(agreement.pk), action="lotse.update"
    )
    assert update.data["changes"]["parties"][0][-1] == "IG BAU"
    assert update.data["note"] == f"importiert aus {EXAMPLE}"
    # The old party stays in the party index (nothing is deleted).
    assert AgreementParty.objects.filter(name="IG BAU").exists()


def test_a_column_left_out_keeps_the_stored_values(settings):
    _run_bytes(_example(settings), "all_or_nothing")
    short = (
        "register_number;title;kind;level;territory;concluded_on;valid_from\n"
        "BEISPIEL-2025-003;Beispiel: AV-TV Bäckerhandwerk Leipzig (korrigiert);trainee_pay;"
        "sector;regions;30.06.2025;01.08.2025\n"
    )
    result = _run(short, "all_or_nothing")
    assert result.errors == [] and result.updated == 1
    agreement = CollectiveAgreement.objects.get(register_number="BEISPIEL-2025-003")
    assert agreement.title.endswith("(korrigiert)")
    assert sorted(agreement.regions.values_list("code", flat=True)) == ["14713", "14729"]
    assert agreement.parties.count() == 2
    assert agreement.codes.filter(derived=False, code="10.71.0").exists()
    assert str(agreement.valid_to) == "2027-07-31"


@pytest.mark.parametrize(
    ("territory", "states", "regions", "field", "message"),
    [
        ("regions", "", "", "regions", "bitte die Landkreise/Städte angeben"),
        ("saxony", "", "14713", "regions", "nur bei territory „regions“"),
        ("saxony", "14", "", "states", "nur bei territory „states“"),
        ("states", "14,99", "", "states", "Unbekannte Länderkennung: 99"),
        ("states", "", "", "states", "bitte die Länder angeben"),
        ("regions", "", "Atlantis", "regions", "Unbekannte(r) Landkreis/Stadt: „Atlantis“"),
    ],
)
def test_territory_rules(territory, states, regions, field, message):
    row = f"X-1;Titel;pay;sector;{territory};{states};{regions};;;;;;01.01.2025;01.01.2025;;;;;\n"
    result = _run(FULL_HEADER + row, "dry_run")
    assert [(error.field, message in error.message) for error in result.errors] == [(field, True)]


def test_party_name_too_long_is_reported():
    row = f"X-1;Titel;pay;sector;saxony;;;{'G' * 201};;;;;01.01.2025;01.01.2025;;;;;\n"
    result = _run(FULL_HEADER + row, "dry_run")
    assert result.errors[0].field == "unions"
    assert "höchstens 200 Zeichen (hier 201)" in result.errors[0].message


def test_a_row_failing_in_the_service_leaves_nothing_half_written(monkeypatch):
    from django.core.exceptions import ValidationError

    from lotse.tariffs import services

    original = services.agreement_register

    def failing(**kwargs):
        if kwargs["register_number"] == "SN-2025-002":
            raise ValidationError("Simulierter Fehler beim Speichern.")
        return original(**kwargs)

    monkeypatch.setattr(services, "agreement_register", failing)
    second = GOOD.replace("SN-2025-001", "SN-2025-002").replace(
        "IG Metall", "Gewerkschaft nur in Zeile 3"
    )
    result = _run(HEADER + GOOD + second, "valid_only")
    assert result.written and result.created == 1
    assert [(error.row_number, error.message) for error in result.errors] == [
        (3, "Nicht gespeichert: Simulierter Fehler beim Speichern.")
    ]
    # The party created for row 3 before the failure was rolled back with the row.
    assert not AgreementParty.objects.filter(name="Gewerkschaft nur in Zeile 3").exists()
    all_or_nothing = _run(
        HEADER + GOOD.replace("SN-2025-001", "SN-2025-009") + second, "all_or_nothing"
    )
    assert not all_or_nothing.written
    assert not CollectiveAgreement.objects.filter(register_number="SN-2025-009").exists()


def test_xlsx_with_date_cells():
    import datetime

    import tablib

    data = tablib.Dataset(headers=FULL_HEADER.strip().split(";"))
    data.append(
        [
            "X-1",
            "Titel",
            "Manteltarifvertrag",
            "sector",
            "Sachsen",
            "",
            "",
            "IG Metall",
            "",
            "25.62",
            "",
            "",
            datetime.date(2025, 1, 1),
            datetime.datetime(2025, 2, 1),  # noqa: DTZ001 - a date cell
            None,
            None,
            None,
            "nein",
            "ja",
        ]
    )
    result = import_run(
        importer=AgreementImporter(),
        file=("register.xlsx", data.export("xlsx")),
        mode="all_or_nothing",
    )
    assert result.errors == []
    agreement = CollectiveAgreement.objects.get(register_number="X-1")
    assert (agreement.kind, agreement.territory) == ("framework", "saxony")  # German labels
    assert str(agreement.valid_from) == "2025-02-01"
    assert agreement.confidential and not agreement.after_effect
