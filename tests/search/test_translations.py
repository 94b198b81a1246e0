"""The search page, the header box, the home page's ways in and the topic page in English."""

import pytest

from lotse.content.models import TopicFieldPage


@pytest.mark.django_db
def test_english_texts(client, site_pages):
    html = client.get("/en/suche/", {"q": "und"}).content.decode()
    assert "Search the portal" in html
    assert "Please enter a meaningful search word" in html
    home = client.get("/en/").content.decode()
    for text in ("For companies", "For skilled workers", "For partners", "Start the guide check"):
        assert text in home
    page = TopicFieldPage.objects.get(
        locale__language_code="en", topic_field__slug="ausbildung-weiterbildung"
    )
    topic = client.get(page.url)
    assert "Upcoming events" in topic.content.decode()
    assert "Contacts in the network" in topic.content.decode()
