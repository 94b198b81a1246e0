"""Compare anonymously: a module is shown only with ≥ 10 other completed checks of the same size
class and district group (former Direktionsbezirk); otherwise the page says there are not enough."""

import pytest
from django.urls import reverse

from lotse.core.models import Region
from lotse.guidance.selectors import check_by_token, comparison

from .conftest import start_check
from .factories import CompanyCheckFactory, scores_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(version, zwickau):
    check, token = start_check(version, zwickau, modules=("arbeitsschutz", "ausbildung"))
    return check_by_token(token=token), token


def peers(count, **overrides):
    values = {"scores": scores_of(arbeitsschutz=40), "size_class": "10-49"}
    values.update(overrides)
    return CompanyCheckFactory.create_batch(count, **values)


@pytest.mark.parametrize(("count", "shown"), [(9, False), (10, True)])
def test_threshold_at_nine_and_ten(client, own, count, shown):
    check, token = own
    # same group (Chemnitz): Vogtlandkreis; scores 40 (dringend) and 80 (gut)
    vogtland = Region.objects.get(slug="vogtlandkreis")
    peers(count - 1, district=vogtland)
    peers(1, scores=scores_of(arbeitsschutz=80, ausbildung=100))
    result = comparison(check=check)
    safety = next(item for item in result.modules if item.module.key == "arbeitsschutz")
    assert safety.count == count and safety.enough is shown
    html = client.get(reverse("guidance:plan", args=[token])).content.decode()
    assert "Betriebe Ihrer Größe in Ihrer Region" in html
    if shown:
        assert safety.average == round((40 * 9 + 80) / 10)
        assert safety.shares == {"gut": 10, "ausbaufaehig": 0, "dringend": 90}
        assert "dringend 90 %" in html
    else:
        assert safety.average is None and safety.shares == {}
        assert "noch nicht genug vergleichbare Betriebe" in html
    # one peer answered Ausbildung: never shown
    training = next(item for item in result.modules if item.module.key == "ausbildung")
    assert training.count == 1 and not training.enough


@pytest.mark.parametrize(
    "other",
    [
        {"size_class": "1-9"},  # another size class
        {"district_slug": "dresden"},  # another district group
        {"completed_at": None},  # not completed
    ],
)
def test_only_same_size_group_and_completed_count(own, other):
    check, _token = own
    slug = other.pop("district_slug", "zwickau")
    peers(20, district=Region.objects.get(slug=slug), **other)
    safety = next(
        item for item in comparison(check=check).modules if item.module.key == "arbeitsschutz"
    )
    assert safety.count == 0


def test_own_check_not_counted_and_query_count_constant(own, django_assert_num_queries):
    check, token = own
    check.completed_at = check.last_used_at
    check.scores = scores_of(arbeitsschutz=10)
    check.save()
    check = check_by_token(token=token)  # as the views load it: with its district group
    peers(9)
    with django_assert_num_queries(1):
        result = comparison(check=check)
    assert next(item for item in result.modules if item.module.key == "arbeitsschutz").count == 9
    peers(30)
    with django_assert_num_queries(1):
        comparison(check=check)


def test_numbers_cached_with_the_catalogue_cache(settings, own, django_assert_num_queries):
    """With the cache on, the aggregate is read once per check and module choice; the check
    itself is still not counted, and a new peer counts once the entry expires."""
    from django.core.cache import cache

    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    cache.clear()
    check, token = own
    check = check_by_token(token=token)
    peers(10)
    first = comparison(check=check)
    peers(5)
    with django_assert_num_queries(0):
        again = comparison(check=check)
    count = next(item for item in again.modules if item.module.key == "arbeitsschutz").count
    assert (
        count
        == 10
        == next(item for item in first.modules if item.module.key == "arbeitsschutz").count
    )
    cache.clear()
    fresh = comparison(check=check)
    assert next(item for item in fresh.modules if item.module.key == "arbeitsschutz").count == 15
