"""Entry points of the imports app: which kinds of data can be imported, by whom, and running one.

The kinds are registered by the apps (`lotse.imports.kinds`); each role sees only its kinds: the
Redaktion imports actors and offers, the Tarifregister imports register entries (agreements),
Administration everything.
"""

from __future__ import annotations

from lotse.core.roles import user_roles
from lotse.core.types import AnyUser

from .importing import ImportResult, import_run
from .kinds import ImportKind, import_kinds


def import_kinds_for(*, user: AnyUser) -> list[ImportKind]:
    """The kinds `user` may import, in the order of registration (none for anonymous users)."""
    held = user_roles(user)  # one query for all kinds (superusers hold Administration)
    return [kind for kind in import_kinds().values() if held & set(kind.roles)]


def user_may_import(user: AnyUser, kind: str | None = None) -> bool:
    """Whether `user` may import `kind` (or, without `kind`, anything at all)."""
    allowed = {item.key for item in import_kinds_for(user=user)}
    return kind in allowed if kind is not None else bool(allowed)


__all__ = [
    "ImportKind",
    "ImportResult",
    "import_kinds",
    "import_kinds_for",
    "import_run",
    "user_may_import",
]
