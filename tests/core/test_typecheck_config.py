"""The mypy configuration (`make typecheck`) covers every services and selectors module."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _layer_modules() -> set[str]:
    """Every services/selectors module of the project: files and modules inside packages."""
    found: set[str] = set()
    for name in ("services", "selectors"):
        found.update(str(path.relative_to(ROOT)) for path in ROOT.glob(f"lotse/**/{name}.py"))
        found.update(str(path.relative_to(ROOT)) for path in ROOT.glob(f"lotse/**/{name}/**/*.py"))
    return found


def _mypy_files() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["mypy"]["files"])


def test_every_services_and_selectors_module_is_type_checked():
    missing = _layer_modules() - _mypy_files()
    assert not missing, f"add to [tool.mypy] files in pyproject.toml: {sorted(missing)}"


def test_every_listed_file_exists():
    absent = sorted(path for path in _mypy_files() if not (ROOT / path).is_file())
    assert not absent, f"[tool.mypy] files lists missing files: {absent}"
