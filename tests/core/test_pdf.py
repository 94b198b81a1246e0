"""PDFs are rendered in a child process (lotse/core/pdf.py, decision 0031)."""

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


# Renders one PDF and computes a desk deadline in a fresh process and reports which of the
# large packages were loaded there: the children load them, the calling process must not.
PROBE = """
import datetime
import sys
import django
django.setup()
from lotse.core.pdf import html_to_pdf
from lotse.desk.workdays import add_working_days
document = html_to_pdf("<p>Lotse</p>")
due = add_working_days(datetime.date(2025, 11, 18), 1)
print(document[:5].decode(), due.isoformat(), ",".join(
    name
    for name in ("weasyprint", "fontTools", "pydyf", "tinycss2", "holidays", "dateutil")
    if name in sys.modules
) or "-")
"""


def test_the_calling_process_loads_neither_weasyprint_nor_holidays():
    result = python("-c", PROBE, env=production_env(DATABASE_URL="sqlite:///:memory:"))
    assert result.returncode == 0, result.stderr
    # 19 November 2025 is Buß- und Bettag in Saxony: the next working day is the 20th.
    assert result.stdout.split() == ["%PDF-", "2025-11-20", "-"]
