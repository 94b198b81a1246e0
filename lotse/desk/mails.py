"""The desk's mail to the asker: the confirmation with the reference number, after the commit.

Below the services, which enqueue `inquiry_confirmation_send`; it imports no service, so the
services and the tasks that call them (tasks.py) form no circle.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Inquiry


def inquiry_confirmation_mail(*, inquiry: Inquiry) -> int:
    """Send the confirmation with the reference number to the asker (in their language)."""
    if inquiry.personal_data_deleted or not inquiry.contact_email:
        return 0
    with translation.override(inquiry.language):
        subject = _("Ihre Anfrage %(reference)s") % {"reference": inquiry.reference}
        body = render_to_string(
            "desk/email/confirmation.txt",
            {
                "inquiry": inquiry,
                "centre_name": settings.LOTSE_CENTRE_NAME,
                "retention_months": settings.LOTSE_DESK_RETENTION_MONTHS,
            },
        )
    return EmailMessage(subject=subject, body=body, to=[inquiry.contact_email]).send()


@task()
def inquiry_confirmation_send(inquiry_id: int) -> int:
    """Mail the confirmation with the reference number (enqueued after the inquiry is saved)."""
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None:
        return 0
    return inquiry_confirmation_mail(inquiry=inquiry)
