"""Test URLconf: the API, the back office and the coverage views, independent of offers/urls.py."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from lotse.api.api import api
from lotse.offers import coverage_views

coverage_patterns = [
    path("abdeckung/", coverage_views.coverage, name="coverage"),
    path("abdeckung/export.csv", coverage_views.coverage_export_csv, name="coverage_export_csv"),
    path("abdeckung/export.xlsx", coverage_views.coverage_export_xlsx, name="coverage_export_xlsx"),
]

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    *i18n_patterns(
        path("angebote/", include((coverage_patterns, "coverage_test"))),
        prefix_default_language=False,
    ),
]
