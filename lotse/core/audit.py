"""The audit trail: who changed what, when.

Lotse writes its audit entries into Wagtail's log (ModelLogEntry / PageLogEntry), so page edits,
workflow steps and Lotse's own staff writes appear in one history, browsable in the back office
under "Berichte → Verlauf" (Reports → Site history) and filterable by user, action and date.
Every service that performs a staff write calls `audit_log`.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry, log
from wagtail.log_actions import registry as log_action_registry

from .types import AnyUser

ACTIONS: dict[str, tuple[str | Promise, str | Promise]] = {
    "lotse.create": (_("Angelegt"), _("Angelegt")),
    "lotse.update": (_("Geändert"), _("Geändert")),
    "lotse.status": (_("Status geändert"), _("Status geändert")),
    "lotse.end": (_("Beendet"), _("Beendet")),
    "lotse.delete": (_("Gelöscht"), _("Gelöscht")),
    "lotse.import": (_("Importiert"), _("Importiert")),
    "lotse.export": (_("Exportiert"), _("Exportiert")),
    "lotse.anonymise": (_("Anonymisiert"), _("Personenbezogene Daten gelöscht")),
    "lotse.mail": (_("E-Mail versandt"), _("E-Mail versandt")),
}


def register_actions(registry: LogActionRegistry) -> None:
    """Hook for Wagtail's `register_log_actions`."""
    for action, (label, message) in ACTIONS.items():
        registry.register_action(action, label, message)


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)}
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def model_snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of the given fields, in a form the audit log can store."""
    return {name: _jsonable(getattr(instance, name)) for name in fields}


def audit_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value differs, as {field: [old, new]}."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def audit_log(
    *,
    user: AnyUser | None,
    action: str,
    instance: models.Model,
    changes: Mapping[str, Any] | None = None,
    note: str = "",
) -> models.Model | None:
    """Record one staff write. `action` is one of ACTIONS or a registered Wagtail action.

    An unknown action is a programming error: the entry could not be labelled in the history
    and would be lost to the filters there, so it is refused instead of written.
    """
    if not log_action_registry.action_exists(action):
        raise ValueError(f"Unknown audit action {action!r}; register it in lotse.core.audit.")
    data: dict[str, Any] = {}
    if changes:
        data["changes"] = {key: _jsonable(value) for key, value in changes.items()}
    if note:
        data["note"] = note
    return log(
        instance,
        action,
        user=user if user is not None and user.is_authenticated else None,
        data=data,
        content_changed=action != "lotse.export",
    )


def audit_log_since(
    *,
    user: AnyUser | None,
    action: str,
    instance: models.Model,
    before: Mapping[str, Any],
    fields: Iterable[str],
    note: str = "",
) -> models.Model | None:
    """`audit_log` of what changed in `fields` since the snapshot `before` (model_snapshot)."""
    return audit_log(
        user=user,
        action=action,
        instance=instance,
        changes=audit_changes(before, model_snapshot(instance, fields)),
        note=note,
    )


def audit_log_model(
    *,
    user: AnyUser | None,
    action: str,
    model: type[models.Model],
    changes: Mapping[str, Any] | None = None,
    note: str = "",
) -> models.Model | None:
    """Record an action on a model as a whole, not on one row (e.g. a download of a register).

    Wagtail's log needs an object; the object here is the model's `ContentType` row, so the
    entry is listed in the site history under the model's name ("Tarifregister | Tarifvertrag").
    """
    return audit_log(
        user=user,
        action=action,
        instance=ContentType.objects.get_for_model(model),
        changes=changes,
        note=note,
    )
