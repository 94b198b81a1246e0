"""Public pages of the Einwanderungs-Check (thin: parse, call the selectors, render).

The answers travel in the query string (GET form): the result page's address is the shareable
link, nothing is stored. The check's own language comes from `?lang=` (seven languages, see
docs/decisions/0008-check-language-parameter.md); the portal around it stays in the language of
the address (German at /, English at /en/).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lotse.core.navigation import language_root
from lotse.core.pdf import pdf_response, render_pdf
from lotse.core.versioning import versions_pinned

from . import presenters
from .forms import OCCUPATION_SUGGESTIONS, CheckForm
from .models import CHECK_LANGUAGES

LANGUAGE_CODES = tuple(code for code, _name in CHECK_LANGUAGES)
RTL_LANGUAGES = ("ar",)
AUDIENCES = {"person": "person", "arbeitgeber": "employer"}


def check_language(request: HttpRequest) -> str:
    """`?lang=` if it is one of the check's languages, else the language of the address."""
    chosen = request.GET.get("lang", "")
    if chosen in LANGUAGE_CODES:
        return chosen
    current = translation.get_language() or "de"
    return current if current in LANGUAGE_CODES else "de"


def _with(query: QueryDict, **changes: str) -> str:
    copy = query.copy()
    for key, value in changes.items():
        copy[key] = value
    return copy.urlencode()


def _context(request: HttpRequest, lang: str, **extra: object) -> dict:
    languages = [
        {
            "code": code,
            "name": name,
            "current": code == lang,
            "url": f"{request.path}?{_with(request.GET, lang=code)}",
        }
        for code, name in CHECK_LANGUAGES
    ]
    return {
        "check_lang": lang,
        "check_dir": "rtl" if lang in RTL_LANGUAGES else "ltr",
        "check_languages": languages,
        "desk_url": language_root() + "kontakt/",
        **extra,
    }


@require_http_methods(["GET", "HEAD"])
def start(request: HttpRequest) -> HttpResponse:
    lang = check_language(request)
    return render(request, "migration/start.html", _context(request, lang))


@require_http_methods(["GET", "HEAD"])
def easy_read(request: HttpRequest) -> HttpResponse:
    return render(request, "migration/easy_read.html", _context(request, "de"))


def _form_page(request: HttpRequest, form: CheckForm, lang: str, audience: str, status: int):
    return render(
        request,
        "migration/form.html",
        _context(
            request,
            lang,
            form=form,
            audience=audience,
            suggestions=OCCUPATION_SUGGESTIONS,
        ),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def questions(request: HttpRequest, who: str) -> HttpResponse:
    """The questions; with answers in the address (from "Antworten ändern") pre-filled."""
    lang = check_language(request)
    audience = AUDIENCES[who]
    data = request.GET if "qualification" in request.GET else None
    form = CheckForm(data, audience=audience, lang=lang)
    if data is not None:
        form.is_valid()
    return _form_page(request, form, lang, audience, 200)


def _evaluated(request: HttpRequest, lang: str):
    with versions_pinned():  # one reading of the versions of the cached parameters and notes
        form = CheckForm(request.GET, audience=request.GET.get("audience", "person"), lang=lang)
        if not form.is_valid():
            return form, None
        answers = form.answers()
        return form, presenters.result_for(answers=answers, language=lang, districts=form.districts)


@never_cache  # the answers are in the address: no shared cache keeps the page
@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest) -> HttpResponse:
    lang = check_language(request)
    # The texts of the result are written in the check's language; the page around it (the
    # portal's header, navigation and footer) stays in the language of the address.
    with translation.override(lang):
        form, outcome = _evaluated(request, lang)
    audience = "employer" if form.data.get("audience") == "employer" else "person"
    if outcome is None:
        return _form_page(request, form, lang, audience, 400)
    query = _with(request.GET, lang=lang)
    return render(
        request,
        "migration/result.html",
        _context(
            request,
            lang,
            result=outcome,
            share_url=request.build_absolute_uri(f"{request.path}?{query}"),
            query=query,
            edit_path="person" if outcome.answers.audience == "person" else "arbeitgeber",
        ),
    )


@require_http_methods(["GET", "HEAD"])
def result_pdf(request: HttpRequest) -> HttpResponse:
    lang = check_language(request)
    with translation.override(lang):
        form, outcome = _evaluated(request, lang)
    if outcome is None:
        audience = "employer" if form.data.get("audience") == "employer" else "person"
        return _form_page(request, form, lang, audience, 400)
    with translation.override(lang):
        document = render_pdf(
            "migration/pdf/result.html",
            _context(
                request,
                lang,
                result=outcome,
                created=timezone.localtime(),
                share_url=request.build_absolute_uri(
                    f"{request.path.removesuffix('.pdf')}/?{_with(request.GET, lang=lang)}"
                ),
            ),
            request=request,
        )
    response = pdf_response(document, f"einwanderungs-check-{outcome.answers.on:%Y-%m-%d}.pdf")
    response["X-Robots-Tag"] = "noindex"
    return response
