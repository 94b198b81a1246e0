"""The Wegweiser's bench data and targets: the generator stores the full answer set under the
bench link; the three targets answer with what run.py checks (`expect_text`)."""

import json

import pytest

from bench.generators.guidance import generate
from bench.scenarios import GUIDANCE_TOKEN, TARGETS, guidance_answers
from lotse.guidance.models import CompanyCheck, Question

pytestmark = pytest.mark.django_db


def test_generator_and_targets(client):
    first = generate(scale=1, seed=1)
    assert "answers" in first
    generate(scale=1, seed=1)  # idempotent
    assert CompanyCheck.objects.count() == 1
    answers = guidance_answers()
    check = CompanyCheck.objects.get()
    assert len(answers) == Question.objects.filter(module__version=check.version).count()
    assert set(answers.values()) >= {"ja", "nein", "teilweise"}
    targets = {target.name: target for target in TARGETS if target.module == "guidance"}
    assert set(targets) == {"guidance-evaluate", "guidance-plan", "guidance-pdf"}
    for target in targets.values():
        if target.method == "POST":
            response = client.post(
                target.path, target.body, content_type=target.headers["Content-Type"]
            )
            assert len(json.loads(target.body)["answers"]) == len(answers)
        else:
            response = client.get(target.path)
        assert response.status_code == 200, target.name
        assert target.expect_text.encode() in response.content, target.name
    assert GUIDANCE_TOKEN in targets["guidance-plan"].path
