from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "lotse.desk"
    label = "desk"
    verbose_name = _("Anfragen")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register
        from lotse.core.versioning import version_exclude, version_scope

        # Inquiries and referrals are personal data no public page shows. The anonymised fact
        # table feeds the district pages' inquiry figures: its own scope, so an inquiry rebuilds
        # those pages only.
        version_scope("desk_inquiryfact", "inquiry_facts")
        version_exclude(
            "desk_inquiry",
            "desk_inquirynote",
            "desk_referencecounter",
            "desk_referral",
        )
        page_cache_register("desk:form", "lotsendienst:form")
        from lotse.core.periodic import periodic_task_register

        periodic_task_register("lotse.desk.tasks.inquiries_retention_delete")
        periodic_task_register("lotse.desk.tasks.desk_service_levels_escalate")
