"""Every admin page keeps Wagtail's sidebar per user and rights (decision 0013,
lotse.core.admin_sidebar, the `wagtailadmin_tags` library of the settings): the same menu as
Wagtail's own, another one as soon as the user's rights or the content change, and nobody
else's. The desk's pages, the heaviest users, are the main case."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags

from lotse.core import roles
from lotse.core.admin_sidebar import CACHE_PREFIX, MAIN_MENU
from lotse.network.models import Membership
from tests.network.factories import ActorFactory

from .conftest import make_user

pytestmark = pytest.mark.django_db

URL = "/admin/anfragen/"
DASHBOARD = "/admin/"


def sidebar(html: str) -> dict:
    found = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html
    )
    assert found, "no sidebar props"
    return json.loads(found[1])


def menu_names(props: dict) -> set[str]:
    """Every menu item's name in the packed sidebar (submenus included)."""
    names: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("name"), str) and "label" in value:
                names.add(value["name"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return names


def wagtails_sidebar(response) -> dict:
    """What Wagtail's own, uncached `{% sidebar_props %}` renders for the same request."""
    return sidebar(wagtailadmin_tags.sidebar_props({"request": response.wsgi_request}))


@pytest.mark.parametrize("url", [URL, DASHBOARD])
@pytest.mark.parametrize(
    "role", [roles.DESK, roles.TARIFF_REGISTER, roles.ADMINISTRATION, "superuser"]
)
def test_sidebar_is_wagtails_for_every_role(client_for, role, url):
    if role == "superuser":
        user = make_user(None, "sam", is_superuser=True)
    else:
        user = make_user(role, "lena")
    client = client_for(user)
    local = caches["local"]
    local.clear()
    client.get(url)  # the first request fills the cache, the second reads it
    assert any(CACHE_PREFIX in key for key in local._cache)
    response = client.get(url)
    assert response.status_code == 200
    assert sidebar(response.content.decode()) == wagtails_sidebar(response)


def test_a_page_of_wagtails_own_keeps_the_menu(client_for):
    """Not only the desk's pages: Wagtail's dashboard asks the menu items once per user too."""
    client = client_for(make_user(roles.ADMINISTRATION, "anna"))
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as second:
        client.get(URL)
    assert not any("wagtailcore_grouppagepermission" in q["sql"] for q in second.captured_queries)


def test_second_request_skips_the_menu_checks(client_for):
    client = client_for(make_user(roles.ADMINISTRATION, "anna"))
    with CaptureQueriesContext(connection) as first:
        client.get(URL)
    assert any("wagtailcore_grouppagepermission" in q["sql"] for q in first.captured_queries)
    with CaptureQueriesContext(connection) as second:
        client.get(URL)
    assert not any("wagtailcore_grouppagepermission" in q["sql"] for q in second.captured_queries)


def test_sidebar_follows_a_new_role_at_once(client_for):
    user = make_user(roles.DESK, "lena")
    client = client_for(user)
    before = menu_names(sidebar(client.get(URL).content.decode()))
    assert "users" not in before
    # Group memberships are not content (no version moves): the rights digest is in the key.
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATION))
    after = menu_names(sidebar(client.get(URL).content.decode()))
    assert "users" in after


def test_sidebar_follows_a_new_membership_at_once(client_for):
    user = make_user(roles.DESK, "lena")
    client = client_for(user)
    assert "verweisungen" not in menu_names(sidebar(client.get(URL).content.decode()))
    # Memberships are content: the content version moves with the new row.
    Membership.objects.create(user=user, actor=ActorFactory())
    assert "verweisungen" in menu_names(sidebar(client.get(URL).content.decode()))


def test_each_user_gets_their_own_name_and_menu(client_for):
    lena = make_user(roles.DESK, "lena")
    lars = make_user(roles.DESK, "lars")
    tina = make_user(roles.TARIFF_REGISTER, "tina")
    pages = {user.username: client_for(user).get(URL) for user in (lena, lars, tina, lena)}
    people = {name: sidebar(r.content.decode()) for name, r in pages.items()}
    for name, props in people.items():
        main = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
        assert main["_args"][2]["name"] == name.title()
    assert people["tina"] == wagtails_sidebar(pages["tina"])
    assert people["lars"] == wagtails_sidebar(pages["lars"])
    lena.first_name = "Helena"
    lena.save()
    props = sidebar(client_for(lena).get(URL).content.decode())
    main = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    assert main["_args"][2]["name"] == "Helena"


def test_the_cache_holds_no_name(client_for):
    """The kept entry has no name or avatar (they are added on every request)."""
    user = make_user(roles.DESK, "zoe", last_name="Zauberhaft")
    local = caches["local"]
    local.clear()
    client_for(user).get(URL)
    keys = [key.split(":", 2)[2] for key in local._cache if CACHE_PREFIX in key]
    assert len(keys) == 1
    assert keys[0].startswith(f"versioned:{CACHE_PREFIX}:{user.pk}:")
    menu = local.get(keys[0])
    main = next(m for m in menu if m["_type"] == MAIN_MENU)
    assert main["_args"][2] is None
    assert "Zoe" not in json.dumps(menu) and "zoe" not in json.dumps(menu)


def wagtail_config(html: str) -> dict:
    found = re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', html)
    assert found, "no wagtail config"
    return json.loads(found[1])


@pytest.mark.parametrize("url", [URL, DASHBOARD])
@pytest.mark.parametrize("language", ["de", "en"])
def test_wagtail_config_is_wagtails_with_the_requests_token(client_for, url, language):
    """`{% wagtail_config %}` keeps what depends on the language and content only; the CSRF
    token and the user's keyboard shortcut setting are the request's own."""
    from wagtail.users.models import UserProfile

    user = make_user(roles.DESK, "lena")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.keyboard_shortcuts = False
    profile.save()
    client = client_for(user)
    caches["local"].clear()
    client.get(url)
    response = client.get(url)
    config = wagtail_config(response.content.decode())
    request = response.wsgi_request
    with translation.override(language):
        own = wagtailadmin_tags.wagtail_config({"request": request})
    assert {k: v for k, v in config.items() if k != "CSRF_TOKEN"} == {
        k: v for k, v in json.loads(json.dumps(own)).items() if k != "CSRF_TOKEN"
    }
    assert config["KEYBOARD_SHORTCUTS_ENABLED"] is False
    # Another user's request gets another token, never a kept one.
    other = client_for(make_user(roles.DESK, "mara")).get(url)
    assert wagtail_config(other.content.decode())["CSRF_TOKEN"] != config["CSRF_TOKEN"]


def test_wagtail_config_follows_a_new_locale_at_once(client_for):
    from wagtail.models import Locale

    client = client_for(make_user(roles.DESK, "lena"))
    before = {item["code"] for item in wagtail_config(client.get(URL).content.decode())["LOCALES"]}
    Locale.objects.create(language_code="fr" if "fr" not in before else "pl")
    after = {item["code"] for item in wagtail_config(client.get(URL).content.decode())["LOCALES"]}
    assert len(after) == len(before) + 1
