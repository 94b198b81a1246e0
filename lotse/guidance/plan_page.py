"""The body of the HTML plan page, rendered once per plan state and kept in the shared cache.

What the plan page shows of a check depends only on the check's stored state (profile,
answers, scores, ticks, the earlier result: every column but `last_used_at`), the content
version (offers, contacts, events, articles, the Tarif register, region names), the numbers of
the anonymous comparison, the language, the day and the deployed templates. That body is
rendered once for this key and kept in the shared cache (decision 0018); a second view of the
same plan renders only the layout, the personal link box and the "erledigt" forms around it.

What the cached body never holds:
- the personal link's token: it is rendered with a placeholder, and the token of the request
  (whose hash found the check) is put in when the body is served, so the cache holds no secret
  and an entry cannot serve another plan (the check's id is part of the key too);
- the forms (their CSRF token is the visitor's): the body marks their places, and the page
  renders them around it (`guidance/plan.html`).

The comparison with other companies changes when other checks are completed: its numbers
(`selectors.comparison`, cached on their own for LOTSE_CATALOGUE_CACHE_SECONDS) are read first
and are part of the key, so the body changes exactly when the numbers shown do.

What changes with the clock alone ends an entry's validity: the first shown event that ends,
the re-check becoming due, the age of the lookups it was made from (LOTSE_PAGE_CACHE_SECONDS,
decision 0012); the day is part of the key. The plan page itself is `no-store` and is not a
route of the public page cache.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lotse.core.page_cache import code_fingerprint
from lotse.core.versioning import CONTENT, current_versions, versions_key

from .models import CompanyCheck
from .selectors import Comparison, Plan, check_plan, comparison

# Rendered into the body instead of the personal link's token (it is in every link of the
# plan); replaced by the request's token when the body is served.
TOKEN_PLACEHOLDER = "lotse-plan-token-placeholder-5c0f8e2a"  # noqa: S105 - not a secret
# Where the page puts what the cached body must not hold. Autoescaping turns every "<" of
# the plan's content into "&lt;", so no text of a check, offer or page can forge a mark.
SLOT = re.compile(r"<!--guidance-slot:form:(\d+)-->")
# Columns that do not change what the plan shows: the link's last use (written at most hourly).
UNSHOWN_COLUMNS = {"last_used_at"}


@dataclass(frozen=True)
class DoneForm:
    """The "erledigt" form of one measure (rendered per request: it carries a CSRF token)."""

    key: str
    title: str
    done_on: str


@dataclass(frozen=True)
class Part:
    """A piece of the cached body and the form the page renders after it (None: none)."""

    html: SafeString
    form: DoneForm | None = None


# A cache entry: (valid until as a POSIX timestamp or None, [(html, (key, title, done_on) or
# None)]): plain values, cheap to unpickle.
Entry = tuple[float | None, list[tuple[str, tuple[str, str, str] | None]]]


def state_digest(check: CompanyCheck) -> str:
    """A digest of every stored column of the check that the plan can show (all but the last
    use): any write to the check's answers, profile, ticks or re-check changes it."""
    values = [
        (field.attname, getattr(check, field.attname))
        for field in CompanyCheck._meta.concrete_fields
        if field.attname not in UNSHOWN_COLUMNS
    ]
    text = json.dumps(values, default=str, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def comparison_digest(comparison: Comparison) -> str:
    """What the comparison shows (the texts come from the check version, the language and the
    region, which the key holds otherwise)."""
    numbers = [
        (item.module.key, item.count, item.average, sorted(item.shares.items()))
        for item in comparison.modules
    ]
    region = comparison.region.pk if comparison.region else None
    text = repr((region, settings.LOTSE_GUIDANCE_COMPARISON_MIN, numbers))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def body_key(*, check: CompanyCheck, comparison: Comparison, now: datetime.datetime) -> str:
    """The cache key of a check's plan body: check, state, comparison, language, day,
    templates (and the retention setting they show), content version."""
    parts = (
        check.pk,
        state_digest(check),
        comparison_digest(comparison),
        get_language() or "",
        timezone.localdate(now).isoformat(),
        code_fingerprint(),
        settings.LOTSE_GUIDANCE_RETENTION_MONTHS,
        versions_key(current_versions(), (CONTENT,)),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    return f"guidance:plan-body:v1:{check.pk}:{digest}"


def _valid_until(plan: Plan, now: datetime.datetime) -> datetime.datetime | None:
    """When what the plan shows changes by the clock alone (None: not before the day ends)."""
    moments = [event.ends_at for measure in plan.measures for event in measure.events]
    if plan.recheck_due_at is not None and not plan.recheck_due:
        moments.append(plan.recheck_due_at)
    if plan.lookups_built_at is not None and settings.LOTSE_PAGE_CACHE_SECONDS:
        seconds = settings.LOTSE_PAGE_CACHE_SECONDS
        moments.append(plan.lookups_built_at + datetime.timedelta(seconds=seconds))
    return min(moments) if moments else None


def _build(*, check: CompanyCheck, comparison: Comparison, now: datetime.datetime) -> Entry:
    plan = check_plan(check=check, now=now)
    html = render_to_string(
        "guidance/_plan_body.html",
        {
            "plan": plan,
            "comparison": comparison,
            "check": check,
            "token": TOKEN_PLACEHOLDER,
            "retention_months": settings.LOTSE_GUIDANCE_RETENTION_MONTHS,
        },
    )
    pieces = SLOT.split(html)  # text, measure index, text, measure index, …, text
    parts: list[tuple[str, tuple[str, str, str] | None]] = []
    for position in range(0, len(pieces) - 1, 2):
        measure = plan.measures[int(pieces[position + 1])]
        parts.append((pieces[position], (measure.key, measure.title, measure.done_on)))
    parts.append((pieces[-1], None))
    until = _valid_until(plan, now)
    return (until.timestamp() if until else None, parts)


def _fresh(entry: object, now: datetime.datetime) -> bool:
    if not isinstance(entry, tuple) or len(entry) != 2:
        return False
    until = entry[0]
    return until is None or now.timestamp() <= until


def plan_body(
    *, check: CompanyCheck, token: str, now: datetime.datetime | None = None
) -> list[Part]:
    """The plan page's body for this check and the request's token: from the shared cache
    (LOTSE_PAGE_CACHE_SECONDS; 0: rendered every time) or rendered and kept."""
    now = now or timezone.now()
    timeout = settings.LOTSE_PAGE_CACHE_SECONDS
    peers = comparison(check=check)
    key = body_key(check=check, comparison=peers, now=now) if timeout else ""
    cached = cache.get(key) if timeout else None
    if _fresh(cached, now):
        entry: Entry = cached
    else:
        entry = _build(check=check, comparison=peers, now=now)
    if timeout and entry is not cached:
        until = entry[0]
        lifetime = timeout if until is None else min(timeout, until - now.timestamp())
        cache.set(key, entry, max(1, math.ceil(lifetime)))
    link_token = escape(quote(token, safe=RFC3986_SUBDELIMS + "/~:@"))
    return [
        Part(
            html=mark_safe(html.replace(TOKEN_PLACEHOLDER, link_token)),  # noqa: S308 - our render
            form=DoneForm(*form) if form else None,
        )
        for html, form in entry[1]
    ]
