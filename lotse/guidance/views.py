"""Public pages of the Wegweiser (thin: parse, call a service or selector, render).

Every page behind a personal link is `no-store` and not indexed; an unknown or tampered token
gets a German page with status 404 and changes nothing.
"""

import copy
import functools
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from lotse.core.exports import dataset_response, new_dataset
from lotse.core.links import url_base
from lotse.core.page_cache import never_cache_unless_safe
from lotse.core.pdf import pdf_response

from . import demand, documents, plan_page, selectors, services
from .forms import DeskForm, ModuleForm, PlanMailForm, ProfileForm
from .models import CompanyCheck, Module
from .permissions import demand_visible

# The steps of a check below the start page (guidance/_step.html): a step's name is its page's
# title, last breadcrumb and heading.
STEP_NAMES = {
    "profile": gettext_lazy("Ihr Betrieb"),
    "delete": gettext_lazy("Plan löschen"),
    "recheck": gettext_lazy("Erneut prüfen"),
    "mail": gettext_lazy("Plan per E-Mail senden"),
    "desk": gettext_lazy("Mit dem Lotsendienst besprechen"),
}


def _render_step(request: HttpRequest, step: str, context: dict[str, object]) -> HttpResponse:
    """`guidance/<step>.html`, which extends guidance/_step.html, with the step's name.

    A step answers a POST with its page only when the form was refused (a valid POST
    redirects): then with status 400."""
    context = {**context, "step": step, "step_name": STEP_NAMES[step]}
    status = 400 if request.method == "POST" else 200
    return render(request, f"guidance/{step}.html", context, status=status)


def _version_or_404():
    version = selectors.version_current()
    if version is None:
        raise Http404(_("Der Wegweiser ist noch nicht eingerichtet."))
    return version


def by_link(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The check behind the personal link is passed to the view after the request; an unknown
    or altered link gets the German page "Dieser Link ist ungültig" (404) instead."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: object, **kwargs: object) -> HttpResponse:
        check = selectors.check_by_token(token=token)
        if check is None:
            return _invalid_link(request)
        return view(request, check, token, *args, **kwargs)

    return wrapped


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/invalid_link.html", status=404)


def _plan_url(token: str) -> str:
    return reverse("guidance:plan", args=[token])


def _next_url(check, token: str, after: str = "") -> str:
    """The next chosen question module that is not complete yet, else the plan."""
    seen = not after
    for module in check.version.modules.all():
        if module.key == after:
            seen = True
            continue
        if (
            seen
            and module.key in check.modules
            and module.kind == Module.Kind.QUESTIONS
            and not selectors.module_complete(module=module, check=check)
        ):
            return reverse("guidance:module", args=[token, module.key])
    for module in check.version.modules.all():
        if (
            module.key in check.modules
            and module.kind == Module.Kind.QUESTIONS
            and not selectors.module_complete(module=module, check=check)
        ):
            return reverse("guidance:module", args=[token, module.key])
    return _plan_url(token)


@require_http_methods(["GET", "HEAD"])
def start(request: HttpRequest) -> HttpResponse:
    version = _version_or_404()
    return render(
        request,
        "guidance/start.html",
        {"version": version, "retention_months": settings.LOTSE_GUIDANCE_RETENTION_MONTHS},
    )


@never_cache_unless_safe
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_GUIDANCE_START_RATE, method="POST")
def profile_new(request: HttpRequest) -> HttpResponse:
    version = _version_or_404()
    form = ProfileForm(request.POST if request.method == "POST" else None, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            check, token = services.check_start(version=version, profile=form.profile())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            check.version = version
            return redirect(_next_url(check, token))
    return _render_step(request, "profile", {"form": form, "version": version})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_link
def profile_edit(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        version=check.version,
        initial=ProfileForm.initial_for(check),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.check_profile_update(check=check, profile=form.profile())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ihr Profil wurde gespeichert."))
            return redirect(_next_url(check, token))
    return _render_step(
        request, "profile", {"form": form, "version": check.version, "check": check, "token": token}
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_link
def module(request: HttpRequest, check: CompanyCheck, token: str, key: str) -> HttpResponse:
    current = next((item for item in check.version.modules.all() if item.key == key), None)
    if current is None:
        raise Http404(_("Dieses Modul gibt es in Ihrem Check nicht."))
    context = {"check": check, "token": token, "module": current}
    if current.kind == Module.Kind.TARIFF:
        services.check_touch(check=check)
        context["result"] = selectors.tariff_module_result(check=check, module=current)
        return render(request, "guidance/tariff.html", context)
    # Copies: the version's questions are shared by every request (selectors, per process).
    questions = [copy.copy(q) for q in selectors.questions_for(module=current, check=check)]
    articles = selectors.pages_by_slug(slugs={q.article_slug for q in questions if q.article_slug})
    for question in questions:
        question.article_page = articles.get(question.article_slug)
    initial = {f"q_{q.key}": check.answers[q.key] for q in questions if q.key in check.answers}
    form = ModuleForm(
        request.POST if request.method == "POST" else None,
        module=current,
        questions=questions,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.check_module_answer(check=check, module_key=key, answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Ihre Antworten zu „%(title)s“ sind gespeichert.") % {"title": current.title},
            )
            return redirect(_next_url(check, token, after=key))
    elif request.method != "POST":
        services.check_touch(check=check)
    chosen = [item for item in check.version.modules.all() if item.key in check.modules]
    context.update(
        {
            "form": form,
            "position": chosen.index(current) + 1 if current in chosen else None,
            "chosen_count": len(chosen),
        }
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "guidance/module.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD"])
@by_link
def plan(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    """The plan: its body from the shared cache while the plan, the comparison and the content
    are unchanged (plan_page.py, decision 0018); the "erledigt" forms are rendered around it."""
    services.check_touch(check=check)
    return render(
        request,
        "guidance/plan.html",
        {"body": plan_page.plan_body(check=check, token=token), "token": token},
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
@by_link
def plan_pdf(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    services.check_touch(check=check)
    result = selectors.check_plan(check=check)
    document = documents.plan_pdf(plan=result, base_url=url_base(request))
    return pdf_response(document, documents.plan_filename(result))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_link
def delete(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    if request.method == "POST":
        services.check_delete(check=check)
        messages.success(request, _("Ihr Plan und alle Antworten wurden gelöscht."))
        return redirect("guidance:start")
    return _render_step(request, "delete", {"check": check, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_link
def recheck(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    """GET asks (a link never changes state), POST keeps the result and starts again."""
    if request.method == "POST":
        try:
            services.check_recheck_start(check=check)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_plan_url(token))
        messages.success(
            request,
            _("Ihr bisheriges Ergebnis ist gespeichert. Beantworten Sie die Fragen jetzt neu."),
        )
        return redirect(_next_url(check, token))
    services.check_touch(check=check)
    return _render_step(
        request,
        "recheck",
        {
            "check": check,
            "token": token,
            "due": selectors.recheck_due(check=check),
            "due_at": selectors.recheck_due_at(check=check),
        },
    )


@never_cache
@require_http_methods(["POST"])
@by_link
def measure_done(request: HttpRequest, check: CompanyCheck, token: str, key: str) -> HttpResponse:
    """Tick or untick "erledigt" for one measure of the plan."""
    try:
        services.check_measure_done(
            check=check, measure_key=key, done=request.POST.get("done") == "1"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_plan_url(token))
    return redirect(f"{_plan_url(token)}#massnahme-{key}")


def _plan_key(group: str, request: HttpRequest) -> str:
    """Rate-limit bucket of one plan: the hash of its token (never the token itself)."""
    token = request.resolver_match.kwargs.get("token", "") if request.resolver_match else ""
    return selectors.token_hash(str(token))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_GUIDANCE_MAIL_RATE, method="POST")
@ratelimit(
    key=_plan_key, rate=lambda group, request: settings.LOTSE_GUIDANCE_MAIL_PLAN_RATE, method="POST"
)
@by_link
def plan_mail(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    """ "Plan per E-Mail senden": the address goes into this one mail (via the outbox) only."""
    form = PlanMailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_mail_send(
                check=check,
                token=token,
                to=form.cleaned_data["email"],
                language=translation.get_language() or "de",
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("Ihr Plan ist unterwegs. Die E-Mail kommt in den nächsten Minuten an."),
            )
            return redirect(_plan_url(token))
    else:
        services.check_touch(check=check)
    return _render_step(request, "mail", {"form": form, "check": check, "token": token})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_DESK_FORM_RATE, method="POST")
@by_link
def plan_desk(request: HttpRequest, check: CompanyCheck, token: str) -> HttpResponse:
    """ "Mit dem Lotsendienst besprechen": the plan goes to the desk as an inquiry."""
    form = DeskForm(
        request.POST if request.method == "POST" else None,
        language=translation.get_language() or "de",
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.plan_to_desk(
                check=check,
                contact=form.contact(),
                consent=data["consent"],
                consent_version=data["consent_version"],
                language=translation.get_language() or "de",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Ihr Plan ist beim Lotsendienst angekommen (Aktenzeichen %(reference)s). "
                    "Sie erhalten eine Bestätigung per E-Mail."
                )
                % {"reference": inquiry.reference},
            )
            return redirect(_plan_url(token))
    else:
        services.check_touch(check=check)
    return _render_step(request, "desk", {"form": form, "check": check, "token": token})


def _require_demand_staff(request: HttpRequest) -> None:
    if not demand_visible(request.user):
        raise PermissionDenied


@require_safe
def demand_page(request: HttpRequest) -> HttpResponse:
    """Bedarf und Angebot: the demand view of the coverage map (staff only)."""
    _require_demand_staff(request)
    result = demand.demand()
    response = render(request, "guidance/demand.html", {"demand": result})
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def demand_export_csv(request: HttpRequest) -> HttpResponse:
    _require_demand_staff(request)
    result = demand.demand()
    data = new_dataset(headers=demand.demand_headers(), title=_("Bedarf"))
    for row in result.rows:
        data.append(
            [
                row.district.code,
                row.district.name,
                row.topic.name if row.topic else row.topic_slug,
                row.title,
                row.checks,
                row.offers,
                row.statewide,
                row.online,
                _("ja") if row.gap else "",
            ]
        )
    response = dataset_response(data, fmt="csv", basename="bedarf-und-angebot")
    response["Cache-Control"] = "no-store"
    return response
