"""Hypothesis: arbitrary text (control characters, bidi controls, very long values) in every field
of the public forms and every query parameter of the API — never a 500, never the value in an
error message, never a raw control character in a page, nothing stored (decision 0038)."""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.desk.models import Inquiry
from lotse.events.models import Registration
from lotse.guidance.models import CompanyCheck
from tests.api.test_fuzz import OPERATIONS, url_for
from tests.core.test_input_echo import MARK, assert_not_echoed, get_pages, post_pages, public_data

pytestmark = pytest.mark.django_db
__all__ = ["public_data"]  # the module-scoped fixture, shared with test_input_echo

FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Every value starts with MARK, so an echo is found whatever the rest is.
VALUES = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=10),
    st.sampled_from(["\x00", "\x1b[31m", "\u202e", "\x85", "\u2028", "\r\n", "y" * 10_000]),
).map(lambda text: MARK + text)


@FUZZ
@given(value=VALUES, index=st.integers(min_value=0))
def test_get_forms(public_data, value, index):
    pages = get_pages(value)
    url, params = pages[index % len(pages)]
    assert_not_echoed(Client(raise_request_exception=False).get(url, params))


@FUZZ
@given(value=VALUES, index=st.integers(min_value=0))
def test_post_forms(public_data, value, index):
    cache.clear()  # the rate limits count every POST
    pages = post_pages(value, public_data)
    url, data = pages[index % len(pages)]
    assert_not_echoed(Client(raise_request_exception=False).post(url, data))
    assert not Inquiry.objects.exists()
    assert not Registration.objects.exists()
    assert not CompanyCheck.objects.exists()


@FUZZ
@given(value=VALUES, index=st.integers(min_value=0))
def test_api_parameters(public_data, value, index):
    path, parameters = OPERATIONS[index % len(OPERATIONS)]
    query = {p["name"]: value for p in parameters if p["in"] == "query"}
    url = url_for(path, {p["name"]: "x" for p in parameters if p["in"] == "path"})
    response = Client(raise_request_exception=False).get(url, query)
    assert response.status_code in (200, 404, 422), (path, response.status_code)
    if response.status_code == 422:
        assert MARK not in response.content.decode()
