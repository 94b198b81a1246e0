from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "lotse.desk"
    label = "desk"
    verbose_name = _("Anfragen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from lotse.core.models import Region, TopicField
        from lotse.core.periodic import periodic_task_register

        from .selectors import reference_choices_forget

        for model in (Region, TopicField):
            post_save.connect(reference_choices_forget, sender=model, dispatch_uid=f"desk-{model}")
            post_delete.connect(
                reference_choices_forget, sender=model, dispatch_uid=f"desk-{model}"
            )

        periodic_task_register("lotse.desk.tasks.inquiries_retention_delete")
        periodic_task_register("lotse.desk.tasks.desk_service_levels_escalate")
