"""PDFs are rendered in a child process (lotse/core/pdf.py, decision 0031)."""

import os

import pytest

from lotse.core import pdf
from tests.core.test_security import production_env
from tests.processes import python

HTML = (
    "<html><head><style>body { font-family: 'DejaVu Sans'; }</style></head>"
    "<body><h1>Grüße aus Chemnitz</h1><p>" + "Fachkräfte " * 300 + "</p></body></html>"
)


def test_the_child_renders_the_same_bytes_as_weasyprint_here():
    rendered = pdf.html_to_pdf(HTML, base_url="https://lotse.example/")
    assert rendered.startswith(b"%PDF-")
    assert rendered == pdf._write_pdf(HTML, "https://lotse.example/")


# Renders one PDF in a fresh process and reports whether WeasyPrint (or what it imports) was
# loaded there: the child loads it, the calling process must not.
PROBE = """
import sys
import django
django.setup()
from lotse.core.pdf import html_to_pdf
document = html_to_pdf("<p>Lotse</p>")
print(document[:5].decode(), ",".join(
    name for name in ("weasyprint", "fontTools", "pydyf", "tinycss2") if name in sys.modules
) or "-")
"""


def test_the_calling_process_does_not_load_weasyprint():
    result = python("-c", PROBE, env=production_env(DATABASE_URL="sqlite:///:memory:"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["%PDF-", "-"]


def test_an_error_in_the_child_is_raised_in_the_caller(monkeypatch):
    def fail(html, base_url):
        raise ValueError(f"kaputt: {html}")

    monkeypatch.setattr(pdf, "_write_pdf", fail)
    with pytest.raises(ValueError, match="kaputt: <p>x</p>"):
        pdf.html_to_pdf("<p>x</p>")


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not picklable")


def test_an_unpicklable_error_comes_back_with_its_traceback(monkeypatch):
    def fail(html, base_url):
        raise Unpicklable("geht nicht")

    monkeypatch.setattr(pdf, "_write_pdf", fail)
    with pytest.raises(pdf.PdfRenderError, match="Unpicklable: geht nicht"):
        pdf.html_to_pdf("<p>x</p>")


def test_a_child_that_ends_without_an_answer_is_an_error(monkeypatch):
    monkeypatch.setattr(pdf, "_write_pdf", lambda html, base_url: os._exit(3))
    with pytest.raises(pdf.PdfRenderError, match="ended with 3"):
        pdf.html_to_pdf("<p>x</p>")
