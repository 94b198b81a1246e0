"""The Wegweiser's bench data and targets: the generator stores the full answer set under the
bench link and the varied plans; the targets answer with what run.py checks (`expect_text`)."""

import json

import pytest

from bench.generators.guidance import generate
from bench.run import VARIANTS_WARMUP
from bench.scenarios import (
    GUIDANCE_TOKEN,
    GUIDANCE_VARIED_PLANS,
    TARGETS,
    guidance_answers,
    guidance_varied_token,
)
from lotse.guidance.models import CompanyCheck, Question
from lotse.guidance.selectors import token_hash

pytestmark = pytest.mark.django_db


def test_generator_and_targets(client):
    first = generate(scale=1, seed=1)
    assert "answers" in first
    generate(scale=1, seed=1)  # idempotent
    assert CompanyCheck.objects.count() == 1 + GUIDANCE_VARIED_PLANS
    answers = guidance_answers()
    check = CompanyCheck.objects.get(token_hash=token_hash(GUIDANCE_TOKEN))
    assert len(answers) == Question.objects.filter(module__version=check.version).count()
    assert set(answers.values()) >= {"ja", "nein", "teilweise"}
    targets = {target.name: target for target in TARGETS if target.module == "guidance"}
    assert set(targets) == {
        "guidance-evaluate",
        "guidance-plan",
        "guidance-pdf",
        "guidance-pdf-varied",
    }
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


def test_varied_pdf_paths_are_other_plans_than_the_warm_up():
    varied = next(target for target in TARGETS if target.name == "guidance-pdf-varied")
    warm_up = set(varied.paths(0, 400))
    measured = varied.paths(VARIANTS_WARMUP, 900)
    assert len(set(measured)) == 900 and not warm_up & set(measured)
    assert measured[0].endswith(f"/{guidance_varied_token(VARIANTS_WARMUP)}/plan.pdf")
