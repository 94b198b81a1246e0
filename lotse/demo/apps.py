from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented demo data and demo accounts; installed by the dev and test settings only."""

    name = "lotse.demo"
    label = "demo"
    verbose_name = "Demo"
