import json, cProfile, pstats, time
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lotse.guidance.selectors import check_by_token, questions_for
from lotse.guidance.services import check_module_answer
from tests.guidance.conftest import start_check, version, zwickau, _german  # noqa
from bench.scenarios import guidance_answers, guidance_payload

pytestmark = pytest.mark.django_db

def test_q(client, version, zwickau):
    check, token = start_check(version, zwickau, sector_query="Elektroinstallation", wz_code="43.21")
    answers = guidance_answers()
    for module in version.modules.all():
        keys = {q.key for q in questions_for(module=module, check=check)}
        if keys:
            check_module_answer(check=check, module_key=module.key, answers={k: v for k, v in answers.items() if k in keys})
    url = reverse("guidance:plan", args=[token])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    print("PLAN", len(ctx.captured_queries))
    for q in ctx.captured_queries: print("  ", q["time"], q["sql"][:300])
    body = json.dumps(guidance_payload())
    client.post("/api/v1/checks/evaluate", body, content_type="application/json")
    with CaptureQueriesContext(connection) as ctx:
        r = client.post("/api/v1/checks/evaluate", body, content_type="application/json")
    print("EVAL", r.status_code, len(ctx.captured_queries))
    for q in ctx.captured_queries: print("  ", q["time"], q["sql"][:300])
    for name, fn in [("plan", lambda: client.get(url)), ("eval", lambda: client.post("/api/v1/checks/evaluate", body, content_type="application/json"))]:
        pr = cProfile.Profile(); s=time.process_time(); pr.enable()
        for i in range(10): fn()
        pr.disable(); print(name, "cpu ms", (time.process_time()-s)*100)
        pstats.Stats(pr).sort_stats("cumulative").print_stats(45)
