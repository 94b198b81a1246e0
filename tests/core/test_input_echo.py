"""Bad input is never echoed back: no submitted value in an error message, no control character
from a request in a page, control characters refused with a field error (decision 0038).

Every public form is sent values with NUL, ESC, a C1 control, a bidi override and 10,000
characters in its choice and text fields; the API's query parameters likewise.
"""

import re

import pytest
from django import forms
from django.db import transaction
from django.test import Client

from lotse.core.forms import Form
from lotse.desk.models import Inquiry
from lotse.events.models import Registration
from lotse.guidance.loader import load_check_version
from lotse.guidance.models import CompanyCheck
from tests.conftest import initial_content_load
from tests.events.conftest import create_event

pytestmark = pytest.mark.django_db

MARK = "ZQXW"
BAD = {
    "nul": MARK + "a\x00b",
    "esc": MARK + "\x1b[31mrot",
    "c1": MARK + "\x85",
    "bidi": MARK + "\u202egnp.exe",
    "long": MARK + "y" * 10_000,
}
# Raw control characters a page may never contain (its own markup has only \t, \n and \r).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def error_texts(response) -> list[str]:
    """Every error message of every form the page rendered."""
    texts = []
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm) and value.is_bound:
                texts += [str(m) for errors in value.errors.values() for m in errors]
    return texts


def assert_not_echoed(response) -> None:
    assert response.status_code in (200, 302, 400), response.status_code
    body = response.content.decode()
    assert not RAW_CONTROL.search(body), RAW_CONTROL.search(body)
    for text in error_texts(response):
        assert MARK not in text, text


@pytest.fixture(scope="module")
def public_data(django_db_setup, django_db_blocker):
    """The pages' data, loaded once for the module (rolled back at its end, as `portal_module`)."""
    with django_db_blocker.unblock(), transaction.atomic():
        initial_content_load("content", "network", "migration")
        load_check_version()
        yield create_event()
        transaction.set_rollback(True)


def get_pages(value: str) -> list[tuple[str, dict]]:
    return [
        ("/angebote/", {"q": value, "sort": value, "district": value}),
        ("/angebote/abdeckung/", {"thema": value}),
        ("/netzwerk/", {"q": value, "typ": value}),
        ("/veranstaltungen/", {"art": value, "thema": value, "kreis": value}),
        ("/suche/", {"q": value}),
        ("/tarifauskunft/auskunft/", {"q": value, "gebiet": value, "wz": value}),
        ("/tarifauskunft/auskunft/", {"q": "Friseur", "gebiet": value}),
        ("/tarifauskunft/lohncheck/", {"betrag": "12", "einheit": value, "q": value}),
        ("/tarifauskunft/ausbildungsverguetung/", {"beginn": "2025", "jahr": value}),
        (
            "/einwanderung/ergebnis/",
            {
                "audience": "person",
                "on": "2026-03-02",
                "citizenship": value,
                "qualification": value,
                "german": value,
                "district": value,
                "occupation": value,
            },
        ),
    ]


def post_pages(value: str, event) -> list[tuple[str, dict]]:
    return [
        (
            "/lotsendienst/",
            {
                "requester_type": value,
                "topic_field": value,
                "district": value,
                "preferred_language": value,
                "question": value,
                "name": value,
                "email": "a@example.org",
                "contact_preference": value,
                "consent": "on",
                "consent_version": "1",
            },
        ),
        (
            "/tarifauskunft/anfrage/",
            {
                "sector": value,
                "question_kind": value,
                "message": value,
                "contact_name": value,
                "contact_email": "a@example.org",
                "consent": "on",
            },
        ),
        (
            "/wegweiser/profil/",
            {"size_class": value, "district": value, "modules": [value], "sector_query": value},
        ),
        (
            f"/veranstaltungen/{event.slug}/anmelden/",
            {"site": value, "first_name": value, "last_name": value, "email": "a@example.org"},
        ),
    ]


@pytest.mark.parametrize("kind", BAD)
def test_public_get_forms_never_echo_bad_input(public_data, kind):
    client = Client(raise_request_exception=False)
    for url, params in get_pages(BAD[kind]):
        response = client.get(url, params)
        assert_not_echoed(response)


@pytest.mark.parametrize("kind", BAD)
def test_public_post_forms_never_echo_bad_input_and_store_nothing(public_data, kind):
    client = Client(raise_request_exception=False)
    for url, data in post_pages(BAD[kind], public_data):
        response = client.post(url, data)
        assert_not_echoed(response)
    assert not Inquiry.objects.exists()
    assert not Registration.objects.exists()
    assert not CompanyCheck.objects.exists()


def test_invalid_utf8_in_a_query_is_no_error(public_data):
    client = Client(raise_request_exception=False)
    for url in ("/angebote/", "/netzwerk/", "/tarifauskunft/auskunft/", "/suche/"):
        response = client.get(url + "?q=%ff%fe%c3%28&sort=%ff&gebiet=%c3")
        assert_not_echoed(response)


class Sample(Form):
    name = forms.CharField(max_length=50)
    text = forms.CharField(max_length=500, widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], required=False)
    kinds = forms.MultipleChoiceField(choices=[("a", "A")], required=False)
    number = forms.IntegerField(required=False)


CONTROL = ["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\u2066", "\x0b"]


@pytest.mark.parametrize("char", CONTROL)
def test_a_control_character_in_a_one_line_field_is_a_field_error(char):
    form = Sample({"name": f"Müller{char}GmbH"})
    assert not form.is_valid()
    assert form.errors.as_data()["name"][0].code == "control_characters"
    assert "Steuerzeichen" in form.errors["name"][0]


@pytest.mark.parametrize("char", CONTROL)
def test_a_control_character_in_any_field_is_refused_the_same_way(char):
    for data in ({"text": f"a{char}b"}, {"kind": f"a{char}"}, {"number": f"1{char}"}):
        form = Sample({"name": "Müller", **data})
        assert not form.is_valid()
        (field,) = form.errors
        assert form.errors.as_data()[field][0].code == "control_characters"


def test_line_breaks_and_tabs_are_allowed_in_multi_line_text_only():
    assert Sample({"name": "Müller", "text": "Zeile 1\r\n\tZeile 2\n"}).is_valid()
    for char in ("\n", "\t", "\r"):
        assert not Sample({"name": f"Müller{char}GmbH"}).is_valid()


def test_valid_input_is_unchanged():
    form = Sample({"name": "Müller – ÄÖÜ ß 😀 ‏مرحبا", "text": "a\nb", "kind": "b", "number": "4"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Müller – ÄÖÜ ß 😀 ‏مرحبا"


@pytest.mark.parametrize("value", [MARK + "x" * 10_000, MARK, MARK + "\x1b"])
def test_an_invalid_choice_is_named_without_its_value(value):
    form = Sample({"name": "Müller", "kind": value, "kinds": [value]})
    assert not form.is_valid()
    for field in ("kind", "kinds"):
        (message,) = form.errors[field]
        assert MARK not in message
        if "\x1b" not in value:
            assert message == "Bitte wählen Sie eine der angebotenen Möglichkeiten."


def test_an_invalid_choice_in_english():
    from django.utils import translation

    with translation.override("en"):
        form = Sample({"name": "Müller", "kind": "zzz"})
        form.is_valid()
        assert form.errors["kind"] == ["Please choose one of the options offered."]


def test_own_choice_messages_are_kept():
    class Own(Form):
        kind = forms.ChoiceField(choices=[("a", "A")], error_messages={"invalid_choice": "Eigen"})

    form = Own({"kind": "x"})
    assert form.errors["kind"] == ["Eigen"]


def test_a_refused_value_is_shown_again_without_control_characters_and_bounded():
    form = Sample({"name": "Müller\x00Gmb\u202eH" + "x" * 100, "text": "a\nb\x1b"})
    assert not form.is_valid()
    assert form["name"].value() == "Müller\ufffdGmb\ufffdH" + "x" * 38
    assert form["text"].value() == "a\nb\ufffd"
    html = str(form["name"])
    assert "\x00" not in html and "\u202e" not in html


def test_long_multi_line_text_without_max_length_is_shown_again_whole():
    class Long(Form):
        name = forms.CharField()
        text = forms.CharField(widget=forms.Textarea)

    form = Long({"name": "x" * 2000, "text": "Zeile\n" * 1000})
    assert form.is_valid()
    assert form["text"].value() == "Zeile\n" * 1000
    assert form["name"].value() == "x" * 1000


def test_every_form_of_the_project_is_a_lotse_form():
    """A form that forgot the base class would echo and accept control characters again."""
    import importlib
    import pkgutil

    import lotse

    for module in pkgutil.walk_packages(lotse.__path__, "lotse."):
        if module.name.rsplit(".", 1)[-1].startswith(("forms", "coverage_views")):
            importlib.import_module(module.name)
    plain = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in all_subclasses(forms.Form)
        if cls.__module__.startswith("lotse.")
        and not issubclass(cls, Form | forms.BaseModelForm)  # Wagtail's admin forms
    ]
    assert plain == []


def all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_subclasses(sub)
