"""Adapters from Wagtail's publish signals to the offers services (connected in apps.py)."""


def offer_published_receiver(sender, instance, **kwargs) -> None:
    from .services import offer_published

    offer_published(offer=instance, user=None)


def offer_unpublished_receiver(sender, instance, **kwargs) -> None:
    from .services import offer_search_refresh

    offer_search_refresh(offer=instance)
