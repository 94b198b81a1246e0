"""Jobs of the Wegweiser: the daily deletion of checks whose personal link was not used for
24 months, and the plan's PDF made ahead of its download."""

from django_tasks import task

from .documents import plan_pdf_render
from .services import checks_retention_delete


@task()
def checks_retention_task() -> int:
    return checks_retention_delete()


@task()
def plan_pdf_task(check_id: int, language: str, base_url: str) -> bool:
    """Render and store the PDF of a completed plan whose answers changed (services)."""
    return plan_pdf_render(check_id=check_id, language=language, base_url=base_url)
