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
