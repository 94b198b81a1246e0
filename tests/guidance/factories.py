"""Wegweiser test data: completed company checks with given scores (anonymous, like the real
ones). The version comes from the data file (fixture `version`); never the demo."""

import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lotse.core.models import Region
from lotse.guidance.models import CheckVersion, CompanyCheck
from lotse.guidance.selectors import band_for, token_hash


def scores_of(**module_scores: int) -> dict:
    """{"arbeitsschutz": 40} → the stored form {"arbeitsschutz": {"score": 40, "band": …}}."""
    return {key: {"score": value, "band": band_for(value)} for key, value in module_scores.items()}


class CompanyCheckFactory(DjangoModelFactory):
    class Meta:
        model = CompanyCheck

    version = factory.LazyFunction(lambda: CheckVersion.objects.published().order_by("-number")[0])
    token_hash = factory.LazyFunction(lambda: token_hash(secrets.token_urlsafe(32)))
    size_class = "10-49"
    district = factory.LazyFunction(lambda: Region.objects.get(slug="zwickau"))
    modules = factory.LazyAttribute(lambda check: list(check.scores))
    answers = factory.LazyFunction(dict)
    scores = factory.LazyFunction(lambda: scores_of(arbeitsschutz=60))
    last_used_at = factory.LazyFunction(timezone.now)
    completed_at = factory.LazyFunction(timezone.now)
