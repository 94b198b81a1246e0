from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from . import app_config


class CoreConfig(app_config.LotseAppConfig):
    name = "lotse.core"
    label = "core"
    verbose_name = _("Grundlagen")
    periodic_tasks = (
        "lotse.core.tasks.audit_retention_prune",
        "lotse.core.tasks.sessions_clear",
        "lotse.core.tasks.task_results_prune",
        "lotse.core.mail.mails_queue_sweep",
        "lotse.core.mail.mails_retention_delete",
    )

    def ready(self) -> None:
        super().ready()
        from . import checks  # noqa: F401  (registers system checks)
        from .auth import AUTH_TABLES
        from .exports import guard_wagtail_exports
        from .review_mail import review_notifications_through_outbox
        from .roles import sync_roles_after_migrate
        from .versioning import AUTH_SCOPE, ensure_triggers, version_scope

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="lotse.core.roles")
        post_migrate.connect(fulltext_after_migrate, dispatch_uid="lotse.core.fulltext")
        post_migrate.connect(ensure_triggers, dispatch_uid="lotse.core.content_version")
        for table in AUTH_TABLES:
            version_scope(table, AUTH_SCOPE)
        guard_wagtail_exports()
        review_notifications_through_outbox()


def fulltext_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """After every migrate (all migrations are applied by then): repair full-text indexes."""
    if app_config is None or app_config.label != "core":
        return
    from .fulltext_db import fulltext_ensure

    fulltext_ensure(using=using)
