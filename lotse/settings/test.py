"""Settings for the test suite (SQLite by default, PostgreSQL when DATABASE_URL says so)."""

from bench.generators import BENCH_GENERATORS

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnop"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo package (tests/core/test_load_demo.py, tests/*/test_demo.py) and the benchmark
# generators (bench/tests).
INSTALLED_APPS = [*INSTALLED_APPS, "lotse.demo", "bench"]  # noqa: F405
LOTSE_BENCH_GENERATORS = BENCH_GENERATORS
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
ALLOWED_HOSTS = ["*"]
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003", "django_ratelimit.W001"]  # noqa: F405
LOTSE_LOGIN_RATE = "5/m"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Serve static files from the finders (no collectstatic before the tests; no warning about a
# missing STATIC_ROOT).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Query-count and freshness tests measure the search itself; the cache's own tests switch it on.
LOTSE_CATALOGUE_CACHE_SECONDS = 0
# The page cache's own tests (tests/core/test_page_cache*.py) switch it on.
LOTSE_PAGE_CACHE_SECONDS = 0
# The concurrency tests of the events app start a real server process against the test
# database, so on SQLite the test database is a file (not ":memory:").
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 - a fresh clone has no var/ yet
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-lotse.sqlite3")}  # noqa: F405
