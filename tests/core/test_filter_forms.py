"""GET filter forms (core.forms.FilterForm) on the public search pages: every field is rendered
by the project's field template (label linked to the control, no "optional" marks), an invalid
value is ignored instead of answered with an error."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from lotse.core.forms import FilterForm

pytestmark = pytest.mark.django_db

# page, its GET filter fields (name attribute), a query with values the page does not know
PAGES = [
    ("/veranstaltungen/", {"art", "thema", "kreis"}, {"art": "x", "thema": "y", "kreis": "z"}),
    ("/angebote/abdeckung/", {"thema"}, {"thema": "unbekannt"}),
    ("/netzwerk/", {"q"}, {"typ": "unbekannt", "seite": "x"}),
    ("/angebote/", {"q", "sort"}, {"sort": "quer", "topic_field": "x"}),
]


class Filters(FilterForm):
    kind = forms.ChoiceField(choices=[("", "alle"), ("a", "A")], required=False)
    words = forms.CharField(required=False, max_length=5)


def test_filter_form_ignores_invalid_values_without_errors():
    form = Filters({"kind": "zzz", "words": "too long"})
    assert form.is_valid()
    assert form.errors == {}
    assert form.filters == {"kind": "", "words": ""}
    assert not form.filtered


def test_filter_form_keeps_valid_values():
    form = Filters({"kind": "a", "words": "ok"})
    assert form.filters == {"kind": "a", "words": "ok"}
    assert form.filtered


def test_filter_form_without_parameters_is_unbound():
    form = Filters({})
    assert not form.is_bound
    assert form.filters == {"kind": "", "words": ""}


def _filter_form(html: str, names: set[str]):
    """The page's filter form: the first GET form holding `names` that is not the header's
    portal search box (a GET form with `q` on every page)."""
    doc = BeautifulSoup(html, "html.parser")
    return next(
        f
        for f in doc.find_all("form")
        if (f.get("method") or "get").lower() == "get"
        and "lotse-header-search" not in (f.get("class") or [])
        and all(f.find(attrs={"name": n}) for n in names)
    )


@pytest.mark.parametrize(("url", "names", "_bad"), PAGES)
def test_every_filter_control_has_its_label_from_the_field_template(
    client, portal_module, url, names, _bad
):
    response = client.get(url)
    assert response.status_code == 200
    found = [
        value
        for context in response.context
        for value in context.flatten().values()
        if isinstance(value, FilterForm)
    ]
    assert any(names <= set(form.fields) for form in found)
    form = _filter_form(response.content.decode(), names)
    controls = form.find_all(["input", "select"], attrs={"name": True})
    assert names <= {control["name"] for control in controls}
    for control in controls:
        if control.get("type") in {"checkbox", "radio", "hidden"}:
            continue
        (label,) = form.find_all("label", attrs={"for": control["id"]})
        assert control.find_parent("div", class_="kern-form-input")
        assert label.get_text(strip=True)
        assert "kern-form-input__" in " ".join(control["class"])
    assert not form.find_all(class_="kern-label__optional")


@pytest.mark.parametrize(("url", "names", "bad"), PAGES)
def test_unknown_filter_values_are_ignored(client, portal_module, url, names, bad):
    response = client.get(url, bad)
    assert response.status_code == 200
    form = _filter_form(response.content.decode(), names)
    assert not form.find_all(class_="kern-error")
