from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class DeskConfig(app_config.LotseAppConfig):
    name = "lotse.desk"
    label = "desk"
    verbose_name = _("Anfragen")
    cached_pages = ("desk:form", "lotsendienst:form")
    periodic_tasks = (
        "lotse.desk.tasks.inquiries_retention_delete",
        "lotse.desk.tasks.desk_service_levels_escalate",
    )

    def ready(self) -> None:
        super().ready()
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
