"""Public Tarifauskunft (thin views): search, answer, wage check, trainee pay check, PDFs.

All forms are GET: every answer has a permanent URL. The original document of an agreement is
served only to the Tarifregister and Administration roles.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lotse.core.page_cache import stored_by_page_cache
from lotse.core.pdf import pdf_response, render_pdf
from lotse.core.roles import ADMINISTRATION, TARIFF_REGISTER, user_has_role
from lotse.core.shell import render_page

from . import selectors
from .forms import AgreementDateForm, LookupForm, TraineeCheckForm, WageCheckForm
from .models import CollectiveAgreement
from .versioning import current_version, pin_version


def _params(request: HttpRequest) -> str:
    return urlencode([(key, value) for key, value in request.GET.items() if value])


def _dated_params(request: HttpRequest, on) -> str:
    """The request's parameters with the "Stand" fixed to the date the answer was given for."""
    pairs = [(key, value) for key, value in request.GET.items() if value and key != "stand"]
    return urlencode([*pairs, ("stand", on.isoformat())])


def _answer_params(data: dict) -> str:
    """The answer's query with its date fixed and without the page: the pagination links add
    `seite`, so every page of an answer is a permanent URL of the same date."""
    pairs = [("q", data["q"]), ("wz", data["wz"]), ("gebiet", data["gebiet"])]
    return urlencode([*((key, value) for key, value in pairs if value), ("stand", data["stand"])])


def _checked(request, form_class, template: str, pdf: bool, check):
    """The empty form for a request without parameters; the form again with HTTP 400 for
    invalid input or a ValidationError of `check`; otherwise (form, check(cleaned data))."""
    if not request.GET:
        return render_page(request, f"tariffs/{template}", {"form": form_class()})
    form = form_class(request.GET)
    if form.is_valid():
        try:
            return form, check(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
    return _respond(request, template, {"form": form}, pdf=pdf, status=400)


def _respond(request, template, context, *, pdf: bool, status: int = 200, filename: str = ""):
    context["params"] = _params(request)
    context["pdf"] = pdf
    if status == 200:
        # The cache key of the answer's HTML and of its fragments (answer.html, agreement.html):
        # the register version the answer was read under (pinned by the view, so no second
        # query).
        context["answer_version"] = current_version()
    if pdf and status == 200:
        document = render_pdf(f"tariffs/pdf/{template}", context, request=request)
        return pdf_response(document, f"{filename}.pdf", inline=True, private=False)
    # The layout (header, navigation, footer) from the shell kept per language and content
    # version; only the page's own blocks are rendered (decision 0026).
    return render_page(request, f"tariffs/{template}", context, status=status)


@require_safe
@pin_version
def search(request: HttpRequest) -> HttpResponse:
    """The search form; a question in the URL (`?q=` or `?wz=`) goes to its answer."""
    if request.GET.get("q") or request.GET.get("wz"):
        return redirect(f"{reverse('tariffs:answer')}?{request.GET.urlencode()}")
    return render_page(request, "tariffs/search.html", {"form": LookupForm()})


@require_safe
@pin_version
def answer(request: HttpRequest, pdf: bool = False) -> HttpResponse:
    form = LookupForm(request.GET)
    if not form.is_valid():
        return _respond(request, "answer.html", {"form": form}, pdf=pdf, status=400)
    data = form.cleaned_data
    try:
        # A response the page cache keeps needs no kept lookup (`selectors.tariff_answer`);
        # otherwise (signed in, the page cache off) a repeated answer reads it from the cache.
        lookup = (
            selectors.tariff_answer if stored_by_page_cache(request) else selectors.tariff_lookup
        )
        result = lookup(
            query=data["q"],
            wz=data["wz"],
            territory=data["gebiet"],
            on=data["stand"],
            page=data["seite"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _respond(request, "answer.html", {"form": form}, pdf=pdf, status=400)
    page_params = _answer_params({**data, "stand": result.on})
    # The permanent link carries the date the answer was given for (and its page).
    permalink_params = page_params + (f"&seite={result.page}" if result.page > 1 else "")
    return _respond(
        request,
        "answer.html",
        {
            "form": form,
            "result": result,
            "page_params": page_params,
            "permalink_params": permalink_params,
            "permalink": request.build_absolute_uri(
                f"{reverse('tariffs:answer')}?{permalink_params}"
            ),
        },
        pdf=pdf,
        filename="tarifauskunft",
    )


@require_safe
@pin_version
def agreement(request: HttpRequest, register_number: str, pdf: bool = False) -> HttpResponse:
    """One public sector agreement with the provisions that applied on the "Stand" date.

    Company agreements and confidential entries do not exist here (404), for everyone.
    """
    form = AgreementDateForm(request.GET)
    if not form.is_valid():
        try:
            item = selectors.public_agreement(register_number=register_number)
        except CollectiveAgreement.DoesNotExist as exc:
            raise Http404 from exc
        context = {"form": form, "agreement": item}
        return _respond(request, "agreement.html", context, pdf=pdf, status=400)
    result = selectors.agreement_page(
        register_number=register_number, on=form.cleaned_data["stand"]
    )
    if result is None:
        raise Http404
    # The permanent link carries the date the provisions were read for.
    permalink_params = f"stand={result.on.isoformat()}"
    address = reverse("tariffs:agreement", args=[register_number])
    return _respond(
        request,
        "agreement.html",
        {
            "form": form,
            "agreement": result.agreement,
            "result": result,
            "permalink_params": permalink_params,
            "permalink": request.build_absolute_uri(f"{address}?{permalink_params}"),
        },
        pdf=pdf,
        filename=f"tarifvertrag-{slugify(register_number)}",
    )


def _wage_answer(data: dict):
    return selectors.wage_check(
        amount=data["betrag"],
        unit=data["einheit"],
        hours_per_week=data.get("stunden"),
        wz=data["wz"],
        query=data["q"],
        on=data["stand"],
    )


def _trainee_answer(data: dict):
    return selectors.trainee_pay_check(
        start_year=data["beginn"], training_year=data["jahr"], monthly_pay=data["verguetung"]
    )


@require_safe
@pin_version
def wage(request: HttpRequest, pdf: bool = False) -> HttpResponse:
    checked = _checked(request, WageCheckForm, "wage_check.html", pdf, _wage_answer)
    if isinstance(checked, HttpResponse):
        return checked
    form, result = checked
    # The permanent link carries the date the check was made for.
    dated_params = _dated_params(request, result.on)
    context = {
        "form": form,
        "result": result,
        "dated_params": dated_params,
        "permalink": request.build_absolute_uri(f"{reverse('tariffs:wage_check')}?{dated_params}"),
    }
    return _respond(request, "wage_check.html", context, pdf=pdf, filename="lohncheck")


@require_safe
@pin_version
def trainee(request: HttpRequest, pdf: bool = False) -> HttpResponse:
    checked = _checked(request, TraineeCheckForm, "trainee_check.html", pdf, _trainee_answer)
    if isinstance(checked, HttpResponse):
        return checked
    form, result = checked
    return _respond(
        request,
        "trainee_check.html",
        {"form": form, "result": result, "today": timezone.localdate()},
        pdf=pdf,
        filename="ausbildungsverguetung",
    )


def _check_register_staff(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path(), login_url="/admin/login/")
    if not user_has_role(request.user, TARIFF_REGISTER, ADMINISTRATION):
        raise PermissionDenied(_("Nur für das Tarifregister."))
    return None


def _file_response(agreement: CollectiveAgreement) -> HttpResponse:
    if not agreement.document:
        raise Http404
    response = FileResponse(agreement.document.open("rb"), as_attachment=True)
    response["Cache-Control"] = "no-store"
    return response


def document(request: HttpRequest, pk: int) -> HttpResponse:
    """The original of an agreement: Tarifregister and Administration only, never cached."""
    denied = _check_register_staff(request)
    if denied:
        return denied
    return _file_response(get_object_or_404(CollectiveAgreement, pk=pk))


def document_file(request: HttpRequest, name: str) -> HttpResponse:
    """The same, addressed by the stored file name (the link the back-office form shows)."""
    denied = _check_register_staff(request)
    if denied:
        return denied
    return _file_response(get_object_or_404(CollectiveAgreement, document=name))
