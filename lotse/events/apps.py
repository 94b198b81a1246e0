from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "lotse.events"
    label = "events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from .models import CustomQuestion, Site, WorkingGroup
        from .signals import event_child_changed

        for model in (Site, WorkingGroup, CustomQuestion):
            post_save.connect(
                event_child_changed,
                sender=model,
                dispatch_uid=f"events.version.save.{model.__name__}",
            )
            post_delete.connect(
                event_child_changed,
                sender=model,
                dispatch_uid=f"events.version.delete.{model.__name__}",
            )
