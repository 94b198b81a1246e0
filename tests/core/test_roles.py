"""Roles as Django groups (migration 0003 + post_migrate sync) and the role helpers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from lotse.core import roles

pytestmark = pytest.mark.django_db


def perms(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_six_roles_exist_after_migrate_and_wagtail_starter_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {
        "Administration",
        "Redaktion",
        "Tarifregister",
        "Veranstaltungsteam",
        "Lotsendienst",
        "Partner",
    }
    assert set(roles.ROLE_NAMES) == names


def test_administration_holds_every_permission():
    assert Group.objects.get(name="Administration").permissions.count() == (
        Permission.objects.count()
    )


def test_redaktion_permissions():
    granted = perms("Redaktion")
    assert {
        "wagtailadmin.access_admin",
        "wagtailcore.add_page",
        "wagtailcore.change_page",
        "wagtailcore.publish_page",
        "wagtaildocs.add_document",
        "wagtailimages.add_image",
        "wagtailredirects.add_redirect",
        "core.view_region",
        "simple_translation.submit_translation",
    } <= granted
    # Never users, groups or site settings.
    assert not {
        p for p in granted if p.startswith(("auth.", "wagtailusers.", "wagtailcore.add_site"))
    }
    assert "wagtailcore.delete_page" not in granted
    assert "core.change_region" not in granted


def test_redaktion_page_and_collection_permissions():
    root = Page.get_first_root_node()
    page_perms = set(
        GroupPagePermission.objects.filter(group__name="Redaktion", page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert page_perms == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    collection_perms = set(
        GroupCollectionPermission.objects.filter(group__name="Redaktion").values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_document", "choose_document", "add_image", "choose_image"} <= collection_perms


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "Partner",
            {
                "wagtailadmin.access_admin",
                "network.view_actor",
                "network.change_actor",
                "offers.view_offer",
                "offers.add_offer",
                "offers.change_offer",
                "events.view_event",
                "events.add_event",
                "events.change_event",
                "events.view_registration",
            },
        ),
        (
            "Lotsendienst",
            {
                "wagtailadmin.access_admin",
                "network.view_actor",
                "desk.view_inquiry",
                "desk.view_answertemplate",
                "desk.add_answertemplate",
                "desk.change_answertemplate",
                "desk.delete_answertemplate",
            },
        ),
        (
            "Tarifregister",
            {
                "wagtailadmin.access_admin",
                "wagtailimages.choose_image",
                "wagtailcore.view_modellogentry",
                "tariffs.*",
                "desk.*",
            },
        ),
        (
            "Veranstaltungsteam",
            {
                "wagtailadmin.access_admin",
                "wagtailimages.choose_image",
                "network.view_actor",
                "events.*",
            },
        ),
    ],
)
def test_narrow_roles_hold_only_their_permissions(role, expected):
    """Exactly the declared permissions; "app.*" stands for every permission of that app."""
    wildcard_apps = [item[:-2] for item in expected if item.endswith(".*")]
    expected = {item for item in expected if not item.endswith(".*")} | {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.filter(
            content_type__app_label__in=wildcard_apps
        ).values_list("content_type__app_label", "codename")
    }
    assert perms(role) == expected
    assert not GroupPagePermission.objects.filter(group__name=role).exists()


def test_only_editors_hold_page_tree_permissions():
    assert set(GroupPagePermission.objects.values_list("group__name", flat=True)) == {"Redaktion"}


def counts() -> tuple[int, int, int, int]:
    return (
        Group.objects.count(),
        Group.permissions.through.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


def test_sync_is_idempotent():
    before = counts()
    roles.roles_sync()
    roles.roles_sync()
    assert counts() == before


def test_sync_is_additive_and_restores_what_is_missing():
    partner = Group.objects.get(name="Partner")
    extra = Permission.objects.get(content_type__app_label="core", codename="view_region")
    partner.permissions.add(extra)
    redaktion = Group.objects.get(name="Redaktion")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    redaktion.permissions.remove(publish)
    GroupPagePermission.objects.filter(group=redaktion).delete()
    Group.objects.filter(name="Lotsendienst").delete()

    roles.roles_sync()

    assert "core.view_region" in perms("Partner")  # an administrator's grant survives
    assert "wagtailcore.publish_page" in perms("Redaktion")
    assert GroupPagePermission.objects.filter(group__name="Redaktion").count() == 5
    assert {"wagtailadmin.access_admin", "network.view_actor"} <= perms("Lotsendienst")


def test_permissions_of_apps_not_installed_are_skipped():
    assert roles._permissions_for(["notinstalled.*", "notinstalled.do_thing"]) == []
    found = roles._permissions_for(["wagtaildocs.*"])
    assert found and {p.content_type.app_label for p in found} == {"wagtaildocs"}


def test_default_moderation_workflow_is_assigned_to_redaktion():
    # (the Einwanderungs-Check's parameters have their own workflow: lotse/migration)
    workflow = Page.get_first_root_node().get_workflow()
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1
    task = tasks[0]
    assert isinstance(task, GroupApprovalTask)
    assert task.name == "Prüfung durch die Redaktion"
    assert list(task.groups.values_list("name", flat=True)) == ["Redaktion"]
    # The workflow covers the whole page tree.
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()


def test_redaktion_can_approve_in_the_workflow(staff_users):
    user = get_user_model().objects.get(username="redaktion")
    task = GroupApprovalTask.objects.get()
    assert task.groups.filter(pk__in=user.groups.all()).exists()
    partner = get_user_model().objects.get(username="partner")
    assert not task.groups.filter(pk__in=partner.groups.all()).exists()


@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("redaktion", "Redaktion"),
        ("tarifregister", "Tarifregister"),
        ("veranstaltung", "Veranstaltungsteam"),
        ("lotsendienst", "Lotsendienst"),
        ("partner", "Partner"),
    ],
)
def test_user_roles_of_staff_users(staff_users, username, role):
    user = get_user_model().objects.get(username=username)
    assert roles.user_roles(user) == {role}
    assert roles.user_has_role(user, role)
    assert not roles.user_has_role(user, roles.ADMINISTRATION)
    others = [name for name in roles.ROLE_NAMES if name != role]
    assert not roles.user_has_role(user, *others)
    assert roles.user_has_role(user, "Gibt es nicht", role)


def test_superuser_holds_administration_and_passes_every_role_check(staff_users):
    admin = get_user_model().objects.get(username="admin")
    assert roles.ADMINISTRATION in roles.user_roles(admin)
    assert roles.user_has_role(admin, roles.PARTNER)


def test_user_without_groups_and_anonymous_have_no_roles(staff_users):
    nobody = get_user_model().objects.create_user("niemand", password="x" * 16)
    assert roles.user_roles(nobody) == set()
    assert not roles.user_has_role(nobody, *roles.ROLE_NAMES)
    assert roles.user_roles(AnonymousUser()) == set()
    assert not roles.user_has_role(AnonymousUser(), *roles.ROLE_NAMES)


def test_groups_that_are_not_roles_are_ignored(staff_users):
    user = get_user_model().objects.get(username="partner")
    user.groups.add(Group.objects.create(name="Kegelclub"))
    assert roles.user_roles(user) == {"Partner"}


def test_every_role_has_a_description():
    assert set(roles.ROLE_DESCRIPTIONS) == set(roles.ROLE_NAMES)
    assert set(roles.STAFF_ROLES) == set(roles.ROLE_NAMES) - {roles.PARTNER}
