"""The public pages: start, profile, modules, plan, PDF, delete; bad input changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from lotse.guidance.models import CompanyCheck

from .conftest import module_answers

pytestmark = pytest.mark.django_db


def post_answers(client, token, key, answers, extra=None):
    data = {f"q_{k}": v for k, v in answers.items()}
    data.update(extra or {})
    return client.post(reverse("guidance:module", args=[token, key]), data)


def test_journey_profile_modules_plan_pdf_delete(client, version):
    assert client.get(reverse("guidance:start")).status_code == 200
    response = client.get(reverse("guidance:profile"))
    assert response.status_code == 200
    response = client.post(
        reverse("guidance:profile"),
        {
            "size_class": "1-9",
            "district": "zwickau",
            "sector_query": "Bäckerei",
            "wz_code": "10.71",
            "modules": ["arbeitsschutz", "ausbildung", "tarif"],
        },
    )
    assert response.status_code == 302
    check = CompanyCheck.objects.get()
    assert check.wz_section == "C"
    token = response.url.split("/plan/")[1].split("/")[0]
    assert len(token) >= 43  # 32 random bytes
    assert check.token_hash != token and token not in check.token_hash
    # the first chosen module in the version's order
    assert response.url == reverse("guidance:module", args=[token, "ausbildung"])
    page = client.get(response.url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    assert "Warum fragen wir das?" in page.content.decode()

    answers = module_answers(version, "ausbildung", "ja")
    response = post_answers(client, token, "ausbildung", answers)
    assert response.status_code == 302
    assert response.url == reverse("guidance:module", args=[token, "arbeitsschutz"])
    answers = module_answers(version, "arbeitsschutz", "ja", gefaehrdungsbeurteilung="nein")
    response = post_answers(client, token, "arbeitsschutz", answers)
    assert response.url == reverse("guidance:plan", args=[token])

    plan = client.get(response.url)
    html = plan.content.decode()
    assert plan.status_code == 200
    assert "no-store" in plan["Cache-Control"]
    assert "Gefährdungsbeurteilung erstellen und dokumentieren" in html
    assert "gesetzliche Pflicht" in html
    assert "dringend" in html
    assert client.get(reverse("guidance:module", args=[token, "tarif"])).status_code == 200

    pdf = client.get(reverse("guidance:pdf", args=[token]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    english = Client().get(f"/en/wegweiser/plan/{token}/")
    assert "Your action plan" in english.content.decode()

    confirm = client.get(reverse("guidance:delete", args=[token]))
    assert confirm.status_code == 200
    assert CompanyCheck.objects.count() == 1  # GET only asks
    response = client.post(reverse("guidance:delete", args=[token]))
    assert response.status_code == 302
    assert CompanyCheck.objects.count() == 0
    assert client.get(reverse("guidance:plan", args=[token])).status_code == 404
