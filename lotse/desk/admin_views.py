"""Back-office screens of the desk ("Anfragen"): list, detail with answer, statistics, CSV.

Registered by wagtail_hooks (register_admin_urls), so Wagtail's admin access check sends
anonymous users to the login; users without a desk topic (partners, other roles) get 403.
"""

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lotse.core.exports import dataset_response
from lotse.core.views import permission_denied

from . import access, selectors, services
from .forms import AnswerForm, AssignForm, ComposeForm, DueDateForm, EraseForm, StatusForm
from .models import TRANSITIONS, Inquiry, QuestionKind, Status


def _forbidden(request: HttpRequest) -> HttpResponse | None:
    """403 for users without a desk topic (not PermissionDenied: the admin would redirect)."""
    if access.user_may_use_desk(request.user):
        return None
    return permission_denied(request, PermissionDenied())


def _inquiry(request: HttpRequest, pk: int) -> Inquiry:
    return get_object_or_404(
        selectors.inquiries_for_user(user=request.user).select_related("assignee"), pk=pk
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def inquiry_list(request: HttpRequest) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    filters = selectors.InquiryFilters(
        status=status if status in Status.values else "",
        assignee=request.GET.get("assignee", "")[:20],
        overdue=request.GET.get("overdue") == "1",
        question_kind=kind if kind in QuestionKind.values else "",
    )
    queryset = selectors.inquiries_list(user=request.user, filters=filters)
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    today = timezone.localdate()
    params = request.GET.copy()
    params.pop("p", None)
    return render(
        request,
        "desk/admin/list.html",
        {
            "title": _("Anfragen"),
            "page": page,
            "rows": [(inquiry, inquiry.is_overdue(today)) for inquiry in page.object_list],
            "filters": filters,
            "statuses": Status.choices,
            "kinds": QuestionKind.choices,
            "assignees": list(selectors.assignee_choices()),
            "overdue_count": selectors.inquiries_for_user(user=request.user).overdue(today).count(),
            "query": params.urlencode(),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    inquiry = _inquiry(request, pk)
    templates = selectors.answer_templates(topic=inquiry.topic)
    lookup_available = selectors.tariff_lookup() is not None
    compose_form = ComposeForm(
        request.GET if "template" in request.GET else None,
        templates=templates,
        lookup_available=lookup_available,
    )
    answer_initial = inquiry.answer_text
    if compose_form.is_bound and compose_form.is_valid():
        answer_initial = selectors.answer_compose(
            inquiry=inquiry,
            template=compose_form.cleaned_data["template"],
            lookup_on=compose_form.cleaned_data.get("lookup_on"),
        )
    answer_form = AnswerForm(initial={"answer_text": answer_initial})
    if request.method == "POST":
        answer_form = AnswerForm(request.POST)
        if answer_form.is_valid():
            try:
                services.inquiry_answer_send(
                    inquiry=inquiry,
                    answer_text=answer_form.cleaned_data["answer_text"],
                    user=request.user,
                )
            except ValidationError as error:
                answer_form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Die Antwort auf %(reference)s wurde versandt.")
                    % {"reference": inquiry.reference},
                )
                return redirect("lotse_desk:detail", pk=inquiry.pk)
    return render(
        request,
        "desk/admin/detail.html",
        {
            "title": inquiry.reference,
            "inquiry": inquiry,
            "overdue": inquiry.is_overdue(),
            "status_choices": [
                (value, Status(value).label) for value in TRANSITIONS[inquiry.status]
            ],
            "assign_form": AssignForm(
                initial={"assignee": inquiry.assignee_id},
                users=selectors.assignee_choices(topic=inquiry.topic),
            ),
            "due_form": DueDateForm(initial={"due_date": inquiry.due_date}),
            "compose_form": compose_form,
            "answer_form": answer_form,
            "lookup_available": lookup_available,
            "has_templates": templates.exists(),
            "can_answer": inquiry.status in (Status.NEW, Status.IN_PROGRESS)
            and not inquiry.personal_data_deleted,
            "can_erase": inquiry.status in (Status.ANSWERED, Status.CLOSED)
            and not inquiry.personal_data_deleted,
        },
    )


def _action(request: HttpRequest, pk: int, form_class, apply, form_kwargs=None) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    inquiry = _inquiry(request, pk)
    form = form_class(request.POST, **(form_kwargs(inquiry) if form_kwargs else {}))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("lotse_desk:detail", pk=inquiry.pk)
    try:
        apply(inquiry, form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Gespeichert."))
    return redirect("lotse_desk:detail", pk=inquiry.pk)


@require_POST
def inquiry_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        StatusForm,
        lambda inquiry, data: services.inquiry_status_change(
            inquiry=inquiry, status=data["status"], user=request.user
        ),
    )


@require_POST
def inquiry_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        AssignForm,
        lambda inquiry, data: services.inquiry_assign(
            inquiry=inquiry, assignee=data["assignee"], user=request.user
        ),
        form_kwargs=lambda inquiry: {"users": selectors.assignee_choices(topic=inquiry.topic)},
    )


@require_POST
def inquiry_due_date(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        DueDateForm,
        lambda inquiry, data: services.inquiry_due_date_set(
            inquiry=inquiry, due_date=data["due_date"], user=request.user
        ),
    )


@require_POST
def inquiry_erase(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        EraseForm,
        lambda inquiry, data: services.inquiry_personal_data_erase(
            inquiry=inquiry, user=request.user
        ),
    )


def _blank(value):
    return "" if value is None else value


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("jahr", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None


@never_cache
@require_http_methods(["GET", "HEAD"])
def statistics(request: HttpRequest) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    year = _year(request)
    return render(
        request,
        "desk/admin/statistics.html",
        {
            "title": _("Statistik der Anfragen"),
            "stats": selectors.desk_statistics(user=request.user, year=year),
            "year": year,
        },
    )


@require_http_methods(["GET", "HEAD"])
def statistics_csv(request: HttpRequest) -> HttpResponse:
    if (denied := _forbidden(request)) is not None:
        return denied
    stats = selectors.desk_statistics(user=request.user, year=_year(request))
    data = tablib.Dataset(
        headers=[
            _("Auswertung"),
            _("Wert"),
            _("Anfragen"),
            _("beantwortet"),
            _("Bearbeitungsdauer Median (Arbeitstage)"),
            _("Bearbeitungsdauer Mittelwert (Arbeitstage)"),
        ]
    )
    for caption, rows in [(_("Gesamt"), [stats.total]), *stats.tables()]:
        for row in rows:
            data.append(
                [caption, row.label, row.count, row.answered, _blank(row.median), _blank(row.mean)]
            )
    return dataset_response(data, fmt="csv", basename="anfragen-statistik")
