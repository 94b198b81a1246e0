"""PDF documents with WeasyPrint: one way to render them and one way to send them.

WeasyPrint is rendered in a short-lived child process (decision 0031). Importing it (fontTools,
Pango through cffi) and its first document (fontconfig, the fonts) add about 45 MB to a
process, and the renderings after it another 10 MB of caches and freed blocks the allocator
keeps: an app-server worker that made one PDF held that memory until it was replaced. The child
is a fork of the calling process (it has the application and the HTML already), renders, sends
the bytes back through a pipe and ends; its memory goes with it. The price is WeasyPrint's
import and set-up in each child, a few hundred milliseconds of CPU per PDF on top of the
rendering, on the rare paths that make one (stored plan PDFs are served without rendering).
"""

from __future__ import annotations

import os
import pickle
import traceback

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

# The first byte of the child's answer: the PDF follows, or a pickled exception.
_DONE = b"\x00"
_FAILED = b"\x01"


class PdfRenderError(RuntimeError):
    """The child failed in a way that could not be passed on as the original exception."""


def _write_pdf(html: str, base_url: str | None) -> bytes:
    from weasyprint import HTML  # only ever imported in the child (or without fork)

    return HTML(string=html, base_url=base_url).write_pdf()


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The HTML as PDF bytes, rendered in a child process where the system can fork."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: no fork, render here
        return _write_pdf(html, base_url)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        os.close(read_end)
        _render_in_child(write_end, html, base_url)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read()
    finally:
        _pid, status = os.waitpid(pid, 0)  # always reaped, even if reading failed
    return _result(answer, os.waitstatus_to_exitcode(status))


def _render_in_child(write_end: int, html: str, base_url: str | None) -> None:  # pragma: no cover
    """Render, write the answer, end without running the parent's exit handlers or finalisers
    (they belong to the parent: database connections, gunicorn's worker state)."""
    code = 0
    try:
        try:
            answer = _DONE + _write_pdf(html, base_url)
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            code = 1
            answer = _FAILED + _pickled_error(error)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(answer)
    finally:
        os._exit(code)


def _pickled_error(error: BaseException) -> bytes:
    """The exception itself if it survives pickling, else its traceback as text."""
    try:
        data = pickle.dumps(error)
        pickle.loads(data)  # noqa: S301 - our own bytes, checked before they are sent
    except Exception:  # noqa: BLE001 - not picklable: send the text
        text = "".join(traceback.format_exception(error))
        return pickle.dumps(PdfRenderError(f"PDF rendering failed in the child:\n{text}"))
    return data


def _result(answer: bytes, exit_code: int) -> bytes:
    if answer[:1] == _DONE and exit_code == 0:
        return answer[1:]
    if answer[:1] == _FAILED:
        raise pickle.loads(answer[1:])  # noqa: S301 - written by our own child process
    raise PdfRenderError(f"the PDF child process ended with {exit_code} without an answer")


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
