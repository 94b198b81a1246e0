"""What keeps the desk's busiest pages cheap (issue 14, benchmark targets): the report cached
until a fact row is written, the inbox's reference data cached until it changes, the roles read
once per request, a bounded list of overdue referrals, and the public form's statement count."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from lotse.core import roles
from lotse.core.models import TopicField
from lotse.desk import selectors
from lotse.desk.models import ReferralStatus

from .conftest import make_user
from .factories import ReferralFactory
from .test_general import URL, form_data
from .test_report import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def report_cache(settings):
    settings.LOTSE_DESK_REPORT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_report_is_cached_until_a_fact_is_written(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _index in range(selectors.MIN_CELL):
            submit()
    assert selectors.desk_report().total.count == selectors.MIN_CELL
    with CaptureQueriesContext(connection) as cached:
        selectors.desk_report()
    assert len(cached.captured_queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    # A time-only cache showed the old figure for five minutes.
    assert selectors.desk_report().total.count == selectors.MIN_CELL + 1


def test_report_cache_is_per_language():
    submit()
    with translation.override("de"):
        german = selectors.desk_report()
    with translation.override("en"):
        english = selectors.desk_report()
    assert german.total.label == "Alle Anfragen"
    assert english.total.label == "All inquiries"


def test_report_lists_the_oldest_overdue_referrals_and_counts_the_rest(
    client_for, django_assert_max_num_queries
):
    lotse = make_user(roles.DESK, "lena")
    client = client_for(lotse)
    today = timezone.localdate()

    def overdue(count: int) -> None:
        for index in range(count):
            ReferralFactory(
                status=ReferralStatus.OFFERED, accept_due=today - dt.timedelta(days=index + 1)
            )

    overdue(2)
    with django_assert_max_num_queries(30) as few:
        client.get("/admin/anfragen/bericht/")
    overdue(selectors.OVERDUE_REFERRALS_SHOWN + 1)
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        page = client.get("/admin/anfragen/bericht/").content.decode()
    listed = page.split('id="overdue-referrals"')[1].split("</ul>")[0]
    assert listed.count("<li>") == selectors.OVERDUE_REFERRALS_SHOWN
    assert 'id="overdue-referrals-more"' in page
    assert "und 3 weitere" in page


def test_inbox_filter_choices_follow_a_renamed_topic_field(client_for):
    client = client_for(make_user(roles.DESK, "lena"))
    assert "Integration" in client.get("/admin/anfragen/").content.decode()
    field = TopicField.objects.get(slug="integration-fachkraefteeinwanderung")
    field.name = "Ankommen in Sachsen"
    field.save()
    assert "Ankommen in Sachsen" in client.get("/admin/anfragen/").content.decode()


def test_roles_are_read_once_per_user_object(django_assert_num_queries):
    user = make_user(roles.DESK, "lena")
    with django_assert_num_queries(1):
        for _index in range(5):
            assert roles.user_roles(user) == {roles.DESK}
            assert roles.user_has_role(user, roles.DESK)


def test_public_form_post_statement_count(client, django_assert_max_num_queries):
    """Django's constraint validation asked the database once per constraint (61 statements);
    the database checks them on the insert."""
    data = form_data()
    with django_assert_max_num_queries(40):
        response = client.post(URL, data)
    assert response.status_code == 302
