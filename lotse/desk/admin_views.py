"""Back-office screens of the desk ("Anfragen"): list, detail with answer, statistics, CSV.

Registered by wagtail_hooks (register_admin_urls), so Wagtail's admin access check sends
anonymous users to the login; users without a desk topic (partners, other roles) get 403.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lotse.core.exports import dataset_response, new_dataset
from lotse.core.versioning import versioned, versions_pinned
from lotse.core.views import permission_denied

from . import access, selectors, services
from .forms import (
    AnswerForm,
    AssignForm,
    ComposeForm,
    ConfirmForm,
    DeclineForm,
    DueDateForm,
    EraseForm,
    NoteForm,
    OutcomeForm,
    ReferralForm,
    StaffInquiryForm,
    StatusForm,
)
from .models import (
    PARTNER_STATUSES,
    TRANSITIONS,
    Channel,
    Inquiry,
    QuestionKind,
    Referral,
    ReferralStatus,
    Status,
    Topic,
)

if TYPE_CHECKING:
    import tablib


View = Callable[..., HttpResponse]


def _for_users(may_use: Callable[[Any], bool]) -> Callable[[View], View]:
    """A back-office view for the users `may_use(user)` lets in (the staff's inbox:
    `access.user_may_use_desk`, users with a desk topic; a partner's referrals:
    `access.user_may_use_partner_inbox`); 403 for the others (not PermissionDenied: the admin
    would redirect)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not may_use(request.user):
                return permission_denied(request, PermissionDenied())
            return view(request, *args, **kwargs)

        return guarded

    return decorator


_staff = _for_users(access.user_may_use_desk)
_partners = _for_users(access.user_may_use_partner_inbox)


def _inquiry(request: HttpRequest, pk: int) -> Inquiry:
    return get_object_or_404(
        selectors.inquiries_for_user(user=request.user).select_related("assignee"), pk=pk
    )


def _partner_referral(request: HttpRequest, pk: int) -> Referral:
    return get_object_or_404(
        access.referrals_for_partner(request.user).select_related("actor", "inquiry"), pk=pk
    )


@dataclass(frozen=True)
class _Target:
    """What a back-office POST action acts on: the guard of its users (`_staff`, `_partners`),
    how the object is read for the user, the service's keyword for it and the page the action
    returns to."""

    guard: Callable[[View], View]
    fetch: Callable[[HttpRequest, int], Any]
    keyword: str
    detail: str


_INQUIRY = _Target(_staff, _inquiry, "inquiry", "lotse_desk:detail")
_REFERRAL = _Target(_partners, _partner_referral, "referral", "lotse_desk:partner_detail")


class CappedPaginator(Paginator):
    """Counts at most `cap` rows (`selectors.count_upto`); beyond, the pager says "von mehr
    als …" and ends one page after the cap (the filters narrow a list that long). `count`: the
    capped count when the caller has it already (`selectors.counts_upto`)."""

    def __init__(
        self, object_list, per_page: int, cap: int | None = None, count: int | None = None
    ):
        super().__init__(object_list, per_page)
        self.cap = selectors.COUNT_CAP if cap is None else cap
        if count is not None:
            self.count = count

    @cached_property
    def count(self) -> int:
        return selectors.count_upto(self.object_list, self.cap)

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @property
    def capped_pages(self) -> int:
        return self.cap // self.per_page

    def page(self, number) -> Page:
        if not self.capped:
            return super().page(number)
        # Past the cap the count is no total: every page is full, however many rows follow.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


def _page(request: HttpRequest, queryset, count: int | None = None) -> tuple[Page, str]:
    """Page `p` of a desk list (50 rows) and the list's other parameters for the pager links."""
    params = request.GET.copy()
    params.pop("p", None)
    paginator = CappedPaginator(queryset, 50, count=count)
    return paginator.get_page(request.GET.get("p")), params.urlencode()


def _versions_pinned(view):
    """Read-only pages: the content versions are read once for every cached part (the filter
    choices, the report, the menu)."""

    @wraps(view)
    def pinned(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with versions_pinned():
            return view(request, *args, **kwargs)

    return pinned


@never_cache
@require_http_methods(["GET", "HEAD"])
@_versions_pinned
@_staff
def inquiry_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    topic = request.GET.get("topic", "")
    channel = request.GET.get("channel", "")
    filters = selectors.InquiryFilters(
        status=status if status in Status.values else "",
        assignee=request.GET.get("assignee", "")[:20],
        overdue=request.GET.get("overdue") == "1",
        question_kind=kind if kind in QuestionKind.values else "",
        topic=topic if topic in access.topics_for(request.user) else "",
        topic_field=request.GET.get("thema", "")[:60],
        district=request.GET.get("kreis", "")[:8],
        channel=channel if channel in Channel.values else "",
    )
    today = timezone.localdate()
    inquiries = selectors.inquiries_list(user=request.user, filters=filters, today=today)
    # The pager's count and the overdue count in one statement.
    count, overdue_count = selectors.counts_upto(
        inquiries, selectors.inquiries_for_user(user=request.user).overdue(today)
    )
    page, query = _page(request, inquiries, count=count)
    reference = selectors.inbox_reference()
    return render(
        request,
        "desk/admin/list.html",
        {
            "title": _("Anfragen"),
            "page": page,
            "rows": selectors.inbox_rows(page.object_list, today=today),
            "filters": filters,
            "statuses": reference.statuses,
            "kinds": reference.kinds,
            "topics": [(t, Topic(t).label) for t in access.topics_for(request.user)],
            "topic_fields": reference.topic_fields,
            "districts": reference.districts,
            "channels": reference.channels,
            "assignees": selectors.assignee_options(),
            "may_log": access.user_may_handle(user=request.user, topic=Topic.GENERAL),
            "overdue_count": overdue_count,
            "count_cap": selectors.COUNT_CAP,
            "query": query,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@_staff
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
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
            "notes": selectors.inquiry_notes(inquiry=inquiry),
            "note_form": NoteForm(),
            "referrals": selectors.inquiry_referrals(inquiry=inquiry),
            "referral_form": ReferralForm()
            if inquiry.topic == Topic.GENERAL
            and inquiry.status != Status.CLOSED
            and not inquiry.personal_data_deleted
            else None,
        },
    )


def _post_action(target: _Target, form_class, service, *fields: str, form_kwargs=None):
    """A back-office POST action on an inquiry or a partner's referral (`target`):
    `service(<target.keyword>=obj, user=…, <field>=<cleaned value>…)`; errors and success as
    admin messages, back to the object's page."""

    @require_POST
    @target.guard
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        obj = target.fetch(request, pk)
        form = form_class(request.POST, **(form_kwargs(obj) if form_kwargs else {}))
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(target.detail, pk=obj.pk)
        data = form.cleaned_data
        try:
            service(**{target.keyword: obj}, user=request.user, **{f: data[f] for f in fields})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Gespeichert."))
        return redirect(target.detail, pk=obj.pk)

    return view


inquiry_status = _post_action(_INQUIRY, StatusForm, services.inquiry_status_change, "status")
inquiry_assign = _post_action(
    _INQUIRY,
    AssignForm,
    services.inquiry_assign,
    "assignee",
    form_kwargs=lambda inquiry: {"users": selectors.assignee_choices(topic=inquiry.topic)},
)
inquiry_due_date = _post_action(_INQUIRY, DueDateForm, services.inquiry_due_date_set, "due_date")
inquiry_erase = _post_action(_INQUIRY, EraseForm, services.inquiry_personal_data_erase)


def _blank(value):
    return "" if value is None else value


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("jahr", "")
    if not (value.isascii() and value.isdigit() and len(value) == 4):  # "²" is a digit too
        return None
    return int(value) if 2000 <= int(value) <= 2100 else None


@never_cache
@require_http_methods(["GET", "HEAD"])
@_staff
def statistics(request: HttpRequest) -> HttpResponse:
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
@_staff
def statistics_csv(request: HttpRequest) -> HttpResponse:
    stats = selectors.desk_statistics(user=request.user, year=_year(request))
    data = new_dataset(
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


# --- The general desk: notes, referrals, staff-logged inquiries --------------------------------


inquiry_note = _post_action(_INQUIRY, NoteForm, services.inquiry_note_add, "text")
inquiry_refer = _post_action(
    _INQUIRY, ReferralForm, services.referral_create, "actors", "purpose", "consent"
)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@_staff
def inquiry_log(request: HttpRequest) -> HttpResponse:
    """Staff log an inquiry that came by phone or e-mail (channel recorded)."""
    if not access.user_may_handle(user=request.user, topic=Topic.GENERAL):
        return permission_denied(request, PermissionDenied())
    form = StaffInquiryForm(
        request.POST or None, consent_texts=selectors.consent_texts_current(), language="de"
    )
    if request.method == "POST" and form.is_valid():
        try:
            inquiry = services.submit_inquiry(
                **form.service_arguments(),
                language="de",
                channel=form.cleaned_data["channel"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Anfrage %(reference)s erfasst.") % {"reference": inquiry.reference}
            )
            return redirect("lotse_desk:detail", pk=inquiry.pk)
    return render(request, "desk/admin/log.html", {"title": _("Anfrage erfassen"), "form": form})


# --- The partner's inbox: referrals to their own organisations only ---------------------------


@never_cache
@require_http_methods(["GET", "HEAD"])
@_partners
def partner_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    filters = selectors.ReferralFilters(
        status=status if status in ReferralStatus.values else "",
        overdue=request.GET.get("overdue") == "1",
    )
    page, query = _page(request, selectors.partner_referrals(user=request.user, filters=filters))
    today = timezone.localdate()
    return render(
        request,
        "desk/admin/partner_list.html",
        {
            "title": _("Verweisungen an meine Organisation"),
            "page": page,
            "rows": [(referral, referral.is_overdue(today)) for referral in page.object_list],
            "filters": filters,
            "statuses": [
                (value, label)
                for value, label in ReferralStatus.choices
                if value in PARTNER_STATUSES
            ],
            "query": query,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
@_partners
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _partner_referral(request, pk)
    return render(
        request,
        "desk/admin/partner_detail.html",
        {
            "title": referral.inquiry.reference,
            "referral": referral,
            "inquiry": referral.inquiry,
            "overdue": referral.is_overdue(),
            "decline_form": DeclineForm(),
            "outcome_form": OutcomeForm(initial={"outcome": referral.outcome}),
        },
    )


partner_accept = _post_action(_REFERRAL, ConfirmForm, services.referral_accept)
partner_decline = _post_action(_REFERRAL, DeclineForm, services.referral_decline, "reason")
partner_outcome = _post_action(_REFERRAL, OutcomeForm, services.referral_outcome_set, "outcome")


# --- The monthly report (anonymised fact table, small cells suppressed) ----------------------


def _month(request: HttpRequest) -> str:
    value = request.GET.get("monat", "")
    valid = re.fullmatch(r"(20\d\d|2100)-(0[1-9]|1[0-2])", value)
    return value if valid else ""


@never_cache
@require_http_methods(["GET", "HEAD"])
@_versions_pinned
@_staff
def report(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    overdue = selectors.overdue_referrals(user=request.user)
    shown = selectors.overdue_referral_rows(overdue, limit=selectors.OVERDUE_REFERRALS_SHOWN)
    total = (
        selectors.count_upto(overdue)
        if len(shown) == selectors.OVERDUE_REFERRALS_SHOWN
        else len(shown)
    )
    return render(
        request,
        "desk/admin/report.html",
        {
            "title": _("Monatsbericht des Lotsendienstes"),
            "report_html": _report_html(month=month, topics=access.topics_for(request.user)),
            "overdue_referrals": shown,
            "overdue_referrals_more": total - len(shown),
            "overdue_referrals_capped": total > selectors.COUNT_CAP,
            "count_cap": selectors.COUNT_CAP,
        },
    )


def _report_html(*, month: str, topics: list[str]) -> str:
    """The report's tables, rendered once per month, topics and language and kept like the
    report itself (no personal data: the same for every staff member of these topics)."""

    def build() -> str:
        return render_to_string(
            "desk/admin/_report_tables.html",
            {
                "report": selectors.desk_report(month=month, topics=topics),
                "month": month,
                "min_cell": selectors.MIN_CELL,
            },
        )

    if not getattr(settings, "LOTSE_DESK_REPORT_CACHE_SECONDS", 300):
        return build()
    language = get_language() or "de"
    return versioned(
        f"desk.report-html:{language}:{month}:{','.join(sorted(topics))}",
        build,
        scopes=selectors.REPORT_SCOPES,
        timeout=settings.LOTSE_DESK_REPORT_CACHE_SECONDS,
    )


def report_dataset(report: selectors.DeskReport) -> "tablib.Dataset":
    data = new_dataset(
        headers=[
            _("Auswertung"),
            _("Wert"),
            _("Anfragen"),
            _("Erste Reaktion im Servicelevel (%)"),
            _("Annahme durch Partner im Servicelevel (%)"),
            _("Arbeitstage bis zur Reaktion (Median)"),
        ]
    )
    for caption, cells in [(_("Gesamt"), [report.total])] + [
        (caption, cells) for _name, caption, cells in report.tables
    ]:
        for cell in cells:
            data.append(
                [
                    caption,
                    cell.label,
                    _blank(cell.count) if cell.count is not None else f"< {selectors.MIN_CELL}",
                    _blank(cell.first_response_met_share),
                    _blank(cell.partner_acceptance_met_share),
                    _blank(cell.turnaround_median),
                ]
            )
    return data


@require_http_methods(["GET", "HEAD"])
@_staff
def report_csv(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    data = report_dataset(
        selectors.desk_report(month=month, topics=access.topics_for(request.user))
    )
    return dataset_response(data, fmt="csv", basename=f"lotsendienst-bericht-{month or 'gesamt'}")
