"""The attendance certificate (Teilnahmebescheinigung) that goes with the thank-you mail."""

from django.template.loader import render_to_string

from lotse.core.pdf import html_to_pdf

from .models import Registration


def certificate_html(*, registration: Registration) -> str:
    """Teilnahmebescheinigung for one person who was checked in."""
    return render_to_string(
        "events/pdf/certificate.html",
        {"registration": registration, "event": registration.event, "site": registration.site},
    )


def certificate_pdf(*, registration: Registration) -> bytes:
    return html_to_pdf(certificate_html(registration=registration))
