"""What keeps the desk's busiest pages cheap (issue 14, benchmark targets): the report cached
until a fact row is written, the inbox's reference data cached until it changes, the roles read
once per request, a bounded list of overdue referrals, and the public form's statement count."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from lotse.core import roles
from lotse.core.models import Region, TopicField
from lotse.desk import selectors, services
from lotse.desk.admin_views import CappedPaginator
from lotse.desk.models import Inquiry, InquiryFact, Referral, ReferralConsent, ReferralStatus
from tests.network.factories import ActorFactory

from .conftest import make_inquiry, make_user
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
    # Only the versions are read (lotse.core.versioning).
    assert [query["sql"] for query in cached.captured_queries] == [
        "SELECT scope, version, token FROM core_contentversion"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    # A time-only cache showed the old figure for five minutes.
    assert selectors.desk_report().total.count == selectors.MIN_CELL + 1


def test_report_follows_a_bulk_fact_write_and_a_renamed_district():
    """The triggers move the fact table's version also for writes no service makes (bulk
    updates, imports), and the labels follow the content version."""
    for _index in range(selectors.MIN_CELL):
        submit()
    report = selectors.desk_report()
    assert report.total.count == selectors.MIN_CELL
    InquiryFact.objects.update(channel="telefon")
    channels = {
        cell.key for cell in {n: c for n, _l, c in selectors.desk_report().tables}["channel"]
    }
    assert channels == {"telefon"}
    region = Region.objects.get(code="14612")
    region.name = "Landeshauptstadt Dresden"
    region.save()
    districts = {n: c for n, _l, c in selectors.desk_report().tables}["district"]
    assert [cell.label for cell in districts] == ["Landeshauptstadt Dresden"]


def test_report_is_shared_by_the_same_topics_only():
    for _index in range(selectors.MIN_CELL):
        submit()
    assert selectors.desk_report(topics=["allgemein"]).total.count == selectors.MIN_CELL
    # The Tarifregister's report (its topics only) is another entry, not the general desk's.
    assert selectors.desk_report(topics=["tarif"]).total.count is None


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


def test_report_counts_overdue_referrals_up_to_the_cap(client_for, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", selectors.OVERDUE_REFERRALS_SHOWN + 2)
    client = client_for(make_user(roles.DESK, "lena"))
    today = timezone.localdate()
    for index in range(selectors.OVERDUE_REFERRALS_SHOWN + 3):
        ReferralFactory(
            status=ReferralStatus.OFFERED, accept_due=today - dt.timedelta(days=index + 1)
        )
    page = client.get("/admin/anfragen/bericht/").content.decode()
    assert f"Insgesamt mehr als {selectors.OVERDUE_REFERRALS_SHOWN + 2}" in page
    assert "weitere (" not in page


def test_overdue_referrals_only_for_the_general_desk():
    ReferralFactory(
        status=ReferralStatus.OFFERED, accept_due=timezone.localdate() - dt.timedelta(days=3)
    )
    assert selectors.overdue_referrals(user=make_user(roles.DESK, "lena")).count() == 1
    assert selectors.overdue_referrals(user=make_user(roles.TARIFF_REGISTER, "tina")).count() == 0


def test_only_general_inquiries_are_referred():
    inquiry = make_inquiry()  # a Tarif question
    admin = make_user(roles.ADMINISTRATION, "anna")
    with pytest.raises(ValidationError, match="Nur allgemeine Anfragen"):
        services.referral_create(
            inquiry=inquiry,
            actors=[ActorFactory()],
            purpose="Beratung",
            consent=ReferralConsent.PHONE,
            user=admin,
        )
    assert not Referral.objects.exists()


def test_count_upto_stops_at_the_cap():
    for _index in range(4):
        make_inquiry()
    assert selectors.count_upto(Inquiry.objects.all(), cap=2) == 3
    assert selectors.count_upto(Inquiry.objects.all(), cap=10) == 4


def test_inbox_counts_up_to_the_cap(client_for, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    client = client_for(make_user(roles.TARIFF_REGISTER, "tina"))
    old = timezone.localdate() - dt.timedelta(days=30)
    for _index in range(4):
        make_inquiry(due_date=old)
    page = client.get("/admin/anfragen/").content.decode()
    assert "Mehr als 2 offene Anfragen sind überfällig" in page
    assert page.count('class="desk-row') == 4


def test_pager_counts_up_to_the_cap():
    for _index in range(7):
        make_inquiry()
    paginator = CappedPaginator(Inquiry.objects.order_by("pk"), 2, cap=4)
    assert paginator.capped
    assert paginator.capped_pages == 2
    assert paginator.num_pages == 3  # one page past the cap, then the filters
    last = paginator.get_page(9)
    assert last.number == 3
    assert len(last.object_list) == 2  # full, though the count stopped at 5
    exact = CappedPaginator(Inquiry.objects.order_by("pk"), 2, cap=10)
    assert not exact.capped
    assert exact.count == 7
    assert exact.num_pages == 4


def test_inbox_filter_with_an_unknown_topic_field_or_district_finds_nothing(client_for):
    client = client_for(make_user(roles.TARIFF_REGISTER, "tina"))
    make_inquiry()
    assert client.get("/admin/anfragen/").content.decode().count('class="desk-row') == 1
    for query in ("thema=gibt-es-nicht", "kreis=99999"):
        page = client.get(f"/admin/anfragen/?{query}").content.decode()
        assert page.count('class="desk-row') == 0


def test_inbox_filter_choices_follow_a_renamed_topic_field(client_for):
    client = client_for(make_user(roles.DESK, "lena"))
    assert "Integration" in client.get("/admin/anfragen/").content.decode()
    field = TopicField.objects.get(slug="integration-fachkraefteeinwanderung")
    field.name = "Ankommen in Sachsen"
    field.save()
    assert "Ankommen in Sachsen" in client.get("/admin/anfragen/").content.decode()


def test_roles_are_read_once_per_user_and_auth_version(django_assert_num_queries):
    from django.contrib.auth import get_user_model

    from lotse.core.versioning import versions_pinned

    user = make_user(roles.DESK, "lena")
    with versions_pinned():  # as in a back-office request
        with django_assert_num_queries(2):  # the versions, the groups
            for _index in range(5):
                assert roles.user_roles(user) == {roles.DESK}
                assert roles.user_has_role(user, roles.DESK)
        again = get_user_model().objects.get(pk=user.pk)  # the next request's user object
        with django_assert_num_queries(0):
            assert roles.user_roles(again) == {roles.DESK}
    user.groups.add(Group.objects.get(name=roles.TARIFF_REGISTER))
    # A new membership moves the `auth` version: the next request sees the role at once.
    again = get_user_model().objects.get(pk=user.pk)
    assert roles.user_roles(again) == {roles.DESK, roles.TARIFF_REGISTER}


def test_public_form_post_statement_count(client, django_assert_max_num_queries):
    """Django's constraint validation asked the database once per constraint (61 statements);
    the database checks them on the insert."""
    data = form_data()
    with django_assert_max_num_queries(40):
        response = client.post(URL, data)
    assert response.status_code == 302


def test_public_form_post_moves_no_content_version(client, settings):
    """A question to the desk rebuilds the pages with inquiry figures (`inquiry_facts`), not the
    portal: its send task in the database queue is no content either."""
    from django_tasks_db.models import DBTaskResult

    from lotse.core.versioning import current_versions

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    before = current_versions()
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert DBTaskResult.objects.filter(task_path="lotse.core.mail.mails_send").exists()
    after = current_versions()
    assert after["content"] == before["content"]
    assert after["inquiry_facts"] != before.get("inquiry_facts")


def test_no_stale_version_triggers():
    """Every version trigger in the database is one a watch wants (an app excluded later loses
    its triggers at the next migrate)."""
    from lotse.core.versioning import installed_triggers, stale_triggers

    assert stale_triggers(connection) == []
    assert not any(table.startswith("django_tasks") for table in installed_triggers(connection))


def test_form_choices_follow_the_content(client):
    """The form's choices come from a cache under the content version: a deactivated topic
    field is refused at once."""
    data = form_data()
    field = TopicField.objects.get(slug=data["topic_field"])
    field.is_active = False
    field.save()
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Bitte wählen Sie ein Themenfeld aus der Liste." in response.content.decode()
    assert not Inquiry.objects.exists()


def test_a_form_opened_before_a_new_consent_text_is_still_accepted(client):
    """The consent version posted is the one the asker saw, also when a newer text came since."""
    from lotse.desk.models import ConsentKind, ConsentText

    data = form_data()
    old = ConsentText.objects.get(kind=ConsentKind.INQUIRY, version=int(data["consent_version"]))
    ConsentText.objects.create(kind=ConsentKind.INQUIRY, version=old.version + 1, text="Neu")
    response = client.post(URL, data)
    assert response.status_code == 302
    assert Inquiry.objects.get().consent_text == old


def test_assignee_filter_follows_new_and_renamed_colleagues_at_once(client_for):
    """The "Zuständig" choices are kept under the `auth` version (users and memberships)."""
    client = client_for(make_user(roles.DESK, "lena"))
    colleague = make_user(None, "kurt")
    assert "Kurt" not in client.get("/admin/anfragen/").content.decode()
    colleague.groups.add(Group.objects.get(name=roles.DESK))
    assert ">Kurt</option>" in client.get("/admin/anfragen/").content.decode()
    colleague.first_name = "Konrad"
    colleague.save()
    page = client.get("/admin/anfragen/").content.decode()
    assert ">Konrad</option>" in page
    assert ">Kurt</option>" not in page


def test_counts_upto_counts_like_count_upto_in_one_statement(django_assert_num_queries):
    today = timezone.localdate()
    for index in range(5):
        make_inquiry(due_date=today - dt.timedelta(days=index - 2))
    querysets = [
        Inquiry.objects.all(),
        Inquiry.objects.overdue(today),
        Inquiry.objects.filter(pk__in=[]),  # the ORM knows it matches nothing
        Inquiry.objects.none(),
        Inquiry.objects.filter(reference__startswith="gibt-es-nicht"),
        Inquiry.objects.order_by("-due_date").filter(due_date__lt=today),
    ]
    expected = [selectors.count_upto(queryset, cap=3) for queryset in querysets]
    with django_assert_num_queries(1):
        assert selectors.counts_upto(*querysets, cap=3) == expected
    assert expected[0] == 4  # capped: more than 3
    with django_assert_num_queries(0):
        assert selectors.counts_upto(Inquiry.objects.none()) == [0]


def test_inbox_statements(client_for, django_assert_num_queries):
    """The inbox page reads the session, the user with Wagtail's profile, the versions, both
    counts in one statement and the rows (the reference data, menu, rights and dialog from the
    kept entries)."""
    client = client_for(make_user(roles.DESK, "lena"))
    make_inquiry(topic="allgemein", sector="", question_kind="")
    client.get("/admin/anfragen/")  # fills the kept entries
    with django_assert_num_queries(5) as statements:
        assert client.get("/admin/anfragen/").status_code == 200
    sqls = [query["sql"] for query in statements.captured_queries]
    assert "wagtailusers_userprofile" in sqls[1] and "auth_user" in sqls[1]
    assert sum("COUNT(*)" in sql for sql in sqls) == 1
    assert "desk_inquiry" in sqls[4]


def test_inbox_rows_and_options_are_escaped_as_format_html_did():
    """The row and option tags escape with the standard library (Django's `escape` without its
    wrappers): the HTML is the same as `format_html_join` wrote, markup in data included."""
    from django.utils.html import format_html, format_html_join

    from lotse.desk.templatetags import desk_admin

    rows = [
        selectors.InboxRow(
            url='/admin/anfragen/1/?a=1&b="2"',
            reference="LD-<1>",
            received="04.03.2026 09:05",
            subject="Fach & Kraft · 'Telefon'",
            district="<script>alert(1)</script>",
            status="neu",
            assignee="Lena",
            due="11.03.2026",
            overdue=overdue,
        )
        for overdue in (True, False)
    ]
    overdue_mark = format_html(
        ' <strong class="w-status w-status--label desk-overdue">{}</strong>', "überfällig"
    )
    expected = format_html_join(
        "\n",
        desk_admin.INBOX_ROW,
        (
            (
                " desk-row--overdue" if row.overdue else "",
                *row[:8],
                overdue_mark if row.overdue else "",
            )
            for row in rows
        ),
    )
    assert desk_admin.desk_inbox_rows(rows) == expected
    choices = [selectors.Choice("a&b", "<Fach>"), ("x", "'y'")]
    assert desk_admin.desk_options(choices, "x") == format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        [("a&b", "", "<Fach>"), ("x", " selected", "'y'")],
    )


def test_filter_form_is_kept_per_filters_and_language(client_for):
    """The kept filter form marks the chosen filters of each request and speaks the user's
    language (the renamed topic field and the new colleague: tests above)."""
    from wagtail.users.models import UserProfile

    lena = make_user(roles.DESK, "lena")
    client = client_for(lena)
    first = client.get("/admin/anfragen/?status=neu").content.decode()
    assert '<option value="neu" selected>' in first
    again = client.get("/admin/anfragen/?status=neu").content.decode()
    assert '<option value="neu" selected>' in again
    other = client.get("/admin/anfragen/?status=verwiesen&overdue=1").content.decode()
    assert '<option value="verwiesen" selected>' in other
    assert '<option value="neu" selected>' not in other
    assert 'name="overdue" value="1" checked' in other
    assert 'name="overdue" value="1" checked' not in again
    profile = UserProfile.get_for_user(lena)
    profile.preferred_language = "en"
    profile.save()
    english = client.get("/admin/anfragen/?status=neu").content.decode()
    assert 'aria-label="Filter inquiries"' in english
    assert 'aria-label="Anfragen filtern"' in again
