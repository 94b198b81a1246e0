"""The roles of DESIGN.md as Django groups, and the permissions each one holds.

Groups are created by a migration; permissions are granted after every `migrate` (post_migrate),
because permissions of apps added later only exist then. Granting is additive: an administrator
may give a group more, `migrate` never takes anything away.
"""

from typing import Any

from django.apps import AppConfig
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from .types import AnyUser

ADMINISTRATION = "Administration"
EDITORS = "Redaktion"
TARIFF_REGISTER = "Tarifregister"
EVENTS_TEAM = "Veranstaltungsteam"
DESK = "Lotsendienst"
PARTNER = "Partner"

ROLE_NAMES = (ADMINISTRATION, EDITORS, TARIFF_REGISTER, EVENTS_TEAM, DESK, PARTNER)
STAFF_ROLES = (ADMINISTRATION, EDITORS, TARIFF_REGISTER, EVENTS_TEAM, DESK)

ROLE_DESCRIPTIONS = {
    ADMINISTRATION: _("Alles, einschließlich Benutzerkonten und Rollen"),
    EDITORS: _("Angebote und Inhalte prüfen und veröffentlichen, Akteure pflegen"),
    TARIFF_REGISTER: _("Tarifverträge pflegen, Tarifanfragen beantworten"),
    EVENTS_TEAM: _("Veranstaltungen, Anmeldungen und Einlass verwalten"),
    DESK: _("Anfragen bearbeiten und an Partner verweisen"),
    PARTNER: _("Profil, Angebote und Veranstaltungen der eigenen Organisation pflegen"),
}

# "app_label.codename" or "app_label.*" (all permissions of an app). Permissions of apps that
# are not installed (yet) are skipped, so later modules only add lines here.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    ADMINISTRATION: ["*"],
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtailimages.*",
        "wagtaildocs.*",
        "wagtailredirects.*",
        "wagtailcore.view_modellogentry",
        "wagtailcore.add_page",
        "wagtailcore.change_page",
        "wagtailcore.publish_page",
        "wagtailcore.lock_page",
        "wagtailcore.unlock_page",
        "wagtailsearchpromotions.*",
        "simple_translation.submit_translation",
        "core.view_region",
        "core.view_topicfield",
        "core.view_targetgroup",
        "core.view_actortype",
        "core.view_language",
        "core.view_searchsynonym",
        "core.add_searchsynonym",
        "core.change_searchsynonym",
        "core.delete_searchsynonym",
        "network.*",
        "offers.*",
        "imports.*",
        "guidance.add_checkversion",
        "guidance.change_checkversion",
        "guidance.view_checkversion",
        "guidance.publish_checkversion",
        "guidance.lock_checkversion",
        "guidance.unlock_checkversion",
        # Einwanderungs-Check: parameters (never published by hand: only the two-person
        # workflow publishes, migration/permissions.py) and route notes.
        "migration.add_parameter",
        "migration.change_parameter",
        "migration.delete_parameter",
        "migration.view_parameter",
        "migration.lock_parameter",
        "migration.unlock_parameter",
        "migration.add_routenote",
        "migration.change_routenote",
        "migration.delete_routenote",
        "migration.view_routenote",
        "migration.publish_routenote",
    ],
    TARIFF_REGISTER: [
        "wagtailadmin.access_admin",
        "wagtailimages.choose_image",
        "wagtailcore.view_modellogentry",
        "tariffs.*",
        "desk.*",
    ],
    EVENTS_TEAM: [
        "wagtailadmin.access_admin",
        "wagtailimages.choose_image",
        "network.view_actor",
        "events.*",
    ],
    # The Lotsendienst's inbox (/admin/anfragen/) and text blocks; which inquiries and answer
    # templates it handles is decided per topic in desk/access.py (no Tarif topic: those are the
    # register's).
    DESK: [
        "wagtailadmin.access_admin",
        "network.view_actor",
        "desk.view_inquiry",
        "desk.view_answertemplate",
        "desk.add_answertemplate",
        "desk.change_answertemplate",
        "desk.delete_answertemplate",
    ],
    # Partners edit only their own organisations' actors and offers: the object-level check is
    # the permission policy in network/offers (membership), these are the model-level rights.
    PARTNER: [
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
    ],
}

# Page-tree permissions (Wagtail) granted on the root page, and collection permissions.
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
ROLE_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    TARIFF_REGISTER: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    EVENTS_TEAM: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}


def _permissions_for(spec: list[str]) -> list[Permission]:
    queryset = Permission.objects.select_related("content_type")
    if "*" in spec:
        return list(queryset)
    wildcard_apps = [item[:-2] for item in spec if item.endswith(".*")]
    exact = [tuple(item.split(".", 1)) for item in spec if not item.endswith(".*")]
    found = list(queryset.filter(content_type__app_label__in=wildcard_apps))
    for app_label, codename in exact:
        found.extend(queryset.filter(content_type__app_label=app_label, codename=codename))
    return found


def roles_sync() -> None:
    """Make sure every role exists and holds at least the permissions declared above."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions_for(ROLE_PERMISSIONS.get(role, [])))
        if root_page is not None:
            for codename in ROLE_PAGE_PERMISSIONS.get(role, []):
                permission = Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                )
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            for item in ROLE_COLLECTION_PERMISSIONS.get(role, []):
                app_label, codename = item.split(".", 1)
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


def sync_roles_after_migrate(
    sender: object, app_config: AppConfig | None = None, **kwargs: Any
) -> None:
    """post_migrate receiver: run once, after the last app (core is first in INSTALLED_APPS)."""
    from django.apps import apps

    # post_migrate is sent once per app that has models; act on the last one.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is not None and app_config.label != last_app.label:
        return
    using = kwargs.get("using", "default")
    if using != "default":
        return
    # This receiver was connected before django.contrib.auth's (core comes first in
    # INSTALLED_APPS), so for the last app it runs before that app's permissions exist.
    # Create them now (idempotent), or Administration would miss them until the next migrate.
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    roles_sync()


ROLES_CACHE_ATTRIBUTE = "_lotse_roles_cache"


def user_roles(user: AnyUser) -> set[str]:
    """Names of the roles a user holds (superusers hold Administration).

    Cached on the user object, like Django's permission cache, however many menu items,
    policies and views ask (a back-office page asked about 19 times); the group names are kept
    in each process's memory under the user's id and the `auth` version (moved by every write
    to users, groups and memberships: lotse.core.auth), so a request reads no group."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, ROLES_CACHE_ATTRIBUTE, None)
    if cached is None:
        from .versioning import AUTH_SCOPE, versioned

        groups = versioned(
            f"auth.groups:{user.pk}",
            lambda: frozenset(group.name for group in user.groups.all()),
            scopes=(AUTH_SCOPE,),
        )
        names = set(groups)
        if user.is_superuser:
            names.add(ADMINISTRATION)
        cached = frozenset(names & set(ROLE_NAMES))
        setattr(user, ROLES_CACHE_ATTRIBUTE, cached)
    return set(cached)


def user_has_role(user: AnyUser, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles)) or (user.is_authenticated and user.is_superuser)
