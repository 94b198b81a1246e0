"""The project's one field template (FORM_RENDERER): labels, hints, errors and their ARIA links."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

CHOICES = [("a", "Erste"), ("b", "Zweite")]


class KindsForm(forms.Form):
    text = forms.CharField(label="Text", max_length=20, help_text="Hinweis Text")
    email = forms.EmailField(label="E-Mail", help_text="Hinweis E-Mail")
    textarea = forms.CharField(label="Lang", widget=forms.Textarea, help_text="Hinweis Lang")
    select = forms.ChoiceField(label="Auswahl", choices=CHOICES, help_text="Hinweis Auswahl")
    checkbox = forms.BooleanField(label="Zustimmung", help_text="Hinweis Zustimmung")
    radio = forms.ChoiceField(
        label="Eins davon", choices=CHOICES, widget=forms.RadioSelect, help_text="Hinweis Radio"
    )
    multi = forms.MultipleChoiceField(
        label="Mehrere",
        choices=CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Hinweis Mehrere",
    )
    date = forms.DateField(
        label="Datum", widget=forms.DateInput(attrs={"type": "date"}), help_text="Hinweis Datum"
    )


FIELDS = ["text", "email", "textarea", "select", "checkbox", "radio", "multi", "date"]
GROUPS = {"radio", "multi"}
INVALID = {
    "text": "x" * 30,
    "email": "kein-at",
    "textarea": "",
    "select": "z",
    "checkbox": "",
    "radio": "z",
    "multi": ["z"],
    "date": "31.02.2025",
}


def parse(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def render(field) -> BeautifulSoup:
    return parse(field.as_field_group())


def by_id(doc, element_id: str):
    (element,) = doc.find_all(id=element_id)
    return element


def described(doc, field_name: str):
    """The element carrying aria-describedby: the group's fieldset or the input itself."""
    if field_name in GROUPS:
        return by_id(doc, f"id_{field_name}")
    (element,) = doc.find_all(attrs={"name": field_name})
    return element


def classes(element) -> list[str]:
    return element.get("class") or []


def test_the_project_renderer_is_configured():
    assert settings.FORM_RENDERER == "lotse.core.forms.LotseFormRenderer"
    assert KindsForm().renderer.field_template_name == "forms/field.html"


@pytest.mark.parametrize("name", FIELDS)
def test_without_errors_the_hint_is_linked_and_nothing_is_invalid(name):
    doc = render(KindsForm()[name])
    ids = described(doc, name)["aria-describedby"].split()
    assert ids == [f"id_{name}_helptext"]
    hint = by_id(doc, ids[0])
    assert "kern-hint" in classes(hint)
    assert hint.get_text().startswith("Hinweis")
    assert not doc.find_all(attrs={"aria-invalid": "true"})
    assert not doc.select(".kern-error")


@pytest.mark.parametrize("name", FIELDS)
def test_with_errors_hint_and_error_are_linked_and_the_input_is_invalid(name):
    form = KindsForm(data={name: INVALID[name]})
    assert not form.is_valid()
    assert form[name].errors
    doc = render(form[name])
    ids = described(doc, name)["aria-describedby"].split()
    assert ids == [f"id_{name}_helptext", f"id_{name}_error"]
    error = by_id(doc, ids[1])
    assert "kern-error" in classes(error)
    assert error.get_text().strip() == " ".join(form[name].errors)
    inputs = doc.find_all(attrs={"name": name})
    assert inputs
    assert all(node.get("aria-invalid") == "true" for node in inputs)
    assert doc.select(".kern-form-input--error, .kern-fieldset--error, .kern-form-check--error")


@pytest.mark.parametrize("name", FIELDS)
def test_every_id_named_in_aria_describedby_exists_exactly_once(name):
    form = KindsForm(data={name: INVALID[name]})
    form.is_valid()
    doc = render(form[name])
    named = doc.find_all(attrs={"aria-describedby": True})
    assert named
    for node in named:
        for ref in node["aria-describedby"].split():
            assert len(doc.find_all(id=ref)) == 1


@pytest.mark.parametrize("name", sorted(set(FIELDS) - GROUPS))
def test_a_single_field_has_a_label_for_its_input(name):
    doc = render(KindsForm()[name])
    (label,) = doc.find_all("label")
    assert label["for"] == f"id_{name}"
    assert by_id(doc, f"id_{name}")["name"] == name


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_a_group_is_a_fieldset_with_legend_and_labelled_options(name):
    doc = render(KindsForm()[name])
    (fieldset,) = doc.find_all("fieldset")
    assert fieldset.legend.get_text().startswith(KindsForm.base_fields[name].label)
    options = fieldset.find_all("input")
    assert [node["id"] for node in options] == [f"id_{name}_0", f"id_{name}_1"]
    for node in options:
        assert doc.find_all("label", attrs={"for": node["id"]})


def test_widgets_render_with_their_kind_and_kern_class():
    email = by_id(render(KindsForm()["email"]), "id_email")
    assert email["type"] == "email"
    assert classes(email) == ["kern-form-input__input"]
    assert by_id(render(KindsForm()["date"]), "id_date")["type"] == "date"
    assert by_id(render(KindsForm()["textarea"]), "id_textarea").name == "textarea"
    select = by_id(render(KindsForm()["select"]), "id_select")
    assert select.name == "select"
    assert classes(select.parent) == ["kern-form-input__select-wrapper"]
    checkbox = by_id(render(KindsForm()["checkbox"]), "id_checkbox")
    assert classes(checkbox) == ["kern-form-check__checkbox"]


def test_required_fields_have_a_star_and_optional_ones_say_so():
    class Form(forms.Form):
        needed = forms.CharField(label="Nötig")
        spare = forms.CharField(label="Freiwillig", required=False)

    with translation.override("de"):
        needed = render(Form()["needed"])
        spare = render(Form()["spare"])
    assert "(Pflichtfeld)" in needed.label.get_text()
    assert by_id(needed, "id_needed").has_attr("required")
    assert "(optional)" not in needed.get_text()
    assert "Pflichtfeld" not in spare.get_text()
    assert spare.label.get_text().strip() == "Freiwillig (optional)"
    assert not by_id(spare, "id_spare").has_attr("required")


def test_rows_of_a_formset_do_not_mark_required_fields():
    class Row(forms.Form):
        name = forms.CharField(label="Name")

    formset = forms.formset_factory(Row, extra=1)()
    with translation.override("de"):
        doc = render(formset.forms[0]["name"])
    assert doc.label.get_text().strip() == "Name"


def test_an_own_aria_describedby_of_the_widget_is_kept_in_front():
    class Form(forms.Form):
        consent = forms.BooleanField(
            label="Ja", widget=forms.CheckboxInput(attrs={"aria-describedby": "privacy-text"})
        )

    form = Form(data={})
    form.is_valid()
    box = by_id(render(form["consent"]), "id_consent")
    assert box["aria-describedby"] == "privacy-text id_consent_error"
    assert box["aria-invalid"] == "true"


def test_the_error_summary_links_every_error_to_its_input_and_is_announced():
    form = KindsForm(data={"text": "x" * 30, "radio": "z"})
    form.is_valid()
    with translation.override("de"):
        markup = render_to_string("forms/_error_summary.html", {"form": form})
    doc = parse(markup)
    summary = by_id(doc, "error-summary")
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert by_id(doc, summary["aria-labelledby"]).get_text() == "Bitte prüfen Sie Ihre Angaben"
    targets = {link["href"] for link in summary.find_all("a")}
    # A group's link goes to its first option (a fieldset cannot take the focus).
    expected = {f"#id_{name}" for name in form.errors if name not in GROUPS}
    expected |= {f"#id_{name}_0" for name in form.errors if name in GROUPS}
    assert targets == expected
    page = parse(markup + "".join(form[name].as_field_group() for name in FIELDS))
    for target in targets:
        assert len(page.find_all(id=target[1:])) == 1


def test_the_error_summary_in_english():
    form = KindsForm(data={})
    form.is_valid()
    with translation.override("en"):
        markup = render_to_string("forms/_error_summary.html", {"form": form})
        field = form["text"].as_field_group()
    assert "Please check your details" in markup
    assert "(required)" in field


def test_no_errors_no_summary():
    assert render_to_string("forms/_error_summary.html", {"form": KindsForm()}).strip() == ""
