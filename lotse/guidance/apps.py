from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def topic_modules(*, topic_field: str) -> list:
    """The current check's modules of a topic field, as links for its topic-field page (one
    query; registered with lotse.content.extensions)."""
    from django.urls import reverse

    from lotse.content.extensions import TopicLink

    from .models import CheckVersion, Module

    newest = CheckVersion.objects.published().order_by("-number").values("pk")[:1]
    modules = Module.objects.filter(version__in=newest, topic_field=topic_field)
    url = reverse("guidance:start")
    return [TopicLink(title=item.title, url=url, text=item.intro) for item in modules]


class GuidanceConfig(AppConfig):
    name = "lotse.guidance"
    label = "guidance"
    verbose_name = _("Wegweiser für Betriebe")

    def ready(self) -> None:
        from lotse.content.extensions import topic_links_register
        from lotse.core.periodic import periodic_task_register

        periodic_task_register("lotse.guidance.tasks.checks_retention_task")
        topic_links_register(topic_modules)
