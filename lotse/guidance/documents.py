"""The plan as a document: PDF (download and mail attachment) and short text (mail, desk).

Both are built from `selectors.check_plan`, the plan of the HTML page; nothing is computed twice.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from lotse.core.mail import MailCancelled, mail_attachments
from lotse.core.models import OutgoingMail
from lotse.core.pdf import html_to_pdf

from .models import CompanyCheck
from .selectors import Plan, check_plan, version_with_structure


def plan_pdf(*, plan: Plan, base_url: str) -> bytes:
    """The plan in the centre's look, with the date and the check version."""
    html = render_to_string(
        "guidance/pdf/plan.html",
        {
            "plan": plan,
            "check": plan.check,
            "created": timezone.localtime(),
            "base_url": base_url.rstrip("/"),
            "centre_name": settings.LOTSE_CENTRE_NAME,
        },
    )
    return html_to_pdf(html, base_url=base_url)


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
