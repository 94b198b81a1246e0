"""Hypothesis: whatever is posted to the profile and module forms, the answer is a redirect or a
German form page (never a 500), and a refused post changes nothing."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.guidance.models import CompanyCheck

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)
values = st.one_of(text, st.sampled_from(["ja", "nein", "teilweise", "weiss_nicht", "1-9"]))
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "size_class",
                "district",
                "sector_query",
                "wz_code",
                "modules",
                "trainees",
                "older_share",
                "employs_from_abroad",
                "q_bem",
                "x",
            ]
        ),
        st.one_of(values, st.lists(values, max_size=4)),
    )
)
def test_profile_form_never_fails(client, version, data):
    cache.clear()  # the rate limit of new checks counts every POST
    before = CompanyCheck.objects.count()
    response = client.post(reverse("guidance:profile"), data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert CompanyCheck.objects.count() == before
        assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()


@FUZZ
@given(
    extra=st.dictionaries(
        st.one_of(st.just("q_bem"), st.just("q_unterweisung"), text.map(lambda t: "q_" + t)),
        st.one_of(values, st.lists(values, max_size=3)),
        max_size=4,
    )
)
def test_module_form_never_fails(client, version, zwickau, extra):
    _check, token = start_check(version, zwickau)
    data = {f"q_{k}": v for k, v in module_answers(version, "arbeitsschutz").items()}
    data.update(extra)
    response = client.post(reverse("guidance:module", args=[token, "arbeitsschutz"]), data)
    assert response.status_code in (302, 400)
    stored = CompanyCheck.objects.latest("pk")
    if response.status_code == 400:
        assert stored.answers == {}
        assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
    else:
        assert set(stored.answers.values()) <= {
            "ja",
            "nein",
            "teilweise",
            "weiss_nicht",
            "trifft_nicht_zu",
        }
