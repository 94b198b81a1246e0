"""Initial content: the real data every installation needs, kept as data files per state.

Each app that contributes initial content has `data/<state>/` files (CSV/JSON, each citing its
sources) and an `initial.py` with `load(*, state, report)`; `manage.py load_initial_content`
calls the loaders listed in `settings.LOTSE_INITIAL_CONTENT_LOADERS` (core/registry.py), so no
lower app imports a higher one.

Loading is idempotent and never overwrites what editors changed: for every object the loader
records (core.LoadedContent) a hash of the data entry it loaded and a hash of the object as it was
saved then. On the next run an object whose current hash differs from the recorded one was
changed by an editor: it is skipped and reported. An object that exists without a record (made
by hand, or by the demo) is skipped as well. Nothing here creates users.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured

from .models import LoadedContent

DEFAULT_STATE = "sn"

T = TypeVar("T")


class UnknownStateError(ImproperlyConfigured):
    """No data files for the requested state."""


def content_hash(value: Any) -> str:
    """A stable hash of JSON-like data (dict keys sorted, dates and decimals as text)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def data_dir(app_dir: Path | str, state: str) -> Path:
    """`<app>/data/<state>/`; UnknownStateError if the state has no data files."""
    path = Path(app_dir) / "data" / state
    if not path.is_dir():
        raise UnknownStateError(f"no initial content for state {state!r} in {path}")
    return path


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a data file; lines starting with '#' hold the source note."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            yield {key: (value or "").strip() for key, value in row.items()}


def split(value: str) -> list[str]:
    """A list in one CSV cell, separated by '|'."""
    return [item.strip() for item in value.split("|") if item.strip()]


@dataclass
class LoadReport:
    """What one run did, per object key."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        ]
        lines += [f"skipped {key}: {reason}" for key, reason in self.skipped]
        return lines


SKIP_EDITED = "changed since it was loaded; kept as it is"
SKIP_FOREIGN = "exists but was not loaded as initial content; kept as it is"


def load_entry(
    *,
    report: LoadReport,
    key: str,
    data: Any,
    existing: T | None,
    snapshot: Callable[[T], Any],
    write: Callable[[T | None], T],
) -> T | None:
    """Create, update or skip one object; returns the object, or None when it was skipped.

    `data` is the data file's entry, `existing` the object found by its stable key (or None),
    `snapshot(obj)` the object's current state as JSON-like data, `write(obj_or_None)` creates or
    updates the object from `data` and returns it.
    """
    data_hash = content_hash(data)
    record = LoadedContent.objects.filter(key=key).first()
    if existing is None:
        obj = write(None)
        _record(key, data_hash, content_hash(snapshot(obj)))
        report.created.append(key)
        return obj
    if record is None:
        report.skipped.append((key, SKIP_FOREIGN))
        return None
    if content_hash(snapshot(existing)) != record.object_hash:
        report.skipped.append((key, SKIP_EDITED))
        return None
    if record.data_hash == data_hash:
        report.unchanged.append(key)
        return existing
    obj = write(existing)
    _record(key, data_hash, content_hash(snapshot(obj)))
    report.updated.append(key)
    return obj


def record_refresh(*, key: str, obj: T, snapshot: Callable[[T], Any]) -> None:
    """After a second pass changed a loaded object (e.g. links to other objects), record it."""
    LoadedContent.objects.filter(key=key).update(object_hash=content_hash(snapshot(obj)))


def _record(key: str, data_hash: str, object_hash: str) -> None:
    LoadedContent.objects.update_or_create(
        key=key, defaults={"data_hash": data_hash, "object_hash": object_hash}
    )
