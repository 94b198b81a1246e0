"""The base of every Lotse app's AppConfig: what an app hands to the shared machinery, declared.

An app names its cached pages, its daily tasks and its import kinds as class attributes instead of
registering each in its own `ready()`; `ready()` here registers them. An app that wires more
(signals, version scopes) overrides `ready()` and calls `super().ready()` first.

Import this module, not the class (`from lotse.core import app_config`): Django picks an app's
config as the one AppConfig subclass in its `apps.py`, and an imported base would be a second.
"""

from collections.abc import Mapping

from django.apps import AppConfig


class LotseAppConfig(AppConfig):
    # Routes (`namespace:name`) whose anonymous GETs the page cache keeps (core.page_cache).
    cached_pages: tuple[str, ...] = ()
    # Routes whose pages also read the data of a version scope: scope → routes.
    cached_pages_by_scope: Mapping[str, tuple[str, ...]] = {}
    # Dotted paths of the app's daily tasks (core.periodic).
    periodic_tasks: tuple[str, ...] = ()
    # Dotted paths of the app's ImportKinds; the import framework (lotse.imports) registers them.
    import_kinds: tuple[str, ...] = ()

    def ready(self) -> None:
        from .page_cache import page_cache_register
        from .periodic import periodic_task_register

        page_cache_register(*self.cached_pages)
        for scope, routes in self.cached_pages_by_scope.items():
            page_cache_register(*routes, scopes=(scope,))
        for path in self.periodic_tasks:
            periodic_task_register(path)
