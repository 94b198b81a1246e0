"""The pure parts of bench/cluster.py: loopback checks, nginx configuration, verdicts, forms."""

import json
import subprocess
from pathlib import Path

import pytest

from bench import cluster

A, B = "127.0.0.1:8900", "127.0.0.1:8901"
KILL = 1000.0


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "::1"])
def test_loopback_addresses_pass(address):
    assert cluster.require_loopback(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "0.0.0.0",  # noqa: S104 - refused
        "192.168.1.5",
        "::",
        "localhost",
        "example.org",
        "",
    ],
)
def test_every_other_address_is_refused(address):
    with pytest.raises(ValueError, match="refusing"):
        cluster.require_loopback(address)


def test_service_urls_must_be_on_loopback():
    assert cluster.require_loopback_url("redis://127.0.0.1:6379/5")
    with pytest.raises(ValueError):
        cluster.require_loopback_url("postgres://postgres@db.internal:5432")
    with pytest.raises(ValueError):
        cluster.require_loopback_url("redis://10.1.2.3:6379/5")


def _config(tmp_path, upstreams=(("127.0.0.1", 8900), ("127.0.0.1", 8901))):
    return cluster.nginx_config(
        workdir=tmp_path,
        two=("127.0.0.1", 8902),
        one=("127.0.0.1", 8903),
        upstreams=list(upstreams),
    )


def test_nginx_config_balances_and_never_resends_a_post(tmp_path):
    config = _config(tmp_path)
    assert "server 127.0.0.1:8900 max_fails=1 fail_timeout=10s;" in config
    assert "server 127.0.0.1:8901 max_fails=1 fail_timeout=10s;" in config
    assert "listen 127.0.0.1:8902;" in config
    assert "listen 127.0.0.1:8903;" in config
    assert "proxy_next_upstream error timeout;" in config
    assert "non_idempotent" not in config.replace("`non_idempotent` is listed", "")
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in config
    # Every file nginx writes is below the work directory (unprivileged, no /var/log).
    for line in config.splitlines():
        if line.strip().startswith(("pid ", "error_log", "access_log", "client_body_temp")):
            assert str(tmp_path) in line


def test_nginx_config_refuses_other_addresses(tmp_path):
    with pytest.raises(ValueError):
        _config(tmp_path, upstreams=(("10.0.0.2", 8000),))
    with pytest.raises(ValueError):
        cluster.nginx_config(
            workdir=tmp_path,
            two=("0.0.0.0", 80),  # noqa: S104 - refused
            one=("127.0.0.1", 8903),
            upstreams=[("127.0.0.1", 8900)],
        )


@pytest.mark.skipif(not Path(cluster.NGINX).exists(), reason="nginx is not installed")
def test_nginx_accepts_the_configuration(tmp_path):
    """`nginx -t` parses the file (starts no server)."""
    path = tmp_path / "nginx.conf"
    path.write_text(_config(tmp_path))
    completed = subprocess.run(  # noqa: S603 - fixed binary, our file
        [cluster.NGINX, "-t", "-p", str(tmp_path), "-c", str(path), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "syntax is ok" in completed.stderr


def test_access_log_lines_are_parsed_and_a_partial_line_ignored():
    line = {"t": 1.5, "rt": 0.2, "m": "POST", "u": "/x/", "s": 502, "up": A, "us": "502"}
    text = json.dumps(line) + "\n" + '{"t":2.0,"rt":'
    assert cluster.parse_access_log(text) == [line]


def test_in_flight_means_started_before_and_ended_after_the_kill():
    assert cluster.in_flight({"t": KILL + 0.01, "rt": 0.5}, KILL)
    assert not cluster.in_flight({"t": KILL + 5, "rt": 0.5}, KILL)  # started after
    assert not cluster.in_flight({"t": KILL - 5, "rt": 0.5}, KILL)  # ended before


def test_sent_twice_counts_servers_that_received_bytes():
    assert not cluster.sent_twice({"sent": "0, 812"})  # refused, then the other server
    assert not cluster.sent_twice({"sent": "812"})
    assert cluster.sent_twice({"sent": "812, 812"})


def _counts(seated=50, booked=None, capacity=50):
    booked = seated if booked is None else booked
    return {
        f"Standort {n}": {"seated": seated, "booked": booked, "capacity": capacity} for n in (1, 2)
    }


def test_burst_passes_with_exact_seats_and_no_error():
    assert cluster.evaluate_burst({"errors": 0}, _counts(), 50).passed


@pytest.mark.parametrize(
    ("summary", "counts"),
    [({"errors": 1}, _counts()), ({"errors": 0}, _counts(49)), ({"errors": 0}, _counts(booked=49))],
)
def test_burst_fails_on_errors_or_wrong_counts(summary, counts):
    assert not cluster.evaluate_burst(summary, counts, 50).passed


def _kill_case(**changes):
    results = [
        {"number": 1, "outcome": "seated"},
        {"number": 2, "outcome": "waitlisted"},
        {"number": 3, "error": "ValueError: POST answered 502"},
    ]
    entries = [
        {"t": KILL + 0.01, "rt": 0.4, "m": "POST", "u": "/r/", "s": 502, "up": A, "sent": "700"},
        {
            "t": KILL + 2,
            "rt": 0.1,
            "m": "POST",
            "u": "/r/",
            "s": 302,
            "up": f"{A}, {B}",
            "sent": "0, 700",
        },
        {"t": KILL + 3, "rt": 0.1, "m": "GET", "u": "/r/", "s": 200, "up": B, "sent": "90"},
    ]
    case = {
        "results": results,
        "counts": _counts(),
        "emails": {"burst1@example.org", "burst2@example.org", "burst3@example.org"},
        "entries": entries,
        "kill_at": KILL,
        "killed": A,
        "survivor": B,
        "seats": 50,
    }
    case.update(changes)
    return case


def test_kill_passes_when_only_in_flight_requests_failed():
    step = cluster.evaluate_kill(**_kill_case())
    assert step.passed, step.checks
    assert step.details["client_errors"] == 1


def test_kill_fails_when_an_acknowledged_registration_is_missing():
    step = cluster.evaluate_kill(**_kill_case(emails={"burst1@example.org"}))
    assert not step.checks["every acknowledged registration exists"]
    assert step.details["acknowledged_missing"] == [2]


def test_kill_fails_on_an_error_outside_the_kill():
    case = _kill_case()
    case["entries"].append(
        {"t": KILL + 20, "rt": 0.1, "m": "GET", "u": "/x/", "s": 502, "up": B, "sent": "90"}
    )
    case["results"].append({"number": 4, "error": "ValueError: GET answered 502"})
    step = cluster.evaluate_kill(**case)
    assert not step.checks["errors only for requests in flight on the killed server"]


def test_kill_fails_when_a_post_reached_both_servers():
    case = _kill_case()
    case["entries"][1]["sent"] = "700, 700"
    assert not cluster.evaluate_kill(**case).checks["no POST sent to both servers"]


def test_kill_fails_when_counters_differ_from_rows_or_the_survivor_was_silent():
    assert not cluster.evaluate_kill(**_kill_case(counts=_counts(booked=48))).passed
    case = _kill_case()
    case["entries"] = case["entries"][:1]
    assert not cluster.evaluate_kill(**case).checks["the other server kept serving"]


def test_kill_fails_when_client_errors_outnumber_failed_requests():
    case = _kill_case()
    case["results"].append({"number": 5, "error": "OSError: reset"})
    assert not cluster.evaluate_kill(**case).checks["every client error is one of them"]


def test_fresh_needs_every_read_after_and_none_before_to_show_the_change():
    def case(before, after):
        return cluster.evaluate_fresh([{"what": "page", "fresh_before": before, "fresh": after}])

    assert case([False, False], [True, True]).passed
    assert not case([False, False], [True, False]).passed  # one worker stale
    assert not case([False, True], [True, True]).passed  # showed it already: proves nothing
    assert not case([False], []).passed
    assert not cluster.Step("nothing checked").passed


PAGE = """
<form action="/admin/logout/" method="post"><input name="csrfmiddlewaretoken" value="t"></form>
<form method="get" action="/admin/search/"><input name="q" value=""></form>
<form method="POST" action="">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="text" name="title" value="Alt &amp; gut">
  <input type="checkbox" name="public" checked>
  <input type="checkbox" name="hidden_flag">
  <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b" checked>
  <input type="submit" name="action-publish" value="Veröffentlichen">
  <input type="text" name="locked" value="x" disabled>
  <select name="status"><option value="draft">D</option><option value="open" selected>O</option>
  </select>
  <textarea name="summary">
Zeile</textarea>
  <template><input name="sites-__prefix__-name" value=""></template>
  <input type="hidden" name="sites-TOTAL_FORMS" value="1">
</form>
"""


def test_post_form_collects_what_a_browser_submits():
    fields = cluster.post_form(PAGE, must_have="title")
    assert fields == [
        ("csrfmiddlewaretoken", "tok"),
        ("title", "Alt & gut"),
        ("public", "on"),
        ("kind", "b"),
        ("status", "open"),
        ("summary", "Zeile"),
        ("sites-TOTAL_FORMS", "1"),
    ]


def test_post_form_skips_the_logout_form_and_complains_without_a_form():
    assert ("title", "Alt & gut") in cluster.post_form(PAGE)
    with pytest.raises(ValueError):
        cluster.post_form("<p>nichts</p>")


def test_replace_fields_changes_and_adds():
    fields = [("a", "1"), ("b", "2")]
    assert cluster.replace_fields(fields, {"b": "3", "c": "4"}) == [
        ("a", "1"),
        ("b", "3"),
        ("c", "4"),
    ]


def test_throughput_rows_and_markdown():
    rows = cluster.throughput_rows({"burst": {"one": 10.0, "two": 15.0}, "page": {"one": 5.0}})
    assert rows[0] == {"what": "burst", "one_server": 10.0, "two_servers": 15.0, "two_to_one": 1.5}
    assert rows[1]["two_to_one"] is None
    step = cluster.Step("s", {"fine": True, "broken": False})
    report = {
        "date": "2026-12-06",
        "setup": "nginx",
        "machine": {"cores": 2, "cpu": "x", "git": "abc"},
        "cpu_busy_before_pct": 3.0,
        "tasks_done_per_db_worker": [5, 6],
        "steps": [step.as_dict()],
        "throughput": rows,
    }
    text = cluster.markdown(report)
    assert "| s | FAIL (broken) |" in text
    assert "| burst | 10.0 | 15.0 | 1.5 |" in text


def test_per_upstream_counts_the_server_that_answered():
    entries = [{"up": A}, {"up": f"{A}, {B}"}, {"up": B}]
    assert cluster.per_upstream(entries) == {A: 1, B: 2}


def test_step_summary_shows_the_numbers_behind_the_verdict():
    step = cluster.evaluate_kill(**_kill_case())
    step.details["summary"] = {"attempts": 3, "attempts_per_s": 1.5, "p95_ms": 9.0, "errors": 1}
    line = cluster.step_summary(step.as_dict())
    assert "3 attempts, 1.5/s, p95 9.0 ms, 1 errors" in line
    assert "2 acknowledged, 3 rows, 1 requests failed in flight" in line
    assert "seated per site [50, 50], counters [50, 50]" in line
    reads = [{"what": "page", "fresh_before": [False], "fresh": [True, True]}]
    fresh = cluster.evaluate_fresh(reads).as_dict()
    assert cluster.step_summary(fresh) == "page: 2/2 fresh"


def test_the_configuration_in_the_docs_is_the_tested_one(tmp_path):
    """Every proxy directive docs/operations.md shows for several app servers is in the file
    the cluster run tests (addresses and comments aside)."""
    docs = (Path(cluster.ROOT) / "docs" / "operations.md").read_text()
    section = docs.split("## Mehrere App-Server", 1)[1]
    block = section.split("```nginx", 1)[1].split("```", 1)[0]
    config = _config(tmp_path)
    directives = [
        line.split("#", 1)[0].strip()
        for line in block.splitlines()
        if line.strip().startswith(("proxy_next_upstream", "proxy_connect", "proxy_set_header"))
    ]
    assert len(directives) == 6
    for directive in directives:
        assert directive in config
    assert "max_fails=1 fail_timeout=10s;" in block
