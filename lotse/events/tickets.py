"""The ticket: a QR code (segno) carrying the short code, and a one-page PDF (WeasyPrint)."""

from __future__ import annotations

import base64
import io

from django.template.loader import render_to_string

from lotse.core.pdf import html_to_pdf

from .models import Registration

QR_PREFIX = "LOTSE-EVENT:"


def qr_payload(registration: Registration) -> str:
    """What the QR code holds: a prefix and the short ticket code (no personal data)."""
    return f"{QR_PREFIX}{registration.code}"


def qr_png(registration: Registration, *, scale: int = 6) -> bytes:
    import segno  # imported on use, like WeasyPrint: the package costs every app server ~3 MB

    buffer = io.BytesIO()
    segno.make(qr_payload(registration), error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(registration: Registration, *, scale: int = 6) -> bytes:
    import segno

    buffer = io.BytesIO()
    segno.make(qr_payload(registration), error="m").save(
        buffer, kind="svg", scale=scale, border=2, title=f"Ticket {registration.code}"
    )
    return buffer.getvalue()


def ticket_pdf(registration: Registration, *, manage_url: str = "") -> bytes:
    """The ticket as a PDF: event, date, site, name, QR code and short code."""
    png = base64.b64encode(qr_png(registration, scale=8)).decode()
    html = render_to_string(
        "events/ticket_pdf.html",
        {
            "registration": registration,
            "event": registration.event,
            "site": registration.site,
            "qr_data_uri": f"data:image/png;base64,{png}",
            "manage_url": manage_url,
        },
    )
    return html_to_pdf(html)
