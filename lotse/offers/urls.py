"""Public catalogue under /angebote/ (and /en/angebote/).

"abdeckung" and "export" are reserved: no offer can be reached under these slugs.
"""

from django.urls import path

from . import views

app_name = "offers"

RESERVED_SLUGS = views.RESERVED_SLUGS

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("export.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
]

try:  # The coverage map (lotse/offers/coverage_views.py) is maintained separately.
    from . import coverage_views
except ImportError:  # pragma: no cover
    coverage_views = None

if coverage_views is not None:
    urlpatterns += [
        path("abdeckung/", coverage_views.coverage, name="coverage"),
        path(
            "abdeckung/export.csv", coverage_views.coverage_export_csv, name="coverage_export_csv"
        ),
        path(
            "abdeckung/export.xlsx",
            coverage_views.coverage_export_xlsx,
            name="coverage_export_xlsx",
        ),
    ]

urlpatterns += [
    path("<slug:slug>/", views.offer_detail, name="detail"),
]
