"""Work every app-server process would otherwise do on its first requests, done at start-up.

A fresh worker imports the whole URLconf (Wagtail admin, the API with its schemas, every app's
views) on its first request, loads the translation catalogues of each language on first use
and compiles the templates: together about a second of CPU, paid by the first visitors of
every new worker (and, in a burst, by everyone queued behind them). `warm_up()` runs from
`lotse/wsgi.py`; with `gunicorn --preload` the master does it once and the workers inherit it.
It opens no database connection (a preloading master must not hand one to its children).

At the end it moves every object made so far into the garbage collector's permanent generation
(`gc.freeze`): the collections in a forked worker then no longer walk (and so write to) the
master's objects, which would otherwise turn the pages the workers share copy-on-write into a
private copy in each worker (decision 0015). A last collection after the freeze then finds the
oldest generation empty: Python runs a full collection only once the objects that reached it
since the last one number a quarter of those that survived that one, and with the warm-up's
270,000 survivors counted a worker let about 70,000 objects (cyclic garbage of requests,
responses, template contexts among them) gather in its oldest generation before it looked at
them; the garbage meanwhile spread over the worker's memory (decision 0031).
"""

from __future__ import annotations

import gc
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

PROJECT_DIR = Path(__file__).resolve().parent.parent


def project_templates() -> list[str]:
    """Names of the project's own templates (lotse/templates, lotse/<app>/templates)."""
    return sorted(
        str(path.relative_to(root))
        for root in PROJECT_DIR.glob("**/templates")
        for path in root.glob("**/*.html")
    )


def warm_up() -> None:
    """Import the URLconf, load every language's catalogue and URL names, compile templates."""
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every URL module and its views
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Lotse")  # loads the catalogues of this language
            resolver.app_dict  # noqa: B018 - builds this language's reverse() tables
    for name in project_templates():  # about 0.1 s for all of them
        get_template(name)
    connections.close_all()
    gc.collect()
    gc.freeze()
    gc.collect()  # counts nothing as long-lived: the workers' full collections come on time
