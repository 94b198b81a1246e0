"""The start-up warm-up of app-server processes (lotse/core/warmup.py, called by lotse/wsgi.py)."""

import uuid

from django.conf import settings
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


# The per-process cache of version-keyed answers (CACHES["local"]) counts against the workers'
# memory goal: answers to one-off Tarif questions filled its former 16 MB (10 MB per worker
# after 8 s of the uncached Tarif targets, decision 0035). 6 MB by default; the register of a
# sector (about 320 KB in the benchmark) stays within the quarter of the budget a value may take.
def test_the_answers_a_worker_keeps_stay_within_6_mb():
    from lotse.core.local_cache import BoundedLocMemCache

    options = settings.CACHES["local"]["OPTIONS"]
    assert options["MAX_BYTES"] == 6 * 1024 * 1024
    cache = BoundedLocMemCache(f"test-{uuid.uuid4()}", {"OPTIONS": options})
    for n in range(5000):  # 20 MB of answers of about 4 KB, each asked once
        cache.set(f"tariffs:lookup:{n}", "a" * 4000)
    cache.set("tariffs:sector-register:43.21.0", b"r" * 320_000)
    assert cache.size_bytes <= 6 * 1024 * 1024
    assert cache.get("tariffs:sector-register:43.21.0") is not None
