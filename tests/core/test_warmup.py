"""The start-up warm-up of app-server processes (lotse/core/warmup.py, called by lotse/wsgi.py)."""

from django.urls import reverse
from django.utils import translation

from lotse.core.warmup import project_templates, warm_up
from tests.core.test_security import production_env
from tests.processes import python

# Packages of rare paths, imported where they are used: each would otherwise be loaded into
# every app-server process. Files, PDFs, QR codes, RDF (decision 0022); spreadsheet downloads
# (tablib), the desk's holiday calendars (holidays, with python-dateutil), the open-data
# catalogue's metadata file (tomllib), snowballstemmer (replaced by PyStemmer; it must not come
# back with its 30 languages), and the fuzzy matching of the Tarif register's text search
# (rapidfuzz; decision 0028).
RARE = (
    "icalendar",
    "segno",
    "weasyprint",
    "rdflib",
    "pyshacl",
    "openpyxl",
    "tablib",
    "holidays",
    "dateutil",
    "tomllib",
    "snowballstemmer",
    "rapidfuzz",
)
PROBE = f"""
import sys
RARE = {RARE!r}
import lotse.wsgi
from django.utils import translation
from django.utils.translation import trans_real
print("views" if "lotse.events.views" in sys.modules and "lotse.api.api" in sys.modules else "-")
print(",".join(sorted(trans_real._translations)))
print(",".join(name for name in RARE if name in sys.modules) or "-")
"""


def test_warm_up_needs_no_database():
    """Runs without the `db` fixture: any query would fail this test (pytest-django blocks it)."""
    warm_up()
    with translation.override("en"):
        assert reverse("events:list") == "/en/veranstaltungen/"


def test_every_project_template_is_compiled_at_start():
    names = project_templates()
    assert "base.html" in names and "events/register.html" in names
    assert all(name.endswith(".html") and not name.startswith("/") for name in names)


def test_wsgi_import_warms_up_without_a_database_connection():
    """lotse.wsgi imports every URL module and both catalogues, with an unreachable database."""
    env = production_env(DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing")
    result = python("-c", PROBE, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "views"
    assert {"de", "en"} <= set(lines[1].split(","))
    assert lines[2] == "-", f"imported at start: {lines[2]}"


# After the start-up, the oldest generation is collected on Python's schedule (every tenth
# collection of the middle one) as soon as anything reached it, not only once 70,000 objects
# had: without the collection after `gc.freeze()` the warm-up's survivors counted as
# long-lived, and 150,000 allocations that left little behind brought no full collection
# (decision 0031).
FULL_COLLECTION_PROBE = """
import gc
import lotse.wsgi
before = gc.get_stats()[2]["collections"]
kept = [{"n": n} for n in range(150_000)]
print(gc.get_stats()[2]["collections"] - before)
"""


def test_a_worker_collects_its_oldest_generation_after_the_start_up():
    env = production_env(DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing")
    result = python("-c", FULL_COLLECTION_PROBE, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) >= 1
