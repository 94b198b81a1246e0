from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.documents import urls as wagtaildocs_urls

from lotse.api.api import api
from lotse.core import views as core_views
from lotse.core.auth import RateLimitedLoginView, staff_only
from lotse.figures import views as figures_views

handler400 = "lotse.core.views.bad_request"
handler403 = "lotse.core.views.permission_denied"
handler404 = "lotse.core.views.page_not_found"
handler500 = "lotse.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    # The open-data catalogue (DCAT-AP.de): one address per serialisation, no language prefix.
    path("katalog.ttl", figures_views.catalogue, {"fmt": "ttl"}, name="catalogue_ttl"),
    path("katalog.rdf", figures_views.catalogue, {"fmt": "rdf"}, name="catalogue_rdf"),
    path("katalog.jsonld", figures_views.catalogue, {"fmt": "jsonld"}, name="catalogue_jsonld"),
    # The back-office login, rate limited (429 after too many attempts from one address).
    path("admin/login/", RateLimitedLoginView.as_view(), name="wagtailadmin_login"),
    # The site history spans all organisations: staff roles only (others are turned away).
    path(
        "admin/reports/site-history/",
        staff_only(LogEntriesView.as_view()),
        name="lotse_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        staff_only(LogEntriesView.as_view(results_only=True)),
        name="lotse_site_history_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public portal: German at "/", English at "/en/". Wagtail serves the page tree of the language.
urlpatterns += i18n_patterns(
    path("netzwerk/", include("lotse.network.urls")),
    path("angebote/", include("lotse.offers.urls")),
    path("tarifauskunft/anfrage/", include("lotse.desk.urls")),
    path("lotsendienst/", include("lotse.desk.urls_lotsendienst")),
    path("veranstaltungen/", include("lotse.events.urls")),
    path("tarifauskunft/", include("lotse.tariffs.urls")),
    path("wegweiser/", include("lotse.guidance.urls")),
    path("suche/", include("lotse.search.urls")),
    path("einwanderung/", include("lotse.migration.urls")),
    path("regionen/", include("lotse.figures.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
