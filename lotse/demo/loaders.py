"""The demo loaders in their order: accounts first (others refer to the partner account)."""

from collections.abc import Callable
from importlib import import_module

from lotse.core.initial import DEFAULT_STATE, LoadReport

from . import accounts, content, desk, events, guidance, network, offers, press, tariffs

DEMO_LOADERS: list[Callable[..., list[str]]] = [
    accounts.load,
    content.load,
    network.load,
    offers.load,
    desk.load,
    tariffs.load,
    events.load,
    guidance.load,
    press.load,
]


def initial_load(*apps: str, state: str = DEFAULT_STATE) -> LoadReport:
    """The initial content of some apps ("content", "network", "tariffs"), as the command does."""
    report = LoadReport()
    for app in apps:
        import_module(f"lotse.{app}.initial").load(state=state, report=report)
    return report


def site_load(*, stdout=None) -> list[str]:
    """The page tree as `make run` shows it: initial pages plus demo values and demo articles."""
    initial_load("content")
    return content.load(stdout=stdout)


def network_load(*, stdout=None) -> list[str]:
    """The real actors and cooperations plus the demo contacts (and the partner's membership)."""
    initial_load("network")
    return network.load(stdout=stdout)


def register_load(*, stdout=None) -> list[str]:
    """The real sector minimum wages and cases plus the invented demo agreements."""
    initial_load("tariffs")
    return tariffs.load(stdout=stdout)
