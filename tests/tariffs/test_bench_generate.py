import datetime

import pytest

from bench.generators import tariffs as bench
from lotse.tariffs import selectors
from lotse.tariffs.models import AgreementParty, CollectiveAgreement, Provision

pytestmark = pytest.mark.django_db


def test_scale_one_counts_and_idempotent(django_assert_max_num_queries):
    with django_assert_max_num_queries(400):
        assert "1000 bench agreements created" in bench.generate(scale=1, seed=5)
    assert CollectiveAgreement.objects.filter(register_number__startswith="BENCH-").count() == 1000
    assert Provision.objects.count() == 10_000
    assert AgreementParty.objects.count() == len(bench.SECTORS) * bench.PARTIES_PER_SECTOR
    assert "0 bench agreements created, 1000 in total" in bench.generate(scale=1, seed=5)
    assert CollectiveAgreement.objects.count() == 1000
    result = selectors.tariff_lookup(wz="43.21.0", on=datetime.date(2024, 6, 1))
    assert result.agreements or result.not_public_count
    found = selectors.tariff_lookup(query="Elektroinstallation", on=datetime.date(2024, 6, 1))
    assert len(found.agreements) == len(result.agreements)
