"""Main navigation and language links of the public portal."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import translate_url
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
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or translate_url(full_path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
