"""PDF documents for the staff: badges, participant list, check-in list."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from lotse.core.pdf import pdf_response

from ...models import (
    Site,
)
from ..pdf import badges_pdf, checkin_list_pdf, participant_list_pdf
from .access import event_for, guarded


@guarded
@require_http_methods(["GET", "HEAD"])
def badges(request, event_id: int):
    event = event_for(request, event_id, staff=True)
    site = None
    if request.GET.get("site"):
        site = get_object_or_404(event.sites, pk=request.GET["site"])
    return pdf_response(badges_pdf(event=event, site=site), f"namensschilder-{event.slug}.pdf")


@guarded
@require_http_methods(["GET", "HEAD"])
def participant_list(request, event_id: int):
    event = event_for(request, event_id, staff=True)
    return pdf_response(participant_list_pdf(event=event), f"teilnehmende-{event.slug}.pdf")


@guarded
@require_http_methods(["GET", "HEAD"])
def checkin_list(request, site_id: int):
    site = get_object_or_404(Site.objects.select_related("event"), pk=site_id)
    event_for(request, site.event_id, staff=True)
    return pdf_response(
        checkin_list_pdf(site=site), f"einlassliste-{site.event.slug}-{site.pk}.pdf"
    )
