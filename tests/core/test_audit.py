"""The audit trail: Lotse's staff writes in Wagtail's log."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry, PageLogEntry

from lotse.core.audit import ACTIONS, audit_changes, audit_log, model_snapshot
from lotse.core.models import Region, TopicField

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(staff_users):
    return staff_users["redaktion"]


def test_audit_log_writes_a_model_log_entry(editor):
    region = Region.objects.get(code="14511")
    entry = audit_log(
        user=editor,
        action="lotse.update",
        instance=region,
        changes={"population": [247237, 250000]},
        note="Neue Zahlen",
    )
    stored = ModelLogEntry.objects.get(pk=entry.pk)
    assert stored.user == editor
    assert stored.action == "lotse.update"
    assert stored.content_type == ContentType.objects.get_for_model(Region)
    assert stored.object_id == str(region.pk)
    assert stored.label == "Chemnitz"
    assert stored.data == {"changes": {"population": [247237, 250000]}, "note": "Neue Zahlen"}
    assert stored.content_changed is True
    assert list(registry.get_logs_for_instance(region)) == [stored]


def test_audit_log_on_a_page_writes_a_page_log_entry(site_pages, editor):
    from lotse.content.models import KnowledgeIndexPage

    page = KnowledgeIndexPage.objects.get(locale__language_code="de")
    entry = audit_log(user=editor, action="lotse.export", instance=page)
    assert isinstance(entry, PageLogEntry)
    assert entry.page_id == page.pk
    assert entry.data == {}
    assert entry.content_changed is False  # an export changes nothing


def test_values_are_stored_as_json(editor):
    field = TopicField.objects.get(slug="tarifvertraege")
    region = Region.objects.get(code="14")
    entry = audit_log(
        user=editor,
        action="lotse.update",
        instance=field,
        changes={
            "valid_from": [None, datetime.date(2026, 1, 1)],
            "rate": [Decimal("12.82"), Decimal("13.90")],
            "region": [None, region],
            "tags": [("a", "b"), {"c"}],
            "nested": [{}, {"key": Decimal("1.5")}],
        },
    )
    entry.refresh_from_db()
    assert entry.data["changes"] == {
        "valid_from": [None, "2026-01-01"],
        "rate": ["12.82", "13.90"],
        "region": [None, {"id": region.pk, "repr": "Freistaat Sachsen"}],
        "tags": [["a", "b"], ["c"]],
        "nested": [{}, {"key": "1.5"}],
    }


def test_anonymous_or_missing_user_is_recorded_as_none():
    region = Region.objects.get(code="14")
    assert audit_log(user=None, action="lotse.create", instance=region).user is None
    assert audit_log(user=AnonymousUser(), action="lotse.create", instance=region).user is None


def test_unknown_action_is_refused_and_nothing_is_written(editor):
    region = Region.objects.get(code="14")
    with pytest.raises(ValueError, match="lotse.frobnicate"):
        audit_log(user=editor, action="lotse.frobnicate", instance=region)
    assert not ModelLogEntry.objects.filter(action="lotse.frobnicate").exists()


def test_wagtail_actions_are_accepted(editor):
    region = Region.objects.get(code="14")
    assert audit_log(user=editor, action="wagtail.edit", instance=region).action == "wagtail.edit"


def test_lotse_actions_are_registered_with_labels():
    for action in ACTIONS:
        assert registry.action_exists(action)
    assert str(registry.get_action_label("lotse.anonymise")) == "Anonymisiert"


def test_unsaved_instance_cannot_be_audited(editor):
    with pytest.raises(ValueError):
        audit_log(user=editor, action="lotse.create", instance=Region(code="99"))


def test_audit_changes_lists_only_differences():
    before = {"name": "Alt", "population": 1, "seat": "Pirna", "gone": "x"}
    after = {"name": "Neu", "population": 1, "seat": "Pirna", "added": 5}
    assert audit_changes(before, after) == {
        "added": [None, 5],
        "gone": ["x", None],
        "name": ["Alt", "Neu"],
    }
    assert list(audit_changes(before, after)) == ["added", "gone", "name"]  # sorted
    assert audit_changes(before, dict(before)) == {}


def test_model_snapshot_and_changes_together():
    region = Region.objects.get(code="14628")
    before = model_snapshot(region, ["name", "population", "parent", "area_km2"])
    assert before["parent"] == {"id": region.parent_id, "repr": "Direktionsbezirk Dresden"}
    assert before["area_km2"] == "1654.19"
    region.population = 240000
    after = model_snapshot(region, ["name", "population", "parent", "area_km2"])
    assert audit_changes(before, after) == {"population": [245611, 240000]}


def test_entries_appear_in_the_site_history_with_their_label(staff_users, editor, login):
    region = Region.objects.get(code="14730")
    audit_log(user=editor, action="lotse.status", instance=region)
    response = login("admin").get("/admin/reports/site-history/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nordsachsen" in content
    assert "Status geändert" in content


def test_audit_log_model_records_an_action_on_the_model_as_a_whole(editor, login):
    from lotse.core.audit import audit_log_model
    from lotse.tariffs.models import CollectiveAgreement

    entry = audit_log_model(
        user=editor, action="lotse.export", model=CollectiveAgreement, note="CSV: 3 Einträge"
    )
    stored = ModelLogEntry.objects.get(pk=entry.pk)
    content_type = ContentType.objects.get_for_model(CollectiveAgreement)
    assert stored.content_type == ContentType.objects.get_for_model(ContentType)
    assert stored.object_id == str(content_type.pk)
    assert stored.label == str(content_type)
    assert stored.data == {"note": "CSV: 3 Einträge"}
    assert stored.content_changed is False
    # The site history lists it (its object, the content type, exists) without an error.
    response = login("admin").get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert str(content_type) in response.content.decode()
