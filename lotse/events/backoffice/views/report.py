"""The structure report of an event (page, CSV/XLSX, PDF)."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from lotse.core.exports import dataset_response
from lotse.core.pdf import pdf_response

from ..pdf import report_pdf
from ..reports import chart, press_facts, report_dataset, structure_report
from .access import event_for, guarded


@guarded
@require_http_methods(["GET", "HEAD"])
def report(request, event_id: int):
    event = event_for(request, event_id)
    data = structure_report(event=event)
    fmt = request.GET.get("format")
    if fmt == "csv":
        return dataset_response(report_dataset(data), fmt="csv", basename=f"struktur-{event.slug}")
    if fmt == "pdf":
        return pdf_response(report_pdf(report=data), f"struktur-{event.slug}.pdf")
    sections = [
        (key, title, rows, chart(rows, metric="registered")) for key, title, rows in data.sections
    ]
    return render(
        request,
        "events/admin/report.html",
        {
            "event": event,
            "report": data,
            "sections": sections,
            "press": press_facts(data),
        },
    )
