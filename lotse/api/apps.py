from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "lotse.api"
    label = "lotse_api"
    verbose_name = "API"
