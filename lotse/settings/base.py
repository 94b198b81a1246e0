"""Settings shared by every environment. Deployment specifics come from LOTSE_* variables."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("LOTSE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("LOTSE_SECRET_KEY", "insecure-development-key-do-not-use-in-production")
DEBUG = env_bool("LOTSE_DEBUG", False)
ALLOWED_HOSTS = env_list("LOTSE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("LOTSE_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Lotse
    "lotse.core",
    "lotse.content",
    "lotse.network",
    "lotse.offers",
    "lotse.events",
    "lotse.desk",
    "lotse.tariffs",
    "lotse.guidance",
    "lotse.search",
    "lotse.migration",
    "lotse.figures",
    "lotse.imports",
    "lotse.api",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Serves the API documentation's Swagger UI from our own static files (no CDN, see api.py).
    "ninja",
    # Django
    "django.contrib.admin",
    "django.forms",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous GETs of the public pages from the version-keyed page cache before the
    # rest of the chain runs (it stores the headers that chain set); PageCaptureMiddleware, the
    # last one, prepares the copies it keeps.
    "lotse.core.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside CSPMiddleware: it must choose the admin policy before CSPMiddleware writes the header.
    "lotse.core.middleware.SecurityHeadersMiddleware",
    # Back-office GETs read the versions once, before the session's user is checked.
    "lotse.core.middleware.StaffVersionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Development only (DEBUG): links in mails use the host the request came to.
    "lotse.core.links.RequestBaseUrlMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Site and route of a page-tree GET from version-keyed memory (decision 0015).
    "lotse.content.routing.PageRouteMiddleware",
    # Last: sees the route, the user and the CSRF token of a page the cache above may keep.
    "lotse.core.page_cache.PageCaptureMiddleware",
]

ROOT_URLCONF = "lotse.urls"
WSGI_APPLICATION = "lotse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lotse" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lotse.core.context_processors.portal",
            ],
            # Wagtail's admin tags with the sidebar kept per user and rights (decision 0013).
            "libraries": {"wagtailadmin_tags": "lotse.core.admin_sidebar"},
        },
    },
]

# The override above is on purpose; lotse.core.checks warns about any other library name that
# two modules provide (Django's templates.W003 would warn about this one too).
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Every form field renders through lotse/templates/forms/field.html (lotse/core/forms.py).
FORM_RENDERER = "lotse.core.forms.LotseFormRenderer"

# --- Database -------------------------------------------------------------------------------
# SQLite by default (zero set-up); DATABASE_URL selects PostgreSQL in production.
DEFAULT_SQLITE_PATH = VAR_DIR / "lotse.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}"),
        conn_max_age=env_int("LOTSE_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}


def configure_database(db: dict) -> dict:
    """Apply engine-specific options (SQLite: WAL, IMMEDIATE transactions, busy timeout)."""
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["CONN_MAX_AGE"] = 0 if db["NAME"] == ":memory:" else db.get("CONN_MAX_AGE", 0)
        db.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            }
        )
    return db


configure_database(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (Redis when configured; rate limits need a shared cache in production) -----------
REDIS_URL = env_str("LOTSE_REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, with one client per pool (lotse/core/redis_cache.py).
            "BACKEND": "lotse.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lotse",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Memory of each process, only for values cached under a version in their key (an event's
# `updated_at`, say): such an entry is never stale, at worst evicted, and a lookup costs
# microseconds instead of a round trip to Redis. Never for anything that must be invalidated.
# Bounded in entries and in bytes (lotse/core/local_cache.py, decision 0022): an entry whose
# version moved is never read again and leaves when the budget is spent, least recently used
# first; the budgets below are what each app-server worker may hold beyond its code.
# 6 MB: the Tarif registers of the sectors being asked about (about 320 KB each) and the
# recent answers and fragments. Answers to one-off questions fill any budget (10 MB per worker
# after 8 s of the benchmark's uncached Tarif targets), and every megabyte counts against the
# workers' 150 MB (decision 0035).
CACHES["local"] = {
    "BACKEND": "lotse.core.local_cache.BoundedLocMemCache",
    "LOCATION": "lotse-versioned",
    "OPTIONS": {
        "MAX_ENTRIES": 2000,
        "MAX_BYTES": env_int("LOTSE_LOCAL_CACHE_MB", 6) * 1024 * 1024,
    },
}
# Each process's copies of whole public pages (lotse.core.page_cache), in front of "default":
# version-keyed like "local", but separate so that big pages do not evict the small entries
# (40–100 KB a page: 300 pages or 12 MB per worker, whichever is reached first).
CACHES["pages"] = {
    "BACKEND": "lotse.core.local_cache.BoundedLocMemCache",
    "LOCATION": "lotse-pages",
    "OPTIONS": {
        "MAX_ENTRIES": env_int("LOTSE_PAGE_CACHE_LOCAL_ENTRIES", 300),
        "MAX_BYTES": env_int("LOTSE_PAGE_CACHE_LOCAL_MB", 12) * 1024 * 1024,
    },
}

# --- Background tasks (django-tasks, database backend; run `manage.py db_worker`) -----------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Authentication ---------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's ModelBackend with each user's permissions kept under the `auth` version (decision
# 0019). Sessions name their backend: sessions from before this setting end with it (log in
# again once).
AUTHENTICATION_BACKENDS = ["lotse.core.auth.VersionedPermissionBackend"]
LOGIN_URL = "wagtailadmin_login"
SESSION_COOKIE_AGE = env_int("LOTSE_SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "lotse.core.views.csrf_failure"

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "lotse" / "locale"]
FORMAT_MODULE_PATH = ["lotse.core.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LANGUAGE_COOKIE_SECURE = False

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("LOTSE_STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [
    BASE_DIR / "lotse" / "static",
    # Front-end packages installed by npm at set-up (not copied into the repository).
    ("vendor/kern", BASE_DIR / "node_modules" / "@kern-ux" / "native" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("LOTSE_MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("LOTSE_DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "odp", "csv", "txt"]

# --- E-mail (console by default; SMTP via LOTSE_EMAIL_*) ------------------------------------
EMAIL_BACKEND = env_str("LOTSE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("LOTSE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("LOTSE_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("LOTSE_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("LOTSE_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("LOTSE_EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("LOTSE_DEFAULT_FROM_EMAIL", "Lotse <noreply@lotse.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"

# Content Security Policy: no third-party origins at all (fonts and scripts are self-hosted).
# The Wagtail admin needs inline styles and scripts; it gets its own, looser policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
LOTSE_ADMIN_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "frame-src": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Rate limits on public forms and the login (django-ratelimit) ---------------------------
RATELIMIT_VIEW = "lotse.core.views.ratelimited"
# Every rate limit (and every log of a client address) takes the address from
# core.clientip.client_ip: REMOTE_ADDR, or behind LOTSE_TRUSTED_PROXY_COUNT reverse proxies the
# X-Forwarded-For entry the outermost trusted proxy appended, never one the client wrote itself.
RATELIMIT_IP_META_KEY = "lotse.core.clientip.client_ip"
# The older set-up named the header (LOTSE_RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR, one proxy
# in front); it is read as one trusted proxy instead of trusting the whole header.
LOTSE_TRUSTED_PROXY_COUNT = env_int(
    "LOTSE_TRUSTED_PROXY_COUNT",
    1 if env_str("LOTSE_RATELIMIT_IP_META_KEY") == "HTTP_X_FORWARDED_FOR" else 0,
)
LOTSE_LOGIN_RATE = env_str("LOTSE_LOGIN_RATE", "10/m")

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lotse"
WAGTAILADMIN_BASE_URL = env_str("LOTSE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Lotse ------------------------------------------------------------------------------------
LOTSE_CENTRE_NAME = env_str(
    "LOTSE_CENTRE_NAME", "Zentrum für Fachkräftesicherung und Gute Arbeit Sachsen"
)
LOTSE_CENTRE_SHORT_NAME = env_str("LOTSE_CENTRE_SHORT_NAME", "ZEFAS")
# The centre's address block (press releases, open-data catalogue): address lines separated by
# "|", phone and e-mail of the press/contact office. The operator sets the real values.
LOTSE_CENTRE_ADDRESS = env_str("LOTSE_CENTRE_ADDRESS", "")
LOTSE_CENTRE_PHONE = env_str("LOTSE_CENTRE_PHONE", "")
LOTSE_CENTRE_EMAIL = env_str("LOTSE_CENTRE_EMAIL", "kontakt@lotse.example")
# dcatde:contributorID of the catalogue (GovData's list of contributors; the operator's own ID).
LOTSE_DCAT_CONTRIBUTOR_ID = env_str(
    "LOTSE_DCAT_CONTRIBUTOR_ID", "http://dcat-ap.de/def/contributors/lotse"
)
# Personal data of event participants is deleted this many days after the event (per event).
LOTSE_EVENT_RETENTION_DAYS = env_int("LOTSE_EVENT_RETENTION_DAYS", 90)
# Upper bound of an event's deletion period (days after the event; checked by the event form).
LOTSE_EVENT_RETENTION_MAX_DAYS = env_int("LOTSE_EVENT_RETENTION_MAX_DAYS", 730)
# Registration POSTs per client address (django-ratelimit). "off" switches the limit off: only
# for the registration burst benchmark (bench/burst.py), whose clients all come from 127.0.0.1.
LOTSE_EVENT_REGISTRATION_RATE = env_str("LOTSE_EVENT_REGISTRATION_RATE", "20/h")
LOTSE_DEMO_MODE = env_bool("LOTSE_DEMO_MODE", False)
# Each app contributes its initial content (real data every installation needs, from its
# data/<state>/ files) through this hook (core/registry.py, core/initial.py). Demo data lives in
# lotse/demo (dev and test settings only), benchmark generators in bench/.
LOTSE_INITIAL_CONTENT_LOADERS = [
    "lotse.content.initial.load",
    "lotse.network.initial.load",
    "lotse.tariffs.initial.load",
    "lotse.guidance.initial.load",
    "lotse.migration.initial.load",
    "lotse.figures.initial.load",
]
# A catalogue search state (words, filters, sort, page) is cached this long as ids and counts
# (0 switches the cache off); see docs/search.md.
LOTSE_CATALOGUE_CACHE_SECONDS = env_int("LOTSE_CATALOGUE_CACHE_SECONDS", 60)
# Whole public pages for anonymous visitors are cached this long under the content versions they
# read (lotse.core.page_cache; never stale after a write, only rebuilt); what changes with the
# clock alone (an event has begun) shows within this time. 0 switches the cache off.
LOTSE_PAGE_CACHE_SECONDS = env_int("LOTSE_PAGE_CACHE_SECONDS", 300)
# Offers must be re-confirmed by their provider every N days; a reminder goes out M days before.
LOTSE_OFFER_CONFIRMATION_DAYS = env_int("LOTSE_OFFER_CONFIRMATION_DAYS", 365)
LOTSE_OFFER_REMINDER_DAYS = env_int("LOTSE_OFFER_REMINDER_DAYS", 30)
# Retention of personal data in days; each module adds its own (see docs/data_protection.md).
LOTSE_RETENTION_AUDIT_DAYS = env_int("LOTSE_RETENTION_AUDIT_DAYS", 3 * 365)
# The mail outbox (core/mail.py, docs/decisions/0009-mail-outbox.md): records of sent mails are
# deleted after N days; a failed send is retried with doubling delays up to N attempts; mails to
# many recipients are written and sent in batches of N.
LOTSE_MAIL_RETENTION_DAYS = env_int("LOTSE_MAIL_RETENTION_DAYS", 90)
LOTSE_MAIL_MAX_ATTEMPTS = env_int("LOTSE_MAIL_MAX_ATTEMPTS", 5)
LOTSE_MAIL_RETRY_SECONDS = env_int("LOTSE_MAIL_RETRY_SECONDS", 60)
LOTSE_MAIL_BATCH_SIZE = env_int("LOTSE_MAIL_BATCH_SIZE", 200)
# Inquiry desk (docs/desk.md): personal data of inquiries is deleted this many months after the
# answer (or closing); service level in working days; rate of the public form per address; the
# Tarif lookup used for the {lookup} placeholder (hidden when it cannot be imported).
LOTSE_DESK_RETENTION_MONTHS = env_int("LOTSE_DESK_RETENTION_MONTHS", 12)
LOTSE_DESK_SERVICE_DAYS = env_int("LOTSE_DESK_SERVICE_DAYS", 5)
LOTSE_DESK_FORM_RATE = env_str("LOTSE_DESK_FORM_RATE", "5/m")
LOTSE_DESK_TARIFF_LOOKUP = "lotse.tariffs.summaries.lookup_summary"
# The general desk (Lotsendienst): first response within this many working days, a partner
# accepts a referral within this many; the team lead gets the escalation mail; the state whose
# public holidays count (`holidays` package, subdiv).
LOTSE_DESK_FIRST_RESPONSE_DAYS = env_int("LOTSE_DESK_FIRST_RESPONSE_DAYS", 1)
LOTSE_DESK_PARTNER_ACCEPT_DAYS = env_int("LOTSE_DESK_PARTNER_ACCEPT_DAYS", 2)
LOTSE_DESK_TEAM_LEAD_EMAIL = env_str("LOTSE_DESK_TEAM_LEAD_EMAIL", "")
LOTSE_HOLIDAY_SUBDIV = env_str("LOTSE_HOLIDAY_SUBDIV", "SN")
# The monthly report and the open-data statistics are cached this many seconds (0: off).
LOTSE_DESK_REPORT_CACHE_SECONDS = env_int("LOTSE_DESK_REPORT_CACHE_SECONDS", 300)
# Einwanderungs-Check (docs/migration.md): the local contacts of a district are kept this many
# seconds in the shared cache (0 switches it off).
LOTSE_MIGRATION_CONTACTS_CACHE_SECONDS = env_int("LOTSE_MIGRATION_CONTACTS_CACHE_SECONDS", 300)
# Wegweiser (docs/guidance.md): a company check whose personal link was not used for this many
# months is deleted by the daily task.
LOTSE_GUIDANCE_RETENTION_MONTHS = env_int("LOTSE_GUIDANCE_RETENTION_MONTHS", 24)
# A completed check offers a re-check (then and now side by side) after this many months.
LOTSE_GUIDANCE_RECHECK_MONTHS = env_int("LOTSE_GUIDANCE_RECHECK_MONTHS", 6)
# The anonymous comparison shows a module only with at least this many completed checks of the
# same size class and district group (k-anonymity; never below 10).
LOTSE_GUIDANCE_COMPARISON_MIN = max(10, env_int("LOTSE_GUIDANCE_COMPARISON_MIN", 10))
# "Plan per E-Mail senden": mails per client address and per plan (django-ratelimit rates).
LOTSE_GUIDANCE_MAIL_RATE = env_str("LOTSE_GUIDANCE_MAIL_RATE", "5/h")
LOTSE_GUIDANCE_MAIL_PLAN_RATE = env_str("LOTSE_GUIDANCE_MAIL_PLAN_RATE", "3/d")
# New checks per client address (the profile form's POST).
LOTSE_GUIDANCE_START_RATE = env_str("LOTSE_GUIDANCE_START_RATE", "30/h")
# A plan's rendered PDF is kept this many seconds in the shared cache, valid only for exactly
# the document it was made from; deleted with the plan (0 switches it off).
LOTSE_GUIDANCE_PDF_CACHE_SECONDS = env_int("LOTSE_GUIDANCE_PDF_CACHE_SECONDS", 86400)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOTSE_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Data import (lotse.imports) ---------------------------------------------------------------
# Caps checked before and while a file is read: one request never parses more than this.
LOTSE_IMPORT_MAX_ROWS = env_int("LOTSE_IMPORT_MAX_ROWS", 10_000)
LOTSE_IMPORT_MAX_CELLS = env_int("LOTSE_IMPORT_MAX_CELLS", 200_000)
LOTSE_IMPORT_MAX_UNPACKED_BYTES = env_int("LOTSE_IMPORT_MAX_UNPACKED_BYTES", 30_000_000)

# --- Tarifregister -----------------------------------------------------------------------------
# Originals of collective agreements: outside MEDIA_ROOT, served only to the Tarifregister role.
LOTSE_TARIFF_DOCUMENT_ROOT = Path(
    env_str("LOTSE_TARIFF_DOCUMENT_ROOT", str(VAR_DIR / "private" / "tariffs"))
)
# Largest original document accepted (PDF, DOCX or ODT; tariffs/validators.py), in bytes.
LOTSE_TARIFF_DOCUMENT_MAX_BYTES = env_int("LOTSE_TARIFF_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
