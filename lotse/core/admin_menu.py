"""Back-office menu items that only some users see: the test is a function of the user."""

from collections.abc import Callable
from typing import Any

from django.urls import reverse
from wagtail.admin.menu import MenuItem, SubmenuMenuItem


class _ShownTo:
    def __init__(self, *args: Any, shown_to: Callable[[Any], bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)


class UserMenuItem(_ShownTo, MenuItem):
    """A menu item shown to the users for whom `shown_to(user)` is true."""


class UserSubmenuMenuItem(_ShownTo, SubmenuMenuItem):
    """A submenu shown to the users for whom `shown_to(user)` is true."""


def user_menu_item(
    label, url_name: str, icon_name: str, order: int, shown_to: Callable[[Any], bool]
) -> UserMenuItem:
    """A `UserMenuItem` opening the route `url_name` (for hooks that build a menu's items)."""
    return UserMenuItem(
        label, reverse(url_name), icon_name=icon_name, order=order, shown_to=shown_to
    )
