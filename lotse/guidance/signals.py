"""Adapter from Wagtail's publish signal to the version service (connected in apps.py)."""


def version_published_receiver(sender, instance, **kwargs) -> None:
    from .services import version_publish

    version_publish(version=instance)
