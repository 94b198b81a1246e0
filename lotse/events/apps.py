from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class EventsConfig(app_config.LotseAppConfig):
    name = "lotse.events"
    label = "events"
    verbose_name = _("Veranstaltungen")
    cached_pages = ("events:calendar", "events:ics")
    cached_pages_by_scope = {"seats": ("events:list", "events:detail", "events:register")}
    periodic_tasks = (
        "lotse.events.tasks.holds_expire_task",
        "lotse.events.tasks.offers_expire_task",
        "lotse.events.tasks.reminders_send",
        "lotse.events.retention.events_personal_data_retention",
        "lotse.events.after.events_thanks_send",
    )

    def ready(self) -> None:
        super().ready()
        from lotse.core.versioning import version_exclude, version_scope

        from .models import CustomQuestion, Site, WorkingGroup
        from .signals import event_child_changed

        # Registrations and the seat counters move "seats" only: a registration rebuilds the
        # pages that show free places, not the whole portal.
        for table in ("events_registration", "events_registration_working_groups"):
            version_scope(table, "seats")
        version_scope("events_site", "seats", columns=["booked"])
        version_scope("events_workinggroup", "seats", columns=["booked"])
        version_exclude("events_eventmessage")
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
