"""Main navigation and language links of the public portal."""

import functools
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .versioning import versioned


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    active: bool


MAX_LANGUAGE_LINK_LENGTH = 2000

# Paths relative to the language root ("/" in German, "/en/" in English).
MAIN_NAVIGATION = (
    (_("Netzwerk"), "netzwerk/"),
    (_("Angebote"), "angebote/"),
    (_("Veranstaltungen"), "veranstaltungen/"),
    (_("Tarifauskunft"), "tarifauskunft/"),
    (_("Wissen"), "wissen/"),
    (_("Kontakt"), "kontakt/"),
)


# The portal search (lotse/search) under the language root; the header's search box sends here.
SEARCH_PATH = "suche/"


def language_root(language: str | None = None) -> str:
    language = language or get_language() or "de"
    return "/" if language == "de" else f"/{language}/"


def main_navigation(request: HttpRequest) -> list[NavItem]:
    root = language_root()
    return [
        NavItem(label=str(label), path=root + path, active=request.path.startswith(root + path))
        for label, path in MAIN_NAVIGATION
    ]


# Paths up to this length have their translations kept per process (bounded memory).
TRANSLATED_PATH_LENGTH = 300


@functools.lru_cache(maxsize=2048)
def _kept_translation(
    urlconf: str | None, prefix: str, active: str | None, path: str, code: str
) -> str:
    return translate_url(path, code)


def _translated_path(path: str, code: str) -> str:
    """`translate_url` of a path without a query: the same route in language `code` (resolved
    in the active language). Routes are fixed by the code, so the answer is kept per process
    (resolving and reversing cost about 0.15 ms a language)."""
    if len(path) > TRANSLATED_PATH_LENGTH:
        return translate_url(path, code)
    from django.conf import settings

    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _kept_translation(urlconf, get_script_prefix(), get_language(), path, code)


def language_links(request: HttpRequest, page=None) -> list[dict]:
    """One link per language to the same content (translated page or same view)."""
    from django.conf import settings

    current = get_language() or "de"
    # The same address in the other language keeps the query string, unless it is overlong
    # (a forged 1 MB search would otherwise be echoed into every language link of the page).
    full_path = request.get_full_path()
    if len(full_path) > MAX_LANGUAGE_LINK_LENGTH:
        full_path = request.path
    translations: dict[str, str] = {}
    if page is not None:
        translations = versioned(
            f"core.page-translations:{page.pk}",
            lambda: {
                translation.locale.language_code: translation.url
                for translation in page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            },
        )
    # translate_url(full_path) keeps the query string as it is: the path alone is translated.
    path, mark, query = full_path.partition("?")
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or _translated_path(path, code) + mark + query
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
