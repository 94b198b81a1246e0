"""The demo of the Wegweiser: 300 completed checks over districts and sizes, one demo plan whose
link `demo_accounts` prints, idempotent; the comparison and "Bedarf und Angebot" show data."""

from io import StringIO

import pytest
from django.core.management import call_command

from lotse.demo import guidance as demo
from lotse.guidance.demand import demand
from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_by_token, comparison

pytestmark = pytest.mark.django_db


def test_demo_checks_and_plan(client, version):
    lines = demo.load()
    assert any(demo.DEMO_PLAN_PATH in line for line in lines)
    demo_checks = CompanyCheck.objects.filter(sector_query__endswith="(Demo)")
    assert demo_checks.count() == demo.DEMO_CHECKS + 1
    completed = CompanyCheck.objects.filter(completed_at__isnull=False)
    assert completed.count() >= demo.DEMO_CHECKS
    assert completed.values("district").distinct().count() == 13
    assert completed.values("size_class").distinct().count() == 4
    assert demo.load() == []  # idempotent
    assert CompanyCheck.objects.count() == demo.DEMO_CHECKS + 1

    response = client.get(demo.DEMO_PLAN_PATH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zeit für einen erneuten Check" in html  # completed 200 days ago
    plan_check = check_by_token(token=demo.DEMO_TOKEN)
    assert any(item.enough for item in comparison(check=plan_check).modules)
    assert any(row.checks >= 5 for row in demand().rows)

    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert f"http://127.0.0.1:8000{demo.DEMO_PLAN_PATH}" in out.getvalue()
    out = StringIO()  # `make run PORT=8765` prints the address it serves
    call_command("demo_accounts", "--port", "8765", stdout=out)
    assert f"http://127.0.0.1:8765{demo.DEMO_PLAN_PATH}" in out.getvalue()
