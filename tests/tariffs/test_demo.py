"""The register demo (initial content plus invented agreements) loads, and again changes nothing."""

import pytest

from lotse.tariffs.models import (
    CollectiveAgreement,
    GeneralApplicability,
    MinimumWageRate,
    Provision,
)

pytestmark = pytest.mark.django_db


def test_demo_load_is_idempotent(demo_register):
    from lotse.demo.loaders import register_load as load

    counts = (
        CollectiveAgreement.objects.count(),
        MinimumWageRate.objects.count(),
        Provision.objects.count(),
        GeneralApplicability.objects.count(),
    )
    load()
    assert counts == (
        CollectiveAgreement.objects.count(),
        MinimumWageRate.objects.count(),
        Provision.objects.count(),
        GeneralApplicability.objects.count(),
    )
    # The real agreements are initial content, the invented ones (titles "Demo: …") are demo.
    demo = CollectiveAgreement.objects.filter(is_demo=True)
    assert demo.count() == demo.filter(title__startswith="Demo:").count() == 3
    assert CollectiveAgreement.objects.filter(is_demo=False).count() == counts[0] - 3
