from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "lotse.offers"
    label = "offers"
    verbose_name = _("Angebote")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        page_cache_register("offers:catalogue", "offers:detail")
        # The coverage map's second layer counts the Wegweiser's completed checks.
        page_cache_register("offers:coverage", scopes=("checks",))
        from wagtail.signals import published, unpublished

        from lotse.core.periodic import periodic_task_register
        from lotse.imports.kinds import import_kind_register

        from .imports import OFFER_IMPORT
        from .models import Offer
        from .signals import offer_published_receiver, offer_unpublished_receiver

        published.connect(offer_published_receiver, sender=Offer, dispatch_uid="offers.published")
        unpublished.connect(
            offer_unpublished_receiver, sender=Offer, dispatch_uid="offers.unpublished"
        )
        periodic_task_register("lotse.offers.tasks.offers_confirmation_reminders")
        import_kind_register(OFFER_IMPORT)
