"""The house: the import contracts of pyproject.toml (`[tool.importlinter]`) are kept.

`make lint` runs `lint-imports` too; this test keeps `pytest` alone a guard as well. It reads the
project's own configuration, so a contract added there is checked here without a change.
"""

import re
from pathlib import Path

from importlinter.api import read_configuration
from importlinter.application.use_cases import lint_imports

ROOT = Path(__file__).resolve().parent.parent
CONFIG = str(ROOT / "pyproject.toml")


def test_the_house_contracts_are_declared():
    contracts = {item["id"]: item for item in read_configuration(CONFIG)["contracts_options"]}
    assert {"apps", "tariffs-alone", "no-demo", "tasks-over-services", "acyclic"} <= set(contracts)
    layers = contracts["apps"]["layers"]
    assert layers[0] == "demo" and layers[-1] == "core"
    assert layers.index("imports") == len(layers) - 2  # the framework sits right over core


def test_every_import_contract_is_kept():
    # Prints lint-imports' report (shown by pytest when the test fails).
    assert lint_imports(config_filename=CONFIG, cache_dir=None, no_logo=True) is True


# Dotted paths hide from the import graph; the lowest layers must not name higher apps in them.
HIGHER_APPS = r"lotse\.(network|offers|events|desk|tariffs|content|api|demo|guidance|migration)\b"


def test_core_and_the_import_framework_name_no_higher_app_in_dotted_paths():
    offenders = []
    for package in ("core", "imports"):
        for path in sorted((ROOT / "lotse" / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if re.search(HIGHER_APPS, line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_mail_tasks_queued_before_the_outbox_still_resolve():
    """Task rows queued before the outbox name these paths; the worker resolves them by import
    and they hand the mail to the outbox."""
    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    for path in (
        "lotse.events.tasks.registration_mail_send",
        "lotse.desk.tasks.inquiry_confirmation_send",
    ):
        assert isinstance(import_string(path), Task), path
