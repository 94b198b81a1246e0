"""Further views of the coverage map (`/angebote/abdeckung/`), registered by higher apps.

The map itself shows the supply (public offers per district and topic field). An app above the
offers (the Wegweiser's "Bedarf": what completed checks recommend) adds a view here in its
`AppConfig.ready`; the coverage page links every view the user may see. The offers never
import that app (docs/architecture.md, *Layers*).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class CoverageLayer:
    key: str
    label: str  # lazy translation
    url_name: str
    visible: Callable[[object], bool]  # user → may see it
    description: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_layers: dict[str, CoverageLayer] = {}


def coverage_layer_register(layer: CoverageLayer) -> None:
    _layers[layer.key] = layer


def _routed(layer: CoverageLayer) -> bool:
    try:
        reverse(layer.url_name)
    except NoReverseMatch:  # the app's pages are not part of this site's URLs
        return False
    return True


def coverage_layers(user) -> list[CoverageLayer]:
    """The registered views this user may see, in registration order."""
    return [layer for layer in _layers.values() if layer.visible(user) and _routed(layer)]
