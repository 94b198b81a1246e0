"""Entry points of the imports app: which importers exist, and running one."""

from .actors import ActorImporter
from .importing import ImportResult, import_run
from .offers import OfferImporter

IMPORTERS = {"akteure": ActorImporter, "angebote": OfferImporter}

__all__ = ["IMPORTERS", "ImportResult", "import_run"]
