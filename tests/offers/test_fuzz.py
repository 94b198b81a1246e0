"""Bad input never yields a 500: random GET parameters for the catalogue, export and the API."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

KEYS = ["q", "topic_field", "target_group", "kind", "district", "language", "cost", "sort"]
KEYS += ["page", "limit", "x"]
KNOWN = ["dresden", "landesweit", "online", "de", "beratung", "kostenfrei", "title", "1", "-1"]
# Any text, including NUL, surrogate-free unicode, SQL/FTS syntax and very long strings.
VALUES = st.one_of(
    st.sampled_from(KNOWN),
    st.text(max_size=60),
    st.sampled_from(['"', "*", "'--", "a:*", "NEAR(", "\x00", "ä" * 300, "9" * 40, "-0", "1e9"]),
)
PARAMS = st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=8)

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def offers(offer_factory):
    offer_factory(title="Ausbildung Fachkräfte", districts=["dresden"], languages=["de"])
    offer_factory(title="Weiterbildung online", online=True, kind="weiterbildung")


def _query(pairs) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return data


@FUZZ
@given(pairs=PARAMS)
def test_catalogue_never_fails(offers, pairs):
    client = Client(raise_request_exception=False)
    data = _query(pairs)
    assert client.get("/angebote/", data).status_code == 200
    assert client.get("/angebote/", data, headers={"HX-Request": "true"}).status_code == 200


@FUZZ
@given(pairs=PARAMS)
def test_export_never_fails(offers, pairs):
    client = Client(raise_request_exception=False)
    assert client.get("/angebote/export.csv", _query(pairs)).status_code == 200


@FUZZ
@given(pairs=PARAMS)
@example(pairs=[("q", "\x00"), ("district", "\x00")])
def test_api_never_fails(offers, pairs):
    client = Client(raise_request_exception=False)
    assert client.get("/api/v1/offers", _query(pairs)).status_code in {200, 422}


@FUZZ
@given(slug=st.text(max_size=80))
@example(slug="\x00")
@example(slug="a" * 300)
@example(slug="0/0")
def test_api_detail_never_fails(offers, slug):
    client = Client(raise_request_exception=False)
    from urllib.parse import quote

    # An encoded "/" is a path separator again for the URL resolver: such a path matches no
    # route, and CommonMiddleware redirects it to the same path with a trailing slash.
    allowed = {200, 404, 422} | ({301} if "/" in slug else set())
    assert client.get("/api/v1/offers/" + quote(slug, safe="")).status_code in allowed
