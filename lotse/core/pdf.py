"""PDF documents with WeasyPrint: one way to render them and one way to send them.

WeasyPrint renders in a short-lived child process (`lotse.core.isolated`, decision 0031):
importing it (fontTools, Pango through cffi) and its first document (fontconfig, the fonts)
add about 45 MB to a process, the documents after it another 10 MB of caches and blocks the
allocator keeps, and an app-server worker that had made one PDF held all of it until it was
replaced. The child has the HTML already, renders, sends the bytes back and ends. The price is
WeasyPrint's import and set-up in each child, about 0.3–0.5 s of CPU on top of the rendering,
on the rare paths that make a PDF (stored plan PDFs are served without rendering).
"""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from .isolated import call_in_child


def _write_pdf(html: str, base_url: str | None) -> bytes:
    from weasyprint import HTML  # only ever imported in the child

    return HTML(string=html, base_url=base_url).write_pdf()


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The HTML as PDF bytes (rendered in a child process)."""
    return call_in_child(_write_pdf, html, base_url)


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
