"""The open JSON API under /api/v1/; each app contributes its router (app/api.py)."""

from ninja import NinjaAPI

from lotse.core.api import router as core_router

api = NinjaAPI(
    title="Lotse API",
    version="1",
    description=(
        "Offene Daten des Fachkräftezentrums: Referenzdaten, Netzwerk, Angebote, "
        "Veranstaltungen und Tarifauskunft. Nur öffentliche Daten, keine personenbezogenen Daten."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_router("/", core_router)
