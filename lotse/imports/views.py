"""Back-office screens of the data import: upload → dry-run report → import.

Each role gets only its kinds (`services.import_kinds_for`): the Redaktion actors and offers,
the Tarifregister agreements, Administration all. The uploaded file is carried from the report
to the import step in the user's session (base64, at most 5 MB, database-backed sessions), keyed
by a random token: no local temp files, so this works with several app servers. The entry is
removed when the import has run.
"""

import base64
import secrets

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lotse.core.views import permission_denied

from .forms import RunForm, UploadForm
from .importing import import_run
from .services import import_kinds, import_kinds_for, user_may_import

SESSION_KEY = "lotse_import_upload"

__all__ = ["run", "upload", "user_may_import"]


def _forbidden(request: HttpRequest) -> HttpResponse:
    """403 for other roles. Not PermissionDenied: the admin would turn that into a redirect."""
    return permission_denied(request, PermissionDenied())


def _importer(kind: str, *, user, publish: bool):
    return import_kinds()[kind].importer(user=user, publish=publish)


def _upload_url(kind: str) -> str:
    return f"{reverse('lotse_imports:upload')}?{urlencode({'art': kind})}"


def _report(request: HttpRequest, *, result, stored: dict, token: str, title: str):
    kind = import_kinds()[stored["kind"]]
    return render(
        request,
        "imports/report.html",
        {
            "result": result,
            "token": token,
            "file_name": stored["name"],
            "kind": kind,
            "publish": stored["publish"],
            "upload_url": _upload_url(kind.key),
            "title": title,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    kinds = import_kinds_for(user=request.user)
    if not kinds:
        return _forbidden(request)
    form = UploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method != "POST" and request.GET.get("art") in {kind.key for kind in kinds}:
        form.initial["kind"] = request.GET["art"]
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        content = file.read()
        kind = form.cleaned_data["kind"]
        stored = {
            "token": secrets.token_urlsafe(16),
            "name": file.name,
            "kind": kind,
            "publish": bool(form.cleaned_data.get("publish")) and kind == "angebote",
            "content": base64.b64encode(content).decode("ascii"),
        }
        request.session[SESSION_KEY] = stored
        result = import_run(
            importer=_importer(kind, user=request.user, publish=stored["publish"]),
            file=(file.name, content),
            user=request.user,
            mode="dry_run",
        )
        return _report(
            request, result=result, stored=stored, token=stored["token"], title=_("Prüfbericht")
        )
    return render(
        request,
        "imports/upload.html",
        {"form": form, "kinds": kinds, "title": _("Datenimport")},
    )


@require_POST
def run(request: HttpRequest) -> HttpResponse:
    if not user_may_import(request.user):
        return _forbidden(request)
    form = RunForm(request.POST)
    stored = request.session.get(SESSION_KEY)
    if not form.is_valid() or not stored or stored["token"] != form.cleaned_data["token"]:
        return redirect("lotse_imports:upload")
    if not user_may_import(request.user, kind=stored["kind"]):
        # The role was taken away between the report and the import.
        del request.session[SESSION_KEY]
        return _forbidden(request)
    content = base64.b64decode(stored["content"])
    result = import_run(
        importer=_importer(stored["kind"], user=request.user, publish=stored["publish"]),
        file=(stored["name"], content),
        user=request.user,
        mode=form.cleaned_data["mode"],
    )
    if result.written:
        del request.session[SESSION_KEY]
    return _report(
        request,
        result=result,
        stored=stored,
        token="" if result.written else stored["token"],
        title=_("Ergebnis des Imports"),
    )
