"""Public pages of the desk: the Tarif inquiry form, the general form of the Lotsendienst, their
confirmations, and the pages behind the links in the asker's mails (thin views)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import _SIMPLE_KEYS, get_usage
from django_ratelimit.decorators import ratelimit

from lotse.core.page_cache import never_cache_unless_safe
from lotse.core.versioning import versions_pinned

from . import selectors, services
from .forms import GeneralInquiryForm, InquiryForm
from .models import Channel, ConsentKind, ReferralStatus, Topic

SESSION_KEY = "lotse_desk_reference"


@never_cache_unless_safe
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_DESK_FORM_RATE, method="POST")
def inquiry_form(request: HttpRequest) -> HttpResponse:
    # Links from the Tarifauskunft pre-fill the sector and WZ code (`?branche=&wz=`).
    initial = {
        "sector": request.GET.get("branche", "")[:200],
        "wz_code": request.GET.get("wz", "")[:10],
    }
    form = InquiryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry = services.inquiry_submit(
                topic=Topic.TARIFF, language=get_language() or "de", **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[SESSION_KEY] = inquiry.reference
            return redirect("desk:thanks")
    return render(
        request,
        "desk/inquiry_form.html",
        {"form": form, "retention_months": settings.LOTSE_DESK_RETENTION_MONTHS},
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def inquiry_thanks(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(SESSION_KEY)
    if not reference:
        return redirect("desk:form")
    return render(
        request,
        "desk/inquiry_thanks.html",
        {"reference": reference, "service_days": settings.LOTSE_DESK_SERVICE_DAYS},
    )


# --- The general desk: "Frage an den Lotsendienst" and the pages behind the mail links -------

GENERAL_SESSION_KEY = "lotse_desk_general_reference"
RATE_GROUP = "lotse.desk.general"
ip_key = _SIMPLE_KEYS["ip"]  # the client address as django-ratelimit sees it (proxy-aware)


def _private(response: HttpResponse) -> HttpResponse:
    """Pages with personal data: never cached, not indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _form_rate(group, request) -> str | None:
    rate = settings.LOTSE_DESK_FORM_RATE
    return None if not rate or rate == "off" else rate


def _retry_after(request: HttpRequest) -> int:
    """Counts this POST; seconds to wait when the address sent too many (else 0)."""
    usage = get_usage(
        request,
        group=RATE_GROUP,
        key=lambda group, request: ip_key(request),
        rate=_form_rate,
        method="POST",
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return max(int(usage["time_left"]), 0) + 1


class UnknownActor(Exception):
    pass


def _asked_actor(request: HttpRequest):
    """The organisation asked from an offer or actor page (`?akteur=<id>`), published only."""
    value = request.GET.get("akteur", "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 12:  # "²".isdigit() too
        raise UnknownActor
    actor = selectors.published_actor(pk=int(value))
    if actor is None:
        raise UnknownActor
    return actor


@require_http_methods(["GET", "HEAD", "POST"])
def general_form(request: HttpRequest) -> HttpResponse:
    """ "Frage an den Lotsendienst" (`/lotsendienst/`); with `?akteur=` the same form is the
    "Anfrage an den Anbieter" / "Kontakt aufnehmen" of an offer or actor page."""
    if request.method != "POST":
        return _general_form(request)  # the page cache pinned the versions of a GET
    # The form's choices and consent texts come from caches under the content version: read it
    # once. The POST writes no content (inquiries, referrals and the outbox are excluded).
    with versions_pinned():
        return _general_form(request)


def _general_form(request: HttpRequest) -> HttpResponse:
    language = get_language() or "de"
    message = ""
    status = 200
    try:
        actor = _asked_actor(request)
    except UnknownActor:
        actor = None
        message = _(
            "Die angefragte Organisation gibt es im Verzeichnis nicht (mehr). Sie können Ihre "
            "Frage hier an den Lotsendienst richten; wir vermitteln Sie weiter."
        )
        status = 404 if request.method != "POST" else 400
    kind = request.GET.get("kanal", "")
    channel = Channel.WEB
    if actor is not None:
        channel = Channel.OFFER if kind == Channel.OFFER else Channel.ACTOR
    elif kind == Channel.GUIDANCE:
        channel = Channel.GUIDANCE
    initial = {
        "source_label": request.GET.get("bezug", "")[:300],
        "topic_field": request.GET.get("thema", "")[:60] or None,
    }
    texts = selectors.consent_texts_current()
    form = GeneralInquiryForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        actor=actor,
        consent_texts=texts,
        language=language,
    )
    retry_after = 0
    if request.method == "POST" and not message:
        retry_after = _retry_after(request)
        if retry_after:
            minutes = -(-retry_after // 60)
            message = ngettext(
                "Von Ihrer Verbindung kamen in kurzer Zeit viele Anfragen. Bitte versuchen Sie "
                "es in %(minutes)s Minute erneut; Ihre Angaben bleiben hier erhalten.",
                "Von Ihrer Verbindung kamen in kurzer Zeit viele Anfragen. Bitte versuchen Sie "
                "es in %(minutes)s Minuten erneut; Ihre Angaben bleiben hier erhalten.",
                minutes,
            ) % {"minutes": minutes}
            status = 429
        elif form.is_valid():
            try:
                inquiry = services.submit_inquiry(
                    **form.service_arguments(), language=language, channel=channel
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                request.session[GENERAL_SESSION_KEY] = inquiry.reference
                return redirect("lotsendienst:thanks")
        else:
            status = 400
    elif request.method == "POST":
        form.is_valid()  # the typed text comes back with the message
    response = render(
        request,
        "desk/general_form.html",
        {
            "form": form,
            "actor": actor,
            "message": message,
            "channel": channel,
            "retention_months": settings.LOTSE_DESK_RETENTION_MONTHS,
            "first_response_days": settings.LOTSE_DESK_FIRST_RESPONSE_DAYS,
            "action": request.get_full_path(),
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    if request.method == "POST":
        return _private(response)
    # The empty form is the same for everyone: the page cache serves it, with each visitor's own
    # CSRF token.
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD"])
def general_thanks(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(GENERAL_SESSION_KEY)
    if not reference:
        return redirect("lotsendienst:form")
    inquiry = selectors.inquiry_by_reference(reference=reference)
    return _private(
        render(
            request,
            "desk/general_thanks.html",
            {
                "reference": reference,
                "actor": inquiry.actor if inquiry is not None else None,
                "first_response_days": settings.LOTSE_DESK_FIRST_RESPONSE_DAYS,
            },
        )
    )


def _consent_wording(kind: str) -> str:
    text = selectors.consent_text_current(kind=kind)
    return text.text_for(get_language() or "de") if text is not None else ""


@require_http_methods(["GET", "HEAD", "POST"])
def referral_consent(request: HttpRequest, token: str) -> HttpResponse:
    """The asker's consent to a referral: GET shows partner, data and text; POST consents."""
    referral = selectors.referral_by_consent_token(token=token[:64])
    done = False
    error = ""
    status = 200
    if referral is None:
        error = _("Dieser Link ist nicht (mehr) gültig.")
        status = 404
    elif request.method == "POST":
        try:
            referral = services.referral_consent_confirm(token=token)
        except ValidationError as exc:
            error = " ".join(exc.messages)
            status = 409
        else:
            done = True
    if referral is not None and referral.status != ReferralStatus.AWAITING_CONSENT and not done:
        error = error or _("Diese Einwilligung haben Sie bereits erteilt.")
    return _private(
        render(
            request,
            "desk/referral_consent.html",
            {
                "referral": referral,
                "done": done,
                "error": error,
                "consent_wording": _consent_wording(ConsentKind.REFERRAL),
            },
            status=status,
        )
    )


@require_http_methods(["GET", "HEAD", "POST"])
def consent_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Withdrawal of the consent: GET shows what happens, POST withdraws."""
    inquiry = selectors.inquiry_by_token(token=token[:64])
    if inquiry is None:
        return _private(
            render(
                request,
                "desk/consent_withdraw.html",
                {"error": _("Dieser Link ist nicht (mehr) gültig.")},
                status=404,
            )
        )
    done = inquiry.consent_withdrawn
    if request.method == "POST" and not done:
        inquiry = services.inquiry_consent_withdraw(token=token)
        done = True
    return _private(
        render(request, "desk/consent_withdraw.html", {"inquiry": inquiry, "done": done})
    )
