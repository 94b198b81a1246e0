from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "lotse.guidance"
    label = "guidance"
    verbose_name = _("Wegweiser für Betriebe")

    def ready(self) -> None:
        from wagtail.signals import published

        from lotse.core.periodic import periodic_task_register
        from lotse.offers.coverage_layers import CoverageLayer, coverage_layer_register

        from .models import CheckVersion
        from .permissions import demand_visible
        from .signals import version_published_receiver

        published.connect(
            version_published_receiver, sender=CheckVersion, dispatch_uid="guidance.published"
        )
        periodic_task_register("lotse.guidance.tasks.checks_retention_task")
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
