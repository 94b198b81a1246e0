"""Wagtail's review-workflow notifications (submitted, approved, changes requested) as outbox
mails: Wagtail would send them by SMTP inside the request that submits or reviews a page or an
offer. The same notifiers, templates and user preferences; only the sending goes through
core.mail. Connected under Wagtail's own dispatch uids, so Wagtail's senders are replaced.
"""

from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin import mail as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from .mail import MailDraft, mails_enqueue


class OutboxEmailNotificationMixin:
    def send_emails(self, template_set, context, recipients, **kwargs):
        drafts = []
        for recipient in recipients:
            context["user"] = recipient
            language = recipient.wagtail_userprofile.get_preferred_language()
            with override(language):
                subject = render_to_string(template_set["subject"], context).strip()
                body = render_to_string(template_set["text"], context).strip()
            drafts.append(
                MailDraft(to=recipient.email, subject=subject, body=body, language=language)
            )
        mails_enqueue(kind=f"review.{self.notification}", drafts=drafts)
        return True


class TaskSubmissionNotifier(
    OutboxEmailNotificationMixin, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionNotifier(
    OutboxEmailNotificationMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowRejectionNotifier(
    OutboxEmailNotificationMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier
):
    pass


class WorkflowApprovalNotifier(
    OutboxEmailNotificationMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier
):
    pass


# (signal, sender, Wagtail's dispatch uid, our notifier)
NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
)


def review_notifications_through_outbox() -> None:
    """Replace Wagtail's SMTP notifiers (whichever app's ready() ran first)."""
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid, weak=False)
