"""The plan as a document: PDF (download and mail attachment) and short text (mail, desk).

Both are built from `selectors.check_plan`, the plan of the HTML page; nothing is computed twice.
"""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django_tasks import task

from lotse.core.mail import MailCancelled, mail_attachments
from lotse.core.models import OutgoingMail
from lotse.core.pdf import html_to_pdf

from .models import CompanyCheck, PlanDocument
from .selectors import Plan, check_plan, version_with_structure

# Stands for the creation date in the source whose digest decides whether a stored PDF still
# shows the plan (letters only: nothing escapes or translates it).
CREATED_MARK = "LOTSEPLANCREATEDON"


def plan_pdf(*, plan: Plan, base_url: str, now: datetime.datetime | None = None) -> bytes:
    """The plan in the centre's look, with the date and the check version.

    WeasyPrint costs hundreds of milliseconds for a long plan, the HTML it is made from a few.
    A stored check's PDF is kept in the database per language (`PlanDocument`) together with
    the SHA-256 of its HTML source and base URL, without the creation date, and served only
    while a new rendering of the source is identical: any change of the answers, the ticks, the
    check version, an offer, contact or event shown, an article or the language makes a new
    PDF. Never stale by construction; no version counter has to follow the writes of other
    apps. A stored PDF is used for at most LOTSE_GUIDANCE_PDF_CACHE_SECONDS (0: none is kept);
    it shows the date it was made. The worker renders it when a completed plan changes
    (`plan_pdf_prepare`), so the download usually finds it.
    """
    now = now or timezone.now()
    base = base_url.rstrip("/") + "/"
    source = _plan_html(plan=plan, base_url=base)
    timeout = settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS
    check_id = plan.check.pk
    if not timeout or check_id is None:
        return _render(source=source, base_url=base, now=now)
    digest = hashlib.sha256(f"{base}\n{source}".encode()).hexdigest()
    language = get_language() or ""
    stored = (
        PlanDocument.objects.filter(
            company_check_id=check_id,
            language=language,
            digest=digest,
            created_at__gt=now - datetime.timedelta(seconds=timeout),
        )
        .values_list("pdf", flat=True)
        .first()
    )
    if stored is not None:
        return bytes(stored)
    document = _render(source=source, base_url=base, now=now)
    PlanDocument.objects.bulk_create(
        [
            PlanDocument(
                company_check_id=check_id,
                language=language,
                digest=digest,
                pdf=document,
                created_at=now,
            )
        ],
        update_conflicts=True,
        unique_fields=["company_check", "language"],
        update_fields=["digest", "pdf", "created_at"],
    )
    return document


def _render(*, source: str, base_url: str, now: datetime.datetime) -> bytes:
    created = date_format(timezone.localtime(now), "SHORT_DATE_FORMAT")
    return html_to_pdf(source.replace(CREATED_MARK, created), base_url=base_url)


def _plan_html(*, plan: Plan, base_url: str) -> str:
    return render_to_string(
        "guidance/pdf/plan.html",
        {
            "plan": plan,
            "check": plan.check,
            "created": CREATED_MARK,
            "base_url": base_url.rstrip("/"),
            "centre_name": settings.LOTSE_CENTRE_NAME,
        },
    )


def plan_pdf_render(*, check_id: int, language: str, base_url: str) -> bool:
    """In the worker: the PDF of a check's plan made and stored ahead of its download (False:
    the check was deleted meanwhile). Costs nothing when the stored PDF is still the plan."""
    from django.utils import translation

    check = CompanyCheck.objects.select_related("district__parent").filter(pk=check_id).first()
    if check is None:
        return False
    check.version = version_with_structure(version_id=check.version_id)
    with translation.override(language):
        plan_pdf(plan=check_plan(check=check), base_url=base_url)
    return True


@task()
def plan_pdf_task(check_id: int, language: str, base_url: str) -> bool:
    """The worker's job for `services.plan_pdf_prepare`: a completed plan changed."""
    return plan_pdf_render(check_id=check_id, language=language, base_url=base_url)


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
