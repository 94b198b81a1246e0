"""The plan as a document: PDF (download and mail attachment) and short text (mail, desk).

Both are built from `selectors.check_plan`, the plan of the HTML page; nothing is computed twice.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from lotse.core.mail import MailCancelled, mail_attachments
from lotse.core.models import OutgoingMail
from lotse.core.pdf import html_to_pdf

from .models import CompanyCheck
from .selectors import Plan, check_plan, version_with_structure

PDF_CACHE_PREFIX = "guidance:pdf:v1"


def _pdf_cache_key(*, token_hash: str, language: str) -> str:
    return f"{PDF_CACHE_PREFIX}:{token_hash}:{language}"


def plan_pdf_forget(*, token_hashes: list[str]) -> None:
    """Drop the cached PDFs of these plans (every language): called when plans are deleted."""
    keys = [
        _pdf_cache_key(token_hash=token_hash, language=code)
        for token_hash in token_hashes
        for code, _name in settings.LANGUAGES
    ]
    if keys:
        cache.delete_many(keys)


def plan_pdf(*, plan: Plan, base_url: str) -> bytes:
    """The plan in the centre's look, with the date and the check version.

    WeasyPrint costs hundreds of milliseconds for a long plan, the HTML it is made from a few.
    The PDF is cached per plan and language together with the SHA-256 of its HTML source (and
    base URL) and served only while a new rendering of the source is identical: any change of
    the answers, the check version, an offer, contact or event shown, an article, the language
    or the date changes the source and makes a new PDF. Never stale by construction; no
    version counter has to follow the writes of other apps.
    """
    html = _plan_html(plan=plan, base_url=base_url)
    timeout = settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS
    if not timeout or not plan.check.token_hash:
        return html_to_pdf(html, base_url=base_url)
    digest = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    key = _pdf_cache_key(token_hash=plan.check.token_hash, language=get_language() or "")
    cached = cache.get(key)
    if cached is not None and cached[0] == digest:
        return cached[1]
    document = html_to_pdf(html, base_url=base_url)
    cache.set(key, (digest, document), timeout)
    return document


def _plan_html(*, plan: Plan, base_url: str) -> str:
    return render_to_string(
        "guidance/pdf/plan.html",
        {
            "plan": plan,
            "check": plan.check,
            "created": timezone.localtime(),
            "base_url": base_url.rstrip("/"),
            "centre_name": settings.LOTSE_CENTRE_NAME,
        },
    )


def plan_text(*, plan: Plan, limit: int | None = None) -> str:
    """Profile, result per module and the measures in plain text (for a mail or the desk)."""
    text = render_to_string("guidance/email/plan_summary.txt", {"plan": plan, "check": plan.check})
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def plan_filename(plan: Plan) -> str:
    return f"wegweiser-plan-{plan.on:%Y-%m-%d}.pdf"


@mail_attachments
def plan_mail_attachments(*, mail: OutgoingMail, message: EmailMultiAlternatives) -> None:
    """In the worker: the plan as PDF. A check deleted meanwhile gets no mail."""
    check = CompanyCheck.objects.select_related("district").filter(pk=mail.object_id).first()
    if check is None:
        raise MailCancelled
    check.version = version_with_structure(version_id=check.version_id)
    plan = check_plan(check=check)
    message.attach(
        plan_filename(plan), plan_pdf(plan=plan, base_url=mail.base_url), "application/pdf"
    )
