from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "lotse.guidance"
    label = "guidance"
    verbose_name = _("Wegweiser für Betriebe")

    def ready(self) -> None:
        from lotse.core.periodic import periodic_task_register

        periodic_task_register("lotse.guidance.tasks.checks_retention_task")
