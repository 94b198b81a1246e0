"""Public pages of the desk: the Tarif inquiry form and its confirmation (thin views)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import InquiryForm
from .models import Topic

SESSION_KEY = "lotse_desk_reference"


@never_cache
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
