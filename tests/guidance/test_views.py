"""The public pages: start, profile, modules, plan, PDF, delete; bad input changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

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
    translation.activate("de")

    confirm = client.get(reverse("guidance:delete", args=[token]))
    assert confirm.status_code == 200
    assert CompanyCheck.objects.count() == 1  # GET only asks
    response = client.post(reverse("guidance:delete", args=[token]))
    assert response.status_code == 302
    assert CompanyCheck.objects.count() == 0
    assert client.get(reverse("guidance:plan", args=[token])).status_code == 404


def test_tampered_token_gets_a_german_page_and_changes_nothing(client, started):
    check, token = started
    tampered = token[:-2] + ("xy" if not token.endswith("xy") else "zz")
    before = CompanyCheck.objects.values().get()
    for name, args in (
        ("guidance:plan", [tampered]),
        ("guidance:profile_edit", [tampered]),
        ("guidance:module", [tampered, "arbeitsschutz"]),
        ("guidance:pdf", [tampered]),
        ("guidance:delete", [tampered]),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 404
        assert "Dieser Link ist ungültig" in response.content.decode()
    response = client.post(reverse("guidance:delete", args=[tampered]))
    assert response.status_code == 404
    response = client.post(reverse("guidance:module", args=[tampered, "arbeitsschutz"]), {})
    assert response.status_code == 404
    assert CompanyCheck.objects.values().get() == before


def test_forged_question_field_is_refused_in_german(client, started, version):
    _check, token = started
    answers = module_answers(version, "arbeitsschutz")
    response = post_answers(client, token, "arbeitsschutz", answers, {"q_bildet-aus": "ja"})
    assert response.status_code == 400
    assert "Die Antworten passen nicht zu den Fragen dieses Moduls" in response.content.decode()
    assert CompanyCheck.objects.get().answers == {}


def test_missing_and_invalid_answers_are_refused_in_german(client, started, version):
    _check, token = started
    answers = module_answers(version, "arbeitsschutz")
    answers["bem"] = "vielleicht"
    answers.pop("unterweisung")
    response = post_answers(client, token, "arbeitsschutz", answers)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Antwort." in html
    assert "Bitte wählen Sie eine der angebotenen Antworten." in html
    assert CompanyCheck.objects.get().answers == {}


@pytest.mark.parametrize("field", ["size_class", "district", "sector_query", "wz_code", "modules"])
def test_one_megabyte_field_is_refused_in_german(client, version, field):
    data = {"size_class": "1-9", "district": "zwickau", "modules": ["tarif"]}
    data[field] = "x" * 1_000_000
    response = client.post(reverse("guidance:profile"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert not CompanyCheck.objects.exists()


def test_one_megabyte_answer_is_refused_in_german(client, started, version):
    _check, token = started
    answers = module_answers(version, "arbeitsschutz")
    answers["bem"] = "x" * 1_000_000
    response = post_answers(client, token, "arbeitsschutz", answers)
    assert response.status_code == 400
    assert "Bitte wählen Sie eine der angebotenen Antworten." in response.content.decode()
    assert CompanyCheck.objects.get().answers == {}


def test_several_megabytes_are_refused_in_german(client, version):
    huge = "x" * 1_000_000
    data = dict.fromkeys(("size_class", "district", "sector_query", "wz_code"), huge)
    response = client.post(reverse("guidance:profile"), data)
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
    # beyond DATA_UPLOAD_MAX_MEMORY_SIZE (5 MB): the German 400 page
    data.update({"trainees": huge, "older_share": huge})
    response = client.post(reverse("guidance:profile"), data)
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    assert not CompanyCheck.objects.exists()


def test_unknown_wz_code_in_the_form(client, version):
    response = client.post(
        reverse("guidance:profile"),
        {"size_class": "1-9", "district": "zwickau", "wz_code": "99.99", "modules": ["tarif"]},
    )
    assert response.status_code == 400
    assert "ist weder in der WZ 2008 noch in der WZ 2025 bekannt" in response.content.decode()
    assert not CompanyCheck.objects.exists()


def test_english_messages_on_en(client, version):
    response = client.post("/en/wegweiser/profil/", {"district": "zwickau"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please choose the size of your company." in html
    assert "Please choose at least one module." in html


def test_plan_without_answers_and_tariff_without_sector(client, started):
    _check, token = started
    html = client.get(reverse("guidance:plan", args=[token])).content.decode()
    assert "Sobald Sie ein Modul vollständig beantwortet haben" in html
    html = client.get(reverse("guidance:module", args=[token, "tarif"])).content.decode()
    assert "Branche im Profil angeben" in html


def test_unknown_module_is_404(client, started):
    _check, token = started
    assert client.get(reverse("guidance:module", args=[token, "erfunden"])).status_code == 404


def test_profile_edit_prefills_and_saves(client, started):
    check, token = started
    url = reverse("guidance:profile_edit", args=[token])
    assert 'value="zwickau" selected' in client.get(url).content.decode()
    response = client.post(
        url, {"size_class": "250+", "district": "leipzig", "modules": ["arbeitsschutz"]}
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.size_class, check.district.slug, check.modules) == (
        "250+",
        "leipzig",
        ["arbeitsschutz"],
    )


def test_new_checks_are_rate_limited(client, version, settings):
    settings.LOTSE_GUIDANCE_START_RATE = "2/m"
    data = {"size_class": "1-9", "district": "zwickau", "modules": ["tarif"]}
    assert client.post(reverse("guidance:profile"), data).status_code == 302
    assert client.post(reverse("guidance:profile"), data).status_code == 302
    assert client.post(reverse("guidance:profile"), data).status_code == 429
    assert CompanyCheck.objects.count() == 2


def test_empty_posts_show_the_german_errors(client, started):
    # found by the fuzz test: an empty POST body made an unbound form (400 without a message)
    _check, token = started
    response = client.post(reverse("guidance:profile"), {})
    assert response.status_code == 400
    assert "Bitte wählen Sie die Größe Ihres Betriebs." in response.content.decode()
    response = client.post(reverse("guidance:module", args=[token, "arbeitsschutz"]), {})
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Antwort." in response.content.decode()
    response = client.post(reverse("guidance:profile_edit", args=[token]), {})
    assert response.status_code == 400
    assert CompanyCheck.objects.get().answers == {}


def test_knowledge_article_linked_from_question_and_measure(client, started, version):
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    article = root.add_child(
        instance=Page(title="Teilqualifizierung erklärt", slug="teilqualifizierung")
    )
    _check, token = started
    html = client.get(reverse("guidance:module", args=[token, "weiterbildung"])).content.decode()
    assert f'href="{article.url}"' in html
    assert "Teilqualifizierung erklärt" in html
    answers = module_answers(version, "weiterbildung", "nein")
    post_answers(client, token, "weiterbildung", answers)
    html = client.get(reverse("guidance:plan", args=[token])).content.decode()
    assert "Zum Weiterlesen:" in html
    assert f'href="{article.url}">Teilqualifizierung erklärt</a>' in html
    # an article that does not exist is not linked (no dead end)
    html = client.get(reverse("guidance:module", args=[token, "einwanderung"])).content.decode()
    assert "Mehr dazu im Wissensartikel" not in html


def test_question_rows_use_the_project_field_template(client, started):
    """Each question is a fieldset with legend from forms/field.html; the "Warum fragen wir
    das?" block describes the group; an error names the group's error text too."""
    _check, token = started
    url = reverse("guidance:module", args=[token, "arbeitsschutz"])
    html = client.get(url).content.decode()
    assert 'id="id_q_gefaehrdungsbeurteilung"' in html
    assert 'aria-describedby="id_q_gefaehrdungsbeurteilung-why"' in html
    assert 'id="id_q_gefaehrdungsbeurteilung-why"' in html
    assert "<legend" in html and "1. " in html
    assert 'class="kern-form-check__radio"' in html
    response = client.post(url, {"q_gefaehrdungsbeurteilung": "ja"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-describedby="id_q_unterweisung-why id_q_unterweisung_error"' in html, (
        "the error text is named as well"
    )
