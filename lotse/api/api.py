"""The open JSON API under /api/v1/; each app contributes its router (app/api.py)."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language_from_request
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from lotse.core.api import router as core_router
from lotse.core.validators import has_control_characters
from lotse.desk.api import router as desk_router
from lotse.events.api import router as events_router
from lotse.figures.api import router as figures_router
from lotse.guidance.api import router as guidance_router
from lotse.migration.api import router as migration_router
from lotse.network.api import router as network_router
from lotse.offers.api import router as offers_router
from lotse.offers.api_coverage import router as coverage_router
from lotse.tariffs.api import router as tariffs_router

api = NinjaAPI(
    title="Lotse API",
    version="1",
    description=(
        "Offene Daten des Fachkräftezentrums: Referenzdaten, Netzwerk, Angebote, "
        "Veranstaltungen, Tarifauskunft, der Wegweiser für Betriebe, der Einwanderungs-Check "
        "und Arbeitsmarktzahlen. Nur öffentliche Daten, keine personenbezogenen Daten."
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
api.add_router("/desk", desk_router)
api.add_router("/checks", guidance_router)
api.add_router("/migration-check", migration_router)
api.add_router("/indicators", figures_router)


# German messages for the parameter errors every endpoint can answer with (422); the English
# ones are pydantic's own (Accept-Language: en). `loc` and `type` stay as pydantic names them.
GERMAN_MESSAGES = {
    "int_parsing": "Bitte eine ganze Zahl angeben.",
    "int_from_float": "Bitte eine ganze Zahl angeben.",
    "float_parsing": "Bitte eine Zahl angeben.",
    "decimal_parsing": "Bitte eine Zahl angeben.",
    "bool_parsing": "Bitte true oder false angeben.",
    "date_from_datetime_parsing": "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
    "date_parsing": "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
    "literal_error": "Unzulässiger Wert; erlaubt: {expected}.",
    "missing": "Diese Angabe fehlt.",
    "greater_than_equal": "Der Wert muss mindestens {ge} sein.",
    "greater_than": "Der Wert muss größer als {gt} sein.",
    "less_than_equal": "Der Wert darf höchstens {le} sein.",
    "less_than": "Der Wert muss kleiner als {lt} sein.",
    "string_too_long": "Höchstens {max_length} Zeichen.",
    "too_long": "Höchstens {max_length} Werte.",
    "control_characters": "Bitte ohne Steuerzeichen angeben.",
}


def _german(error: dict) -> dict:
    template = GERMAN_MESSAGES.get(error.get("type", ""))
    if template is None:
        return error
    try:
        message = template.format(**error.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        return error
    return {**error, "msg": message}


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 with every wrong parameter named; the messages in German unless English is asked."""
    errors = list(exc.errors)
    # The API is not under a language prefix: the client's Accept-Language decides.
    if not get_language_from_request(request).startswith("en"):
        errors = [_german(error) for error in errors]
    return api.create_response(request, {"detail": errors}, status=422)


CONTROL_CHARACTERS_MESSAGE = "Control characters are not allowed."


def refuse_control_characters(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A query or path parameter with control characters is answered with 422 before any
    endpoint sees it (decision 0038): the same rule as for the forms, in the API's own shape,
    without repeating the value."""

    @wraps(run)
    def checked(request: HttpRequest, **kwargs) -> HttpResponse:
        errors = [
            {"type": "control_characters", "loc": [where, name], "msg": CONTROL_CHARACTERS_MESSAGE}
            for where, items in (("query", request.GET.lists()), ("path", kwargs.items()))
            for name, value in items
            if has_control_characters(value)
        ]
        if errors:
            return validation_error(request, ValidationError(errors))
        return run(request, **kwargs)

    return checked


api.add_decorator(refuse_control_characters, mode="view")
