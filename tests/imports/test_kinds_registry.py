"""The import framework knows no concrete app: each app registers its import kinds (and the menu
item of a kind that lives in the app's own menu group) with `lotse.imports.kinds`."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from wagtail import hooks

from lotse.core import roles
from lotse.imports.importing import Importer
from lotse.imports.kinds import ImportKind, import_kind_register, import_kinds

TARIFF_REGISTER_SUBMENU_HOOK = "register_tariff_register_menu_item"


def test_every_app_registers_its_kinds_in_the_order_of_the_apps():
    kinds = import_kinds()
    assert list(kinds) == ["akteure", "angebote", "tarifvertraege", "arbeitsmarktzahlen"]
    modules = {key: kind.importer.__module__ for key, kind in kinds.items()}
    assert modules == {
        "akteure": "lotse.network.imports",
        "angebote": "lotse.offers.imports",
        "tarifvertraege": "lotse.tariffs.imports",
        "arbeitsmarktzahlen": "lotse.figures.imports",
    }


def test_the_tariff_kind_names_the_hook_of_the_tarifregister_menu_group():
    from lotse.tariffs.wagtail_hooks import SUBMENU_HOOK

    assert import_kinds()["tarifvertraege"].menu_hook == SUBMENU_HOOK


def test_registering_a_kind_again_is_harmless_and_a_second_kind_with_its_key_is_refused():
    kind = import_kinds()["akteure"]
    import_kind_register(kind)
    assert list(import_kinds()) == ["akteure", "angebote", "tarifvertraege", "arbeitsmarktzahlen"]
    other = ImportKind(
        key="akteure", label="x", importer=Importer, roles=(), key_column="id", example=""
    )
    with pytest.raises(ImproperlyConfigured):
        import_kind_register(other)
    assert import_kinds()["akteure"] is kind


def menu_items(hook_name: str) -> list:
    return [register() for register in hooks.get_hooks(hook_name)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "in_main_menu", "in_register_menu"),
    [
        (roles.EDITORS, True, False),
        (roles.TARIFF_REGISTER, False, True),
        (roles.ADMINISTRATION, True, True),
        (roles.DESK, False, False),
    ],
)
def test_the_import_menu_items_are_shown_to_the_roles_of_their_kinds(
    role, in_main_menu, in_register_menu
):
    user = get_user_model().objects.create_user(f"user-{role.lower()}", password="x")
    user.groups.add(Group.objects.get(name=role))
    request = RequestFactory().get("/admin/")
    request.user = user

    main = [item for item in menu_items("register_admin_menu_item") if item.name == "datenimport"]
    assert len(main) == 1
    assert main[0].is_shown(request) is in_main_menu

    register = [
        item for item in menu_items(TARIFF_REGISTER_SUBMENU_HOOK) if item.name == "tariffs-import"
    ]
    assert len(register) == 1
    assert register[0].url == "/admin/datenimport/?art=tarifvertraege"
    assert register[0].is_shown(request) is in_register_menu
