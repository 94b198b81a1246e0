"""Initial content of the Wegweiser: the published check versions from `data/check_v*.yaml`.

Signature of the `load_initial_content` hooks (`load(*, state, report)`): register
`"lotse.guidance.initial.load"` in `LOTSE_INITIAL_CONTENT_LOADERS`. The check is the same for
every state (its legal duties are federal law), so `state` does not select files. A published
version is never changed; a new version comes as a new file with a new number.
"""

from __future__ import annotations

from typing import Any

from .loader import DATA_DIR, load_check_version
from .models import CheckVersion


def load(*, state: str = "sn", report: Any = None) -> list[str]:
    """Load every version file, oldest first; record each as created or unchanged."""
    loaded = []
    for path in sorted(DATA_DIR.glob("check_v*.yaml")):
        known = set(CheckVersion.objects.published().values_list("pk", flat=True))
        version = load_check_version(path=path)
        key = f"guidance.CheckVersion:{version.number}"
        if report is not None:
            (report.unchanged if version.pk in known else report.created).append(key)
        loaded.append(str(version))
    return loaded
