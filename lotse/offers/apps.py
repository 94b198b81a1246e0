from django.utils.translation import gettext_lazy as _

from lotse.core import app_config


class OffersConfig(app_config.LotseAppConfig):
    name = "lotse.offers"
    label = "offers"
    verbose_name = _("Angebote")
    cached_pages = ("offers:catalogue", "offers:detail")
    # The coverage map's second layer counts the Wegweiser's completed checks.
    cached_pages_by_scope = {"checks": ("offers:coverage",)}
    periodic_tasks = ("lotse.offers.tasks.offers_confirmation_reminders",)
    import_kinds = ("lotse.offers.imports.OFFER_IMPORT",)

    def ready(self) -> None:
        super().ready()
        from wagtail.signals import published, unpublished

        from .models import Offer
        from .signals import offer_published_receiver, offer_unpublished_receiver

        published.connect(offer_published_receiver, sender=Offer, dispatch_uid="offers.published")
        unpublished.connect(
            offer_unpublished_receiver, sender=Offer, dispatch_uid="offers.unpublished"
        )
