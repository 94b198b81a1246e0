"""Daily job of the Wegweiser: delete checks whose personal link was not used for 24 months."""

from django_tasks import task

from .services import checks_retention_delete


@task()
def checks_retention_task() -> int:
    return checks_retention_delete()
