"""What higher apps add to the portal's pages, registered in their `AppConfig.ready`.

Content sits below the Wegweiser (guidance) in the layers, so a topic-field page cannot import
it. Instead, guidance registers a function that names its check modules for a topic field;
the page calls every registered function (see docs/architecture.md, registry table).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicLink:
    """A way onward from a topic-field page (e.g. a module of the Wegweiser check)."""

    title: str
    url: str
    text: str = ""


TopicLinksProvider = Callable[..., list[TopicLink]]

_topic_link_providers: list[TopicLinksProvider] = []


def topic_links_register(provider: TopicLinksProvider) -> None:
    """Add a function `provider(*, topic_field: str) -> list[TopicLink]` (a topic field's slug).

    Registering the same function twice has no effect (ready() may run more than once in tests).
    """
    if provider not in _topic_link_providers:
        _topic_link_providers.append(provider)


def topic_links(*, topic_field: str) -> list[TopicLink]:
    """The links every registered provider gives for a topic field, in registration order."""
    links: list[TopicLink] = []
    for provider in _topic_link_providers:
        links.extend(provider(topic_field=topic_field))
    return links
