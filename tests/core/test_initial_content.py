"""`manage.py load_initial_content`: real pages, actors, wages; idempotent; edits are kept."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from lotse.content.models import ArticlePage, HomePage, StandardPage
from lotse.core.models import LoadedContent
from lotse.network.models import Actor, Contact, Cooperation
from lotse.network.services import actor_update
from lotse.tariffs.models import CollectiveAgreement, MinimumWageOrdinance, MinimumWageRate

pytestmark = pytest.mark.django_db


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_initial_content", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        StandardPage.objects.count(),
        ArticlePage.objects.count(),
        Actor.objects.count(),
        Cooperation.objects.count(),
        CollectiveAgreement.objects.count(),
        MinimumWageRate.objects.count(),
    )


def test_first_load_creates_real_content_without_users_or_demo_and_second_load_changes_nothing():
    first = load()
    assert "Initial content for state 'sn' loaded." in first
    assert "0 skipped" in first

    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {"de", "en"}
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    assert imprint.live
    body = str(imprint.body)
    assert "[Straße und Hausnummer]" in body  # a placeholder the operator completes
    for page in StandardPage.objects.all():  # no invented contact data of the demo anywhere
        text = str(page.body)
        for invented in ("Demo", "demo", "Musterstraße", "000000", "lotse.example"):
            assert invented not in text, (page.url_path, invented)
    for slug in ("datenschutz", "barrierefreiheit"):
        assert StandardPage.objects.filter(slug=slug, live=True).count() == 2
    assert not ArticlePage.objects.filter(slug="verbundausbildung-erzgebirge").exists()  # demo
    assert ArticlePage.objects.filter(slug="mindestlohn-2026").count() == 2  # real, DE and EN
    english = StandardPage.objects.get(slug="impressum", locale__language_code="en")
    assert english.translation_key == imprint.translation_key

    assert Actor.objects.filter(is_published=True, is_demo=False).count() >= 60
    assert Actor.objects.get(slug="smwa").website == "https://www.smwa.sachsen.de/"
    assert Actor.objects.get(slug="aa-leipzig").parent.slug == "ba-rd-sachsen"
    assert Cooperation.objects.filter(target__slug="fka-sachsen").count() >= 20
    assert not Contact.objects.exists()  # people are demo only

    assert MinimumWageOrdinance.objects.filter(is_demo=False).count() == 8
    assert not CollectiveAgreement.objects.filter(is_demo=True).exists()
    assert get_user_model().objects.count() == 0

    before = counts()
    second = load()
    assert " 0 created, 0 updated" in second
    assert "0 skipped" in second
    assert counts() == before


def test_objects_changed_by_editors_are_skipped_and_reported_and_data_changes_are_applied():
    load()
    smwa = Actor.objects.get(slug="smwa")
    actor_update(actor=smwa, user=None, description="Von der Redaktion überarbeitet.")
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    imprint.title = "Impressum des Zentrums"
    imprint.save_revision()  # a draft is an edit as well
    # A changed data file entry (simulated: the recorded data hash no longer matches) of an
    # object nobody edited is loaded again.
    # An object the loader did not make (no record of it) is left alone as well.
    LoadedContent.objects.filter(key="network.actor:sn-zefas").delete()
    for key in (
        "network.actor:sn-sab",
        "content.page:en:wissen/mindestlohn-2026",
        "tariffs.party:sn-verdi",
        "tariffs.agreement:SN-DEMO-0001",
        "tariffs.ordinance:sn-pflege-6",
    ):
        LoadedContent.objects.filter(key=key).update(data_hash="changed")
    rates = MinimumWageRate.objects.count()

    out = load()

    assert "skipped network.actor:sn-smwa: changed since it was loaded" in out
    assert "skipped content.page:de:impressum: changed since it was loaded" in out
    assert "skipped network.actor:sn-zefas: exists but was not loaded" in out
    assert "lotse.network.initial: 0 created, 1 updated" in out  # sn-sab
    assert "lotse.content.initial: 0 created, 1 updated" in out
    assert "lotse.tariffs.initial: 0 created, 3 updated" in out
    assert MinimumWageRate.objects.count() == rates  # the ordinance's rates replaced, not added
    assert LoadedContent.objects.filter(data_hash="changed").count() == 0
    smwa.refresh_from_db()
    assert smwa.description == "Von der Redaktion überarbeitet."
    imprint = StandardPage.objects.get(pk=imprint.pk)
    assert imprint.get_latest_revision_as_object().title == "Impressum des Zentrums"


def test_an_unknown_state_is_a_clear_error_and_loads_nothing():
    with pytest.raises(CommandError, match="no initial content for state 'by'"):
        load("--state", "by")
    assert not HomePage.objects.exists()


def test_the_demo_fills_the_legal_page_templates_and_the_initial_loader_then_keeps_them():
    out = StringIO()
    call_command("load_demo", stdout=out)
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    assert "Musterstraße 1 (Demo)" in str(imprint.body)
    assert "[Straße und Hausnummer]" not in str(imprint.body)
    assert ArticlePage.objects.filter(slug="verbundausbildung-erzgebirge").count() == 2
    assert Contact.objects.filter(is_demo=True).exists()

    again = load()
    assert "skipped content.page:de:impressum: changed since it was loaded" in again
    assert "Musterstraße 1 (Demo)" in str(StandardPage.objects.get(pk=imprint.pk).body)
