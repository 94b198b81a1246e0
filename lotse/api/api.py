"""The open JSON API under /api/v1/; each app contributes its router (app/api.py)."""

from ninja import NinjaAPI, Swagger

from lotse.core.api import router as core_router
from lotse.events.api import router as events_router
from lotse.network.api import router as network_router
from lotse.offers.api import router as offers_router
from lotse.offers.api_coverage import router as coverage_router
from lotse.tariffs.api import router as tariffs_router

api = NinjaAPI(
    title="Lotse API",
    version="1",
    description=(
        "Offene Daten des Fachkräftezentrums: Referenzdaten, Netzwerk, Angebote, "
        "Veranstaltungen und Tarifauskunft. Nur öffentliche Daten, keine personenbezogenen Daten."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    # Swagger UI from our own static files ("ninja" in INSTALLED_APPS), and no call to the public
    # validator at validator.swagger.io: the docs page makes no third-party requests (CSP, GDPR).
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_router("/", core_router)
api.add_router("/actors", network_router)
api.add_router("/offers", offers_router)
api.add_router("/coverage", coverage_router)
api.add_router("/events", events_router)
api.add_router("/tariffs", tariffs_router)
