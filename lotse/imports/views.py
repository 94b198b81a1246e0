"""Back-office screens of the data import: upload → dry-run report → import.

The uploaded file is carried from the report to the import step in the user's session (base64,
at most 5 MB, database-backed sessions), keyed by a random token: no local temp files, so this
works with several app servers. The entry is removed when the import has run.
"""

import base64
import secrets

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role
from lotse.core.views import permission_denied

from .forms import RunForm, UploadForm
from .importing import import_run
from .services import IMPORTERS

SESSION_KEY = "lotse_import_upload"


def user_may_import(user) -> bool:
    return user_has_role(user, EDITORS, ADMINISTRATION)


def _forbidden(request: HttpRequest) -> HttpResponse | None:
    """403 for other roles. Not PermissionDenied: the admin would turn that into a redirect."""
    if user_may_import(request.user):
        return None
    return permission_denied(request, PermissionDenied())


def _importer(kind: str, *, user, publish: bool):
    return IMPORTERS[kind](user=user, publish=publish)


@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        content = file.read()
        token = secrets.token_urlsafe(16)
        kind = form.cleaned_data["kind"]
        publish = form.cleaned_data["publish"] and kind == "angebote"
        request.session[SESSION_KEY] = {
            "token": token,
            "name": file.name,
            "kind": kind,
            "publish": publish,
            "content": base64.b64encode(content).decode("ascii"),
        }
        result = import_run(
            importer=_importer(kind, user=request.user, publish=publish),
            file=(file.name, content),
            user=request.user,
            mode="dry_run",
        )
        return render(
            request,
            "imports/report.html",
            {
                "result": result,
                "token": token,
                "file_name": file.name,
                "kind": kind,
                "publish": publish,
                "title": _("Prüfbericht"),
            },
        )
    return render(request, "imports/upload.html", {"form": form, "title": _("Datenimport")})


@require_POST
def run(request: HttpRequest) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    form = RunForm(request.POST)
    stored = request.session.get(SESSION_KEY)
    if not form.is_valid() or not stored or stored["token"] != form.cleaned_data["token"]:
        return redirect("lotse_imports:upload")
    content = base64.b64decode(stored["content"])
    result = import_run(
        importer=_importer(stored["kind"], user=request.user, publish=stored["publish"]),
        file=(stored["name"], content),
        user=request.user,
        mode=form.cleaned_data["mode"],
    )
    if result.written:
        del request.session[SESSION_KEY]
    return render(
        request,
        "imports/report.html",
        {
            "result": result,
            "token": stored["token"] if not result.written else "",
            "file_name": stored["name"],
            "kind": stored["kind"],
            "publish": stored["publish"],
            "title": _("Ergebnis des Imports"),
        },
    )
