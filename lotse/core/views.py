"""Platform views: health check and error pages."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .selectors import health_database, health_tasks


@never_cache
@require_safe  # GET and HEAD: load balancers probe with either
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness in one: 200 when the database answers, 503 otherwise."""
    database = health_database()
    tasks = health_tasks() if database["ok"] else {"ok": False, "error": "database unavailable"}
    ok = database["ok"] and tasks["ok"]
    payload = {"status": "ok" if ok else "error", "database": database, "tasks": tasks}
    return JsonResponse(payload, status=200 if ok else 503)


def ratelimited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    response = render(request, "errors/429.html", status=429)
    response["Retry-After"] = "60"
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403_csrf.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


FALLBACK_500 = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Technischer Fehler – Lotse'
    "</title></head><body><main><h1>Technischer Fehler</h1><p>Leider ist ein Fehler aufgetreten. "
    'Bitte versuchen Sie es später erneut.</p><p lang="en">Sorry, something went wrong on our '
    'side. Please try again later.</p><p><a href="/">Zur Startseite / Home</a></p></main></body>'
    "</html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the error may be the database itself.
    # If even the template fails (e.g. static files missing), answer with plain HTML.
    from django.template import loader

    try:
        body = loader.get_template("errors/500.html").render()
    except Exception:  # noqa: BLE001 - the error page must never fail
        body = FALLBACK_500
    return HttpResponse(body, status=500)
