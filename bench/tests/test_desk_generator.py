"""The desk's benchmark data and targets (no timing): the generator, its staff session, and the
fixed-body POST of the public form."""

import pytest
from django.conf import settings
from django.test import Client

from bench import scenarios
from bench.generators import desk
from lotse.desk.models import Inquiry, InquiryFact

pytestmark = pytest.mark.django_db


def test_generate_is_idempotent_and_the_staff_targets_answer(monkeypatch):
    monkeypatch.setattr(desk, "PER_SCALE", 60)
    desk.generate(scale=1, seed=1)
    desk.generate(scale=1, seed=1)
    assert Inquiry.objects.filter(reference__startswith="LD-BENCH-").count() == 60
    assert InquiryFact.objects.count() == 60
    context = desk.bench_context()
    cookie = context.pop("cookie")
    name, value = cookie.split("=", 1)
    client = Client()
    client.cookies[name] = value
    for target in scenarios.TARGETS:
        if target.module == "desk" and target.login:
            response = client.get(target.path.format(**context))
            assert response.status_code == target.expect_status, target.name
            if "overdue" not in target.path:
                assert target.expect_text in response.content.decode(), target.name


def test_the_form_post_target_stores_an_inquiry():
    target = next(t for t in scenarios.TARGETS if t.name == "desk-form-post")
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = scenarios.BENCH_CSRF
    response = client.generic(
        "POST", target.path, target.body, content_type=target.headers["Content-Type"]
    )
    assert response.status_code == target.expect_status
    assert Inquiry.objects.filter(contact_email="bench-form@bench.lotse.example").exists()
