"""PDF documents with WeasyPrint: one way to render them and one way to send them."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # imported on use: WeasyPrint loads Pango at import

    return HTML(string=html, base_url=base_url).write_pdf()


def render_pdf(template: str, context: dict, *, request: HttpRequest | None = None) -> bytes:
    """Render a template to PDF bytes (relative URLs resolved against the request's host)."""
    html = render_to_string(template, context, request=request)
    return html_to_pdf(html, base_url=request.build_absolute_uri("/") if request else None)


def pdf_response(
    content: bytes, filename: str, *, inline: bool = False, private: bool = True
) -> HttpResponse:
    """The PDF as a download (or shown inline); `private`: never stored by caches."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if private:
        response["Cache-Control"] = "no-store"
    return response
