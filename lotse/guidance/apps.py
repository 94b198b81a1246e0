from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


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


class GuidanceConfig(app_config.LotseAppConfig):
    name = "lotse.guidance"
    label = "guidance"
    verbose_name = _("Wegweiser für Betriebe")
    cached_pages = ("guidance:start", "guidance:profile")
    periodic_tasks = ("lotse.guidance.tasks.checks_retention_task",)

    def ready(self) -> None:
        super().ready()
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import published

        from lotse.content.extensions import topic_links_register
        from lotse.core.versioning import version_exclude, version_scope
        from lotse.offers.coverage_layers import CoverageLayer, coverage_layer_register

        from .models import CheckVersion, Module
        from .permissions import demand_visible
        from .selectors import structures_forget
        from .signals import version_published_receiver

        # The checks visitors fill in: read only by the demand views, not by the static pages.
        version_scope("guidance_companycheck", "checks")
        # The plans' PDFs, written by downloads and the worker: no public page reads them.
        version_exclude("guidance_plandocument")
        published.connect(
            version_published_receiver, sender=CheckVersion, dispatch_uid="guidance.published"
        )
        for model in (CheckVersion, Module):
            for signal in (post_save, post_delete):
                signal.connect(
                    structures_forget,
                    sender=model,
                    dispatch_uid=f"guidance.structures.{signal is post_save}.{model.__name__}",
                )
        topic_links_register(topic_modules)
        # "Bedarf und Angebot" as the coverage map's second view (the offers never import us).
        coverage_layer_register(
            CoverageLayer(
                key="bedarf",
                label=_("Bedarf"),
                url_name="guidance:demand",
                visible=demand_visible,
                description=_("Empfohlene Maßnahmen aus abgeschlossenen Checks"),
            )
        )
