"""Reference data loaded by migration 0002 from core/data/*.csv, and the models' invariants."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation

from lotse.core.models import ActorType, Region, TargetGroup, TopicField

pytestmark = pytest.mark.django_db

# AGS → (kind, name, Direktionsbezirk, seat) as published by Destatis (shared/facts).
DISTRICTS = {
    "14511": ("urban_district", "Chemnitz", "145", "Chemnitz"),
    "14521": ("rural_district", "Erzgebirgskreis", "145", "Annaberg-Buchholz"),
    "14522": ("rural_district", "Mittelsachsen", "145", "Freiberg"),
    "14523": ("rural_district", "Vogtlandkreis", "145", "Plauen"),
    "14524": ("rural_district", "Zwickau", "145", "Zwickau"),
    "14612": ("urban_district", "Dresden", "146", "Dresden"),
    "14625": ("rural_district", "Bautzen", "146", "Bautzen"),
    "14626": ("rural_district", "Görlitz", "146", "Görlitz"),
    "14627": ("rural_district", "Meißen", "146", "Meißen"),
    "14628": ("rural_district", "Sächsische Schweiz-Osterzgebirge", "146", "Pirna"),
    "14713": ("urban_district", "Leipzig", "147", "Leipzig"),
    "14729": ("rural_district", "Landkreis Leipzig", "147", "Borna"),
    "14730": ("rural_district", "Nordsachsen", "147", "Torgau"),
}


def test_thirteen_districts_ten_landkreise_three_cities():
    districts = Region.objects.districts()
    assert districts.count() == 13
    assert districts.filter(kind=Region.Kind.RURAL_DISTRICT).count() == 10
    assert set(
        districts.filter(kind=Region.Kind.URBAN_DISTRICT).values_list("name", flat=True)
    ) == {"Chemnitz", "Dresden", "Leipzig"}


def test_districts_have_official_codes_names_parents_and_seats():
    found = {
        region.code: (region.kind, region.name, region.parent.code, region.seat)
        for region in Region.objects.districts().select_related("parent")
    }
    assert found == DISTRICTS


def test_state_and_government_regions():
    state = Region.objects.get(code="14")
    assert (state.kind, state.name, state.parent_id, state.nuts_code) == (
        "state",
        "Freistaat Sachsen",
        None,
        "DED",
    )
    bezirke = Region.objects.filter(kind=Region.Kind.GOVERNMENT_REGION).order_by("code")
    assert [(r.code, r.parent.code, r.nuts_code) for r in bezirke] == [
        ("145", "14", "DED4"),
        ("146", "14", "DED2"),
        ("147", "14", "DED5"),
    ]
    assert Region.objects.count() == 17
    assert Region.objects.in_state("14").count() == 17
    assert Region.objects.in_state("15").count() == 0


def test_district_facts_from_destatis():
    chemnitz = Region.objects.get(code="14511")
    assert chemnitz.population == 247237
    assert chemnitz.area_km2 == Decimal("221.05")
    assert chemnitz.nuts_code == "DED41"
    assert str(chemnitz.population_date) == "2018-12-31"
    assert "Destatis" in chemnitz.source or "Statistisches Bundesamt" in chemnitz.source
    assert Region.objects.get(code="14628").seat == "Pirna"
    # Every district carries population, area and a seat position inside Saxony.
    for district in Region.objects.districts():
        assert district.population and district.area_km2, district.code
        assert Decimal("50.1") < district.seat_latitude < Decimal("51.7"), district.code
        assert Decimal("11.8") < district.seat_longitude < Decimal("15.1"), district.code
    total = sum(d.population for d in Region.objects.districts())
    assert total == 4077937  # Saxony on 31.12.2018 (Destatis)


def test_population_density():
    assert Region.objects.get(code="14511").population_density == Decimal("1118.5")
    assert Region.objects.get(code="14730").population_density == Decimal("97.4")
    # No area (the Direktionsbezirke) or no population: no density rather than a wrong one.
    assert Region.objects.get(code="145").population_density is None
    assert Region(code="99", kind="state", area_km2=Decimal("10")).population_density is None


def test_is_district():
    assert Region.objects.get(code="14612").is_district
    assert not Region.objects.get(code="146").is_district
    assert not Region.objects.get(code="14").is_district


def test_topic_fields():
    assert list(TopicField.objects.values_list("slug", flat=True)) == [
        "integration-fachkraefteeinwanderung",
        "ausbildung-weiterbildung",
        "gute-arbeitsbedingungen",
        "arbeits-gesundheitsschutz",
        "tarifvertraege",
    ]
    for field in TopicField.objects.all():
        assert field.name and field.name_en and field.summary and field.summary_en


def test_target_groups():
    assert list(TargetGroup.objects.values_list("name", flat=True)) == [
        "Unternehmen",
        "Beschäftigte",
        "Internationale Fachkräfte",
        "Auszubildende",
        "Arbeitsuchende",
        "Netzwerkpartner",
    ]


def test_actor_types():
    assert ActorType.objects.count() == 16
    names = set(ActorType.objects.values_list("name", flat=True))
    assert {"Arbeitsverwaltung", "Kammer", "Gewerkschaft", "Fachkräfteallianz"} <= names
    assert all(ActorType.objects.values_list("name_en", flat=True))


def test_active_filters_inactive_items():
    TargetGroup.objects.filter(slug="arbeitsuchende").update(is_active=False)
    assert TargetGroup.objects.active().count() == 5
    assert not TargetGroup.objects.active().filter(slug="arbeitsuchende").exists()


def test_label_follows_the_active_language():
    dresden_area = Region.objects.get(code="14628")
    field = TopicField.objects.get(slug="tarifvertraege")
    with translation.override("de"):
        assert dresden_area.label == "Sächsische Schweiz-Osterzgebirge"
        assert field.label == "Tarifverträge"
        assert str(field) == "Tarifverträge"
        assert field.summary_label.startswith("Welche Tarifverträge")
    with translation.override("en"):
        assert dresden_area.label == "Saxon Switzerland-Eastern Ore Mountains"
        assert field.label == "Collective agreements"
        assert str(field) == "Collective agreements"
        assert field.summary_label.startswith("Which collective agreements")


def test_label_falls_back_to_german_without_english_name():
    group = TargetGroup.objects.create(slug="test-gruppe", name="Testgruppe", name_en="")
    with translation.override("en"):
        assert group.label == "Testgruppe"


def test_reference_data_loading_is_idempotent():
    from django.apps import apps

    from lotse.core.reference import load_reference_data

    Region.objects.filter(code="14511").update(population=1)
    load_reference_data(apps)
    assert Region.objects.count() == 17
    assert TopicField.objects.count() == 5
    assert Region.objects.get(code="14511").population == 247237


@pytest.mark.parametrize("code", ["14x11", "1", "145111111", "", "14 51"])
def test_region_code_must_be_two_to_eight_digits_in_the_database(code):
    state = Region.objects.get(code="14")
    # The CHECK constraint refuses it (PostgreSQL refuses nine characters already as too long
    # for the column; SQLite does not enforce lengths, there the constraint does).
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Region.objects.create(code=code, kind="rural_district", parent=state, slug="kaputt")


def test_region_code_validator_matches_the_constraint():
    region = Region(code="14x11", kind="state", slug="kaputt", name="Kaputt")
    with pytest.raises(ValidationError) as excinfo:
        region.full_clean()
    assert "code" in excinfo.value.message_dict


@pytest.mark.parametrize("kind", ["government_region", "urban_district", "rural_district"])
def test_non_state_region_needs_a_parent(kind):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="15001", kind=kind, slug="ohne-eltern", name="Ohne Eltern")


def test_state_needs_no_parent():
    Region.objects.create(code="15", kind="state", slug="sachsen-anhalt", name="Sachsen-Anhalt")
    assert Region.objects.get(code="15").parent is None


def test_region_with_children_cannot_be_deleted():
    with pytest.raises(ProtectedError), transaction.atomic():
        Region.objects.filter(code="14").delete()
