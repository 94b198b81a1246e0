import io

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from lotse.core import roles
from lotse.imports.importing import import_run, parse_file
from lotse.network.imports import ActorImporter
from lotse.network.models import Actor
from lotse.offers.imports import OfferImporter
from lotse.offers.models import Offer

pytestmark = pytest.mark.django_db

ACTOR_HEADER = (
    "external_id;name;short_name;actor_type;districts;statewide;topic_fields;target_groups;"
    "languages;description;postcode;town;website;email;phone"
)
GOOD_ACTOR = (
    "a-1;Beratung Leipzig;BL;beratungsstelle;14713|landkreis-leipzig;nein;"
    "ausbildung-weiterbildung;unternehmen;de|en;Text;04109;Leipzig;https://a.example;"
    "a@a.example;0341 1"
)
UNKNOWN_DISTRICT = "a-2;Zweiter;;beratungsstelle;99999;nein;;;;;;;;;"
OFFER_HEADER = (
    "external_id;title;summary;description;actor_external_id;kind;topic_fields;target_groups;"
    "districts;statewide;online;languages;cost;link;valid_from;valid_until"
)


def csv_file(*lines, name="daten.csv"):
    return (name, ("\n".join(lines) + "\n").encode("utf-8"))


def import_actors(*rows, user=None, mode="all_or_nothing"):
    """The actor importer over a CSV file of `ACTOR_HEADER` and `rows`."""
    return import_run(
        importer=ActorImporter(), file=csv_file(ACTOR_HEADER, *rows), user=user, mode=mode
    )


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("rita", password="x")
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def test_dry_run_reports_each_error_type_in_german_and_writes_nothing(editor):
    file = csv_file(
        ACTOR_HEADER,
        GOOD_ACTOR,
        UNKNOWN_DISTRICT,  # unknown district
        "a-3;Dritter;;beratungsstelle;dresden;nein;;;;;;;;keine-mail;",  # bad e-mail
        "a-1;Doppelt;;beratungsstelle;dresden;nein;;;;;;;;;",  # duplicate external_id
        "a-4;;;beratungsstelle;dresden;nein;;;;;;;;;",  # missing name
        "a-5;Fünfter;;gibtsnicht;dresden;nein;thema-x;;;;;;;;",  # unknown slugs
    )
    result = import_run(importer=ActorImporter(), file=file, user=editor, mode="dry_run")
    messages = {(error.row_number, error.field): error.message for error in result.errors}
    assert messages[(3, "districts")] == "Unbekannte(r) Landkreis/Stadt: „99999“."
    assert messages[(4, "email")] == "Ungültige E-Mail-Adresse: „keine-mail“."
    assert "Doppelte externe Kennung „a-1“" in messages[(5, "external_id")]
    assert "Zeile 2" in messages[(5, "external_id")]
    assert messages[(6, "name")] == "Pflichtfeld „name“ fehlt."
    assert "Unbekannte(r) Akteurstyp" in messages[(7, "actor_type")]
    assert "Unbekannte(r) Themenfeld" in messages[(7, "topic_fields")]
    assert result.valid_rows == 1
    assert result.created == 1  # would be created
    assert not result.written
    assert Actor.objects.count() == 0


def test_all_or_nothing_refuses_file_with_errors(editor):
    result = import_actors(GOOD_ACTOR, UNKNOWN_DISTRICT, user=editor)
    assert not result.written
    assert result.created == 0
    assert Actor.objects.count() == 0


def test_valid_only_imports_the_rest_and_logs(editor):
    result = import_actors(
        GOOD_ACTOR,
        UNKNOWN_DISTRICT,
        user=editor,
        mode="valid_only",
    )
    assert result.written and result.created == 1 and len(result.errors) == 1
    actor = Actor.objects.get(external_id="a-1")
    assert actor.name == "Beratung Leipzig"
    assert sorted(actor.districts.values_list("code", flat=True)) == ["14713", "14729"]
    assert list(actor.languages.values_list("code", flat=True)) == ["de", "en"]
    assert "leipzig" in actor.search_document
    entry = ModelLogEntry.objects.get(action="lotse.import", object_id=str(actor.pk))
    assert entry.user_id == editor.pk


def test_same_file_twice_creates_no_duplicates(editor):
    first = import_actors(GOOD_ACTOR, user=editor)
    assert (first.created, first.updated) == (1, 0)
    second = import_actors(GOOD_ACTOR, user=editor)
    assert (second.created, second.updated) == (0, 1)
    assert second.actions == [(2, "a-1", "aktualisiert")]
    assert Actor.objects.count() == 1


def test_name_duplicate_of_other_external_id_is_reported(editor):
    import_actors(GOOD_ACTOR, user=editor, mode="valid_only")
    other = GOOD_ACTOR.replace("a-1;", "a-99;", 1)
    result = import_actors(other, user=editor, mode="dry_run")
    assert "Dublette" in result.errors[0].message


def test_comma_delimited_with_bom():
    content = "\ufeffexternal_id,name,actor_type\nx-1,Akteur X,kammer\n".encode()
    header, rows = parse_file("a.csv", content)
    assert header == ["external_id", "name", "actor_type"]
    assert rows == [(2, {"external_id": "x-1", "name": "Akteur X", "actor_type": "kammer"})]


def test_missing_required_column_and_wrong_type():
    result = import_run(
        importer=ActorImporter(), file=csv_file("external_id;name", "a;b"), mode="dry_run"
    )
    assert result.errors[0].message == "Pflichtspalte „actor_type“ fehlt."
    result = import_run(importer=ActorImporter(), file=("a.txt", b"x"), mode="dry_run")
    assert "Nur Dateien im Format .csv oder .xlsx" in result.errors[0].message


def _xlsx(header, *rows) -> tuple[str, bytes]:
    data = tablib.Dataset(headers=header.split(";"))
    for row in rows:
        data.append(row.split(";"))
    return "daten.xlsx", data.export("xlsx")


def test_xlsx_import(editor):
    file = _xlsx(ACTOR_HEADER, GOOD_ACTOR)
    result = import_run(importer=ActorImporter(), file=file, user=editor, mode="all_or_nothing")
    assert result.is_clean and result.created == 1
    assert Actor.objects.get(external_id="a-1").postcode == "04109"


@pytest.fixture
def provider(editor):
    import_actors(GOOD_ACTOR, user=editor)
    return Actor.objects.get(external_id="a-1")


GOOD_OFFER = (
    "o-1;Anerkennungsberatung;Kurz erklärt;Lang;a-1;beratung;integration-fachkraefteeinwanderung;"
    "unternehmen;14713;nein;ja;de;kostenfrei;https://o.example;01.01.2026;2026-12-31"
)


def test_offers_dry_run_errors(provider, editor):
    file = csv_file(
        OFFER_HEADER,
        GOOD_OFFER,
        "o-2;T;S;;unbekannt;beratung;;;14713;nein;nein;;;;;",  # unknown actor
        "o-3;T;S;;a-1;quatsch;;;14713;vielleicht;nein;;;;31.02.2026;",  # kind, bool, date
        "o-4;T;S;;a-1;beratung;;;;nein;nein;;;;;",  # no availability
    )
    result = import_run(importer=OfferImporter(), file=file, user=editor, mode="dry_run")
    fields = {(error.row_number, error.field) for error in result.errors}
    assert fields == {
        (3, "actor_external_id"),
        (4, "kind"),
        (4, "statewide"),
        (4, "valid_from"),
        (5, "districts"),
    }
    assert any("Ungültiges Datum: „31.02.2026“" in error.message for error in result.errors)
    assert Offer.objects.count() == 0


def test_offers_imported_as_drafts_then_updated(provider, editor):
    file = csv_file(OFFER_HEADER, GOOD_OFFER)
    result = import_run(importer=OfferImporter(), file=file, user=editor, mode="all_or_nothing")
    assert result.created == 1
    offer = Offer.objects.get(external_id="o-1")
    assert offer.live is False
    assert offer.latest_revision is not None
    assert not Offer.objects.public().exists()
    assert offer.valid_from.isoformat() == "2026-01-01"
    again = import_run(importer=OfferImporter(), file=file, user=editor, mode="all_or_nothing")
    assert (again.created, again.updated) == (0, 1)
    assert Offer.objects.count() == 1


def test_offers_direct_publish_by_redaktion(provider, editor):
    file = csv_file(OFFER_HEADER, GOOD_OFFER.replace("2026-12-31", ""))
    importer = OfferImporter(user=editor, publish=True)
    result = import_run(importer=importer, file=file, user=editor, mode="all_or_nothing")
    assert result.created == 1
    offer = Offer.objects.get(external_id="o-1")
    assert offer.live and offer.confirmed_at is not None
    assert list(Offer.objects.public()) == [offer]


def test_direct_publish_ignored_for_partner(provider):
    partner = get_user_model().objects.create_user("paula", password="x")
    partner.groups.add(Group.objects.get(name=roles.PARTNER))
    importer = OfferImporter(user=partner, publish=True)
    import_run(importer=importer, file=csv_file(OFFER_HEADER, GOOD_OFFER), mode="all_or_nothing")
    assert Offer.objects.get(external_id="o-1").live is False


def test_example_files_are_clean(editor, settings):
    from pathlib import Path

    docs = Path(settings.BASE_DIR) / "docs" / "import"
    actors = ("actors-example.csv", (docs / "actors-example.csv").read_bytes())
    offers = ("offers-example.csv", (docs / "offers-example.csv").read_bytes())
    result = import_run(importer=ActorImporter(), file=actors, user=editor, mode="all_or_nothing")
    assert result.errors == [] and result.created == 3
    result = import_run(importer=OfferImporter(), file=offers, user=editor, mode="all_or_nothing")
    assert result.errors == [] and result.created == 3


def test_file_object_upload(editor):
    upload = io.BytesIO(("\n".join([ACTOR_HEADER, GOOD_ACTOR]) + "\n").encode())
    upload.name = "akteure.csv"
    result = import_run(importer=ActorImporter(), file=upload, user=editor, mode="dry_run")
    assert result.is_clean


def test_row_with_a_missing_separator_is_refused_not_shifted(editor):
    short = GOOD_ACTOR.replace("a-1;", "a-2;", 1).replace(";BL;", ";", 1)  # one cell fewer
    result = import_actors(GOOD_ACTOR, short, user=editor, mode="valid_only")
    (error,) = [error for error in result.errors if error.row_number == 3]
    assert error.message.startswith("Die Zeile hat nur 14 Zellen, die Kopfzeile 15 Spalten.")
    assert result.created == 1
    assert list(Actor.objects.values_list("external_id", flat=True)) == ["a-1"]


def test_text_beyond_the_last_column_is_refused_but_empty_trailing_cells_are_fine(editor):
    extra = GOOD_ACTOR.replace("a-1;", "a-2;", 1) + ";Rest"
    trailing = GOOD_ACTOR.replace("a-1;", "a-3;", 1) + ";;"
    result = import_actors(extra, trailing, user=editor, mode="dry_run")
    assert [(error.row_number, error.message[:40]) for error in result.errors] == [
        (2, "Die Zeile hat mehr Zellen (16) als die K")
    ]
    assert result.valid_rows == 1
