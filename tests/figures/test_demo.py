"""The demo press release: drafted from the demo forum's report, published, loaded once."""

import pytest

from lotse.demo import accounts, events, press
from lotse.demo.loaders import network_load, site_load
from lotse.events.backoffice.reports import structure_report
from lotse.figures.models import PressReleasePage
from lotse.figures.press import fact_groups

pytestmark = pytest.mark.django_db


def test_the_demo_press_release_is_published_once_with_the_forum_figures(client):
    accounts.load()
    site_load()
    network_load()
    events.load()
    press.load()
    press.load()
    page = PressReleasePage.objects.get()
    assert page.live and "(Demo)" in page.title
    stored = {block.value["title"]: len(block.value["rows"]) for block in page.facts}
    expected = {
        group.title: len(group.rows)
        for group in fact_groups(structure_report(event=page.source_event))
    }
    assert stored == expected
    assert client.get(page.url).status_code == 200
