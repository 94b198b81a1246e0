"""The Einwanderungs-Check's bench targets answer what run.py measures: the evaluation API and
the result page, the latter under its own path (run.py's first check) and under every kind of
variant the load sends (each day, salary and district), never the 400 of incomplete answers."""

import pytest

from bench.generators.migration import generate
from bench.run import VARIANTS_WARMUP
from bench.scenarios import MIGRATION_DISTRICTS, TARGETS

pytestmark = pytest.mark.django_db

# One request per district, then the first and last day and the highest salary of the cycle.
VARIANT_NUMBERS = [
    *range(len(MIGRATION_DISTRICTS)),
    999,
    19_999,
    VARIANTS_WARMUP,
    VARIANTS_WARMUP + 1,
]


def _targets() -> dict:
    return {target.name: target for target in TARGETS if target.module == "migration"}


def test_targets_answer_what_run_checks(client):
    generate(scale=1, seed=1)
    targets = _targets()
    assert set(targets) == {"migration-evaluate", "migration-result"}
    evaluate = targets["migration-evaluate"]
    response = client.post(
        evaluate.path, evaluate.body, content_type=evaluate.headers["Content-Type"]
    )
    assert response.status_code == evaluate.expect_status == 200
    assert evaluate.expect_text.encode() in response.content
    result = targets["migration-result"]
    assert result.variant is not None
    paths = [result.path, *(result.variant(n) for n in VARIANT_NUMBERS)]
    for path in paths:
        response = client.get(path)
        assert response.status_code == result.expect_status == 200, path
        assert result.expect_text.encode() in response.content, path


def test_result_variants_differ_between_warm_up_and_measurement():
    result = _targets()["migration-result"]
    warm_up = set(result.paths(0, 400))
    measured = result.paths(VARIANTS_WARMUP, 400)
    assert len(set(measured)) == 400 and not warm_up & set(measured)
