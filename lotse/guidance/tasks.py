"""Daily job of the Wegweiser: delete checks whose personal link was not used for 24 months.

The plan's PDF made ahead of its download is `documents.plan_pdf_task` (enqueued by the
services, which never import this module)."""

from django_tasks import task

from .services import checks_retention_delete


@task()
def checks_retention_task() -> int:
    return checks_retention_delete()
