"""Every text of the public check has a translation in each of the six catalogues."""

import ast
import pathlib
import re

import pytest
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

APP = pathlib.Path(__file__).resolve().parents[2] / "lotse" / "migration"
SHARED_FORM_TEMPLATES = ("_error_summary.html", "_required.html", "_optional.html")
# Back-office words (models, parameter units, route labels of the admin) are German and English.
BACK_OFFICE_MODULES = ("models.py", "keys.py", "wagtail_hooks.py", "permissions.py")
LANGUAGES = ("en", "uk", "ar", "ru", "vi", "es")
# Names that are the same in a language (proper names, codes).
SAME = {"Kosovo", "Montenegro", "Welcome Center", "Albania", "Serbia", "Bosnia and Herzegovina"}


def _python_ids(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "gettext", "gettext_lazy")
            and isinstance(node.args[0], ast.Constant)
        ):
            yield node.args[0].value


def _template_ids(path):
    code = templatize(path.read_text(), origin=str(path))
    for match in re.finditer(r"(?<![pn])gettext\((u?'(?:[^'\\]|\\.)*')\)", code):
        yield ast.literal_eval(match.group(1))


def public_msgids(*, back_office=False):
    ids = set()
    for path in APP.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        if back_office or path.name not in BACK_OFFICE_MODULES:
            ids.update(_python_ids(path))
    for path in (APP / "templates").rglob("*.html"):
        ids.update(_template_ids(path))
    shared = APP.parents[0] / "templates" / "forms"
    for name in SHARED_FORM_TEMPLATES:
        ids.update(_template_ids(shared / name))
    ids.discard("Person %(number)s")  # formsets only; the check has none
    return sorted(ids)


MSGIDS = public_msgids()
ALL_MSGIDS = public_msgids(back_office=True)


def test_the_extraction_finds_the_texts():
    assert len(MSGIDS) > 200
    assert "Information, keine Rechtsberatung." in MSGIDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_text_is_translated(language):
    catalog = trans_real.translation(language)._catalog
    missing = [msgid for msgid in MSGIDS if msgid not in catalog]
    assert missing == []
    untranslated = [m for m in MSGIDS if catalog[m] == m and m not in SAME and language != "de"]
    assert [m for m in untranslated if not re.fullmatch(r"[A-Z][0-9]|Euro", m)] == []


def test_the_back_office_is_german_and_english():
    catalog = trans_real.translation("en")._catalog
    assert [msgid for msgid in ALL_MSGIDS if msgid not in catalog] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    catalog = trans_real.translation(language)._catalog
    for msgid in MSGIDS:
        assert sorted(re.findall(r"%\(\w+\)s", catalog[msgid])) == sorted(
            re.findall(r"%\(\w+\)s", msgid)
        ), msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_field_markers_are_translated(language):
    catalog = trans_real.translation(language)._catalog
    assert "form field marker\x04Pflichtfeld" in catalog
