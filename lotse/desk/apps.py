from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "lotse.desk"
    label = "desk"
    verbose_name = _("Anfragen")

    def ready(self) -> None:
        from lotse.core.periodic import periodic_task_register

        periodic_task_register("lotse.desk.tasks.inquiries_retention_delete")
        periodic_task_register("lotse.desk.tasks.desk_service_levels_escalate")
