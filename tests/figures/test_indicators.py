"""Indicators as data: the cited initial figures and the import (dry run, per-row German errors,
nothing written until the file is clean)."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import CommandError, call_command

from lotse.core.initial import LoadReport
from lotse.figures import initial
from lotse.figures.imports import IndicatorImporter, parse_value
from lotse.figures.models import Indicator
from lotse.imports.importing import import_run

pytestmark = pytest.mark.django_db

HEADER = "key;ags;period;value;unit;source;source_url;licence;retrieved"
SOURCE = "Statistik der BA;https://statistik.arbeitsagentur.de/;Quellenangabe;01.12.2026"
GOOD = [
    f"arbeitslose;14612;2025-08;22691;personen;{SOURCE}",
    f"arbeitslosenquote;14;2025-08;7,0;prozent;{SOURCE}",
]
NOW = datetime.datetime(2026, 12, 6, 12, tzinfo=datetime.UTC)


def run(lines, mode="all_or_nothing"):
    content = "\n".join([HEADER, *lines]).encode()
    with time_machine.travel(NOW, tick=False):
        return import_run(importer=IndicatorImporter(), file=("zahlen.csv", content), mode=mode)


def test_the_initial_figures_load_and_cite_their_source():
    report = LoadReport()
    initial.load(state="sn", report=report)
    assert len(report.created) == Indicator.objects.count() >= 40
    for indicator in Indicator.objects.all():
        assert indicator.source_url.startswith("https://")
        assert indicator.source and indicator.licence and indicator.retrieved_on
    dresden = Indicator.objects.get(key="arbeitslose", region__code="14612", period="2025-08-01")
    assert dresden.value == 22691
    again = LoadReport()
    initial.load(state="sn", report=again)
    assert not again.created and len(again.unchanged) == len(report.created)


def test_a_clean_file_is_imported_and_a_second_run_changes_nothing():
    result = run(GOOD)
    assert result.is_clean and result.written and result.created == 2
    rate = Indicator.objects.get(key="arbeitslosenquote", region__code="14")
    assert rate.value == Decimal("7.0") and rate.period == datetime.date(2025, 8, 1)
    again = run(GOOD)
    assert again.unchanged == 2 and again.created == again.updated == 0


def test_the_dry_run_writes_nothing():
    result = run(GOOD, mode="dry_run")
    assert result.is_clean and not result.written and result.created == 2
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        (f"arbeitslose;99999;2025-08;1;personen;{SOURCE}", "ags", "Unbekannter AGS „99999“"),
        (f"arbeitslose;14;2027-01;1;personen;{SOURCE}", "period", "liegt in der Zukunft"),
        (f"arbeitslose;14;2025-13;1;personen;{SOURCE}", "period", "Ungültiger Berichtsmonat"),
        (f"arbeitslose;14;2025-08;viele;personen;{SOURCE}", "value", "„viele“ ist keine Zahl"),
        (f"arbeitslose;14;2025-08;12.480;personen;{SOURCE}", "value", "ohne Tausenderpunkt"),
        (f"arbeitslose;14;2025-08;-3;personen;{SOURCE}", "value", "keine Zahl"),
        (f"arbeitslosenquote;14511;2025-08;120;prozent;{SOURCE}", "value", "höchstens 100"),
        (f"arbeitslose;14;2025-08;1;prozent;{SOURCE}", "unit", "nicht in „prozent“"),
        (f"zuwanderung;14;2025-08;1;personen;{SOURCE}", "key", "Unbekannter Wert „zuwanderung“"),
    ],
)
def test_bad_rows_get_german_errors_and_nothing_is_written(line, field, message):
    result = run([*GOOD, line])
    assert not result.written
    errors = [error for error in result.errors if error.row_number == 4]
    assert [error.field for error in errors] == [field]
    assert message in errors[0].message
    assert not Indicator.objects.exists()


def test_a_duplicate_row_is_refused():
    result = run([*GOOD, GOOD[0].replace("22691", "22000")])
    assert not result.written and not Indicator.objects.exists()
    (error,) = result.errors
    assert (
        error.row_number == 4 and "Doppelte Zeile" in error.message and "Zeile 2" in error.message
    )


def test_a_corrected_release_updates_the_figure():
    run(GOOD)
    result = run([GOOD[0].replace("22691", "22700")])
    assert result.updated == 1
    assert Indicator.objects.get(key="arbeitslose").value == 22700


def test_parse_value_accepts_plain_decimals_only():
    assert parse_value("9,8") == Decimal("9.8")
    assert parse_value("9.85") == Decimal("9.85")
    assert parse_value("12480") == 12480
    assert parse_value("12.480") is None
    assert parse_value("1e5") is None


def test_the_command_dry_runs_by_default(tmp_path, capsys):
    path = tmp_path / "zahlen.csv"
    path.write_text("\n".join([HEADER, *GOOD, f"arbeitslose;1;2025-08;1;personen;{SOURCE}"]))
    with time_machine.travel(NOW, tick=False), pytest.raises(CommandError):
        call_command("import_indicators", str(path))
    out = capsys.readouterr().out
    assert "Zeile 4 [ags]: Unbekannter AGS „1“" in out and "nichts geschrieben (dry_run)" in out
    path.write_text("\n".join([HEADER, *GOOD]))
    with time_machine.travel(NOW, tick=False):
        call_command("import_indicators", str(path), "--mode", "all_or_nothing")
    assert Indicator.objects.count() == 2


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_any_cell_gives_a_figure_or_a_german_error():
    """Fuzz: whatever stands in the cells, the import answers with per-row errors, never a crash,
    and writes only clean files."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    cell = st.text(
        alphabet=st.characters(blacklist_characters=';\n\r"', blacklist_categories=["Cs"]),
        max_size=12,
    )

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(key=cell, ags=cell, period=cell, value=cell, unit=cell)
    def check(key, ags, period, value, unit):
        line = f"{key};{ags};{period};{value};{unit};{SOURCE}"
        result = run([line], mode="dry_run")
        assert result.is_clean or all(error.message for error in result.errors)
        assert not result.written

    check()
