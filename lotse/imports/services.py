"""Entry points of the imports app: which kinds of data can be imported, by whom, and running one.

Each role sees only its kinds: the Redaktion imports actors and offers, the Tarifregister
imports register entries (agreements), Administration everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lotse.core.roles import ADMINISTRATION, EDITORS, TARIFF_REGISTER, user_roles
from lotse.core.types import AnyUser
from lotse.tariffs.imports import AgreementImporter

from .actors import ActorImporter
from .importing import Importer, ImportResult, import_run
from .offers import OfferImporter


@dataclass(frozen=True)
class ImportKind:
    key: str  # the value of the form field and of `?art=` (German, it is in the URL)
    label: str | Promise
    importer: type[Importer]
    roles: tuple[str, ...]  # who may import this kind
    key_column: str  # the column an existing record is recognised by (upsert)
    example: str  # the example file under docs/import/
    # In the main menu's "Datenimport"; register entries are reached from the Tarifregister group.
    in_main_menu: bool = True


IMPORT_KINDS: dict[str, ImportKind] = {
    kind.key: kind
    for kind in (
        ImportKind(
            key="akteure",
            label=_("Akteure"),
            importer=ActorImporter,
            roles=(EDITORS, ADMINISTRATION),
            key_column="external_id",
            example="actors-example.csv",
        ),
        ImportKind(
            key="angebote",
            label=_("Angebote"),
            importer=OfferImporter,
            roles=(EDITORS, ADMINISTRATION),
            key_column="external_id",
            example="offers-example.csv",
        ),
        ImportKind(
            key="tarifvertraege",
            label=_("Tarifverträge"),
            importer=AgreementImporter,
            roles=(TARIFF_REGISTER, ADMINISTRATION),
            key_column="register_number",
            example="agreements-example.csv",
            in_main_menu=False,
        ),
    )
}
IMPORTERS = {key: kind.importer for key, kind in IMPORT_KINDS.items()}


def import_kinds_for(*, user: AnyUser) -> list[ImportKind]:
    """The kinds `user` may import, in the order of IMPORT_KINDS (none for anonymous users)."""
    held = user_roles(user)  # one query for all kinds (superusers hold Administration)
    return [kind for kind in IMPORT_KINDS.values() if held & set(kind.roles)]


def user_may_import(user: AnyUser, kind: str | None = None) -> bool:
    """Whether `user` may import `kind` (or, without `kind`, anything at all)."""
    allowed = {item.key for item in import_kinds_for(user=user)}
    return kind in allowed if kind is not None else bool(allowed)


__all__ = [
    "IMPORTERS",
    "IMPORT_KINDS",
    "ImportKind",
    "ImportResult",
    "import_kinds_for",
    "import_run",
    "user_may_import",
]
