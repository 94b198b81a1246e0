"""Background jobs of the desk: the daily retention job (the confirmation mail: mails.py)."""

import logging

from django_tasks import task

# Named here as well so that task rows queued under this path before the move still run.
from .mails import inquiry_confirmation_send  # noqa: F401
from .services import inquiries_personal_data_delete

logger = logging.getLogger(__name__)


@task()
def inquiries_retention_delete() -> int:
    """Daily: delete personal data of inquiries past LOTSE_DESK_RETENTION_MONTHS."""
    return len(inquiries_personal_data_delete())
