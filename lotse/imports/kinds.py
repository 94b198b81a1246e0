"""The import kinds: what can be imported, by whom, and where it is reached in the back office.

The import framework knows no concrete app. Each app that offers an import defines its
`ImportKind` next to its importer (`lotse/<app>/imports.py`) and names it in its AppConfig
(`lotse.core.app_config.LotseAppConfig`):

    import_kinds = ("lotse.<app>.imports.<KIND>",)

The import framework's own `ready()` registers the kinds every app names
(`import_kinds_discover`). Kinds are listed in the order they were registered, that is the order
of INSTALLED_APPS.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from .importing import Importer


@dataclass(frozen=True)
class ImportKind:
    key: str  # the value of the form field and of `?art=` (German, it is in the URL)
    label: str | Promise
    importer: type[Importer]
    roles: tuple[str, ...]  # who may import this kind
    key_column: str  # the column an existing record is recognised by (upsert)
    example: str  # the example file under docs/import/
    # Empty: in the main menu's "Datenimport". Otherwise the Wagtail hook of the app's own menu
    # group (a `submenu_hook`), where the framework adds an item "Import (CSV/XLSX)" named
    # `menu_name` that opens the import screen with this kind.
    menu_hook: str = ""
    menu_name: str = ""

    @property
    def in_main_menu(self) -> bool:
        return not self.menu_hook


_KINDS: dict[str, ImportKind] = {}


def import_kind_register(kind: ImportKind) -> ImportKind:
    """Offer `kind` on the import screen. Registering the same kind again changes nothing."""
    registered = _KINDS.get(kind.key)
    if registered is not None and registered != kind:
        raise ImproperlyConfigured(f"The import kind {kind.key!r} is registered twice")
    _KINDS[kind.key] = kind
    return kind


def import_kinds_discover() -> None:
    """Register the kinds every installed app names in its AppConfig's `import_kinds`."""
    from django.apps import apps
    from django.utils.module_loading import import_string

    for app_config in apps.get_app_configs():
        for path in getattr(app_config, "import_kinds", ()):
            import_kind_register(import_string(path))


def import_kinds() -> dict[str, ImportKind]:
    """Every registered kind by key, in the order of registration."""
    return dict(_KINDS)
