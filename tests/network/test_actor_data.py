"""The real actors' data file: contact data only with the public pages it was taken from."""

from pathlib import Path

import pytest

from lotse.core.initial import read_csv, split
from lotse.network.models import Actor

ACTORS = Path(__file__).resolve().parents[2] / "lotse/network/data/sn/actors.csv"
CONTACT = ("street", "postcode", "email", "phone")
ROWS = list(read_csv(ACTORS))


def test_every_contact_detail_names_its_public_source():
    for row in ROWS:
        sources = split(row["contact_source"])
        if any(row[name] for name in CONTACT):
            assert sources, f"{row['key']}: contact data without contact_source"
        assert all(source.startswith(("https://", "http://")) for source in sources), row["key"]


def test_only_general_addresses_of_institutions():
    """A personal address looks like first.last@…; the file has none."""
    for row in ROWS:
        if row["email"]:
            local = row["email"].split("@")[0]
            assert "." not in local, row["key"]


@pytest.mark.parametrize(
    "row", [row for row in ROWS if row["contact_source"]], ids=lambda r: r["key"]
)
def test_contact_data_passes_the_model_validators(row):
    actor = Actor(**{name: row[name] for name in (*CONTACT, "website", "town")})
    actor.clean_fields(exclude=["name", "slug", "actor_type", "search_document"])


def test_at_least_twenty_actors_have_public_contact_data():
    assert sum(bool(row["contact_source"]) for row in ROWS) >= 20
