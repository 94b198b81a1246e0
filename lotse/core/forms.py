"""The project's form renderer: every field renders through one KERN UX template.

`{{ form.field.as_field_group }}` (and `{{ form }}`) render `forms/field.html`: label, hint and
error text with ids, `aria-describedby` naming both, `aria-invalid` on errors, required fields
marked, radio and checkbox groups as fieldset and legend. Widget attributes that belong to one
field (autocomplete, inputmode, rows, a date picker) are set on the form's widget.
"""

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict
from django.utils.html import format_html

FIELD_TEMPLATE = "forms/field.html"
GROUP_WIDGETS = frozenset({"radioselect", "checkboxselectmultiple"})
SELECT_WIDGETS = frozenset({"select", "selectmultiple", "nullbooleanselect"})


class LotseFormRenderer(TemplatesSetting):
    """Form templates come from the project's template engine (so `lotse/templates/forms/`)."""

    field_template_name = FIELD_TEMPLATE


def hint_id(field) -> str:
    return f"{field.auto_id}_helptext"


def error_id(field) -> str:
    return f"{field.auto_id}_error"


def described_by(field) -> str:
    """The ids describing a field: its own widget's (e.g. a privacy notice), hint, error."""
    ids = (field.field.widget.attrs.get("aria-describedby") or "").split()
    if field.auto_id:
        if field.help_text:
            ids.append(hint_id(field))
        if field.errors:
            ids.append(error_id(field))
    return " ".join(ids)


def widget_attrs(field) -> dict[str, str]:
    """The KERN class and the ARIA attributes of a single (not grouped) widget."""
    kind = field.widget_type
    if kind == "checkbox":
        css = "kern-form-check__checkbox"
        if field.errors:
            css += " kern-form-check__checkbox--error"
    elif kind in SELECT_WIDGETS:
        css = "kern-form-input__select"
    else:
        css = "kern-form-input__input"
        if field.errors:
            css += " kern-form-input__input--error"
    own = field.field.widget.attrs.get("class")
    attrs = {"class": f"{own} {css}" if own else css}
    if ids := described_by(field):
        attrs["aria-describedby"] = ids
    return attrs


def error_target(field) -> str:
    """The element an error summary links to: the input itself, or a group's first option."""
    if field.widget_type in GROUP_WIDGETS:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


class FilterForm(forms.Form):
    """A GET filter form (the catalogue, the directory, the coverage map, the event list).

    Rendered like every form through `forms/field.html`, without "optional" marks (every filter
    is optional). Without parameters the form is unbound. A value that is not valid (an unknown
    choice, a changed link) is ignored: the filter counts as unset, no error text, never 400.
    """

    use_required_attribute = False

    def __init__(self, data=None, **kwargs):
        super().__init__(data or None, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound:
            self._errors = ErrorDict()

    @property
    def filters(self) -> dict[str, Any]:
        """Every field's valid value; the field's empty value where it has none."""
        cleaned = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            name: cleaned[name] if name in cleaned else field.to_python(None)
            for name, field in self.fields.items()
        }

    @property
    def filtered(self) -> bool:
        return any(self.filters.values())


def slug_choices(items, empty_label) -> list[tuple[str, str]]:
    """Choices by slug for a select filter, with the "all" option first."""
    return [("", empty_label), *((item.slug, item.label) for item in items)]


COUNTED = '{} <span class="kern-body--muted">({})</span>'


def facet_field(label, values) -> forms.MultipleChoiceField:
    """A facet of a search page: one checkbox per value (`key`, `label`, `count`), the number of
    hits in the label."""
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (
                value.key,
                format_html(
                    '{} <span class="kern-body--muted">({})</span>', value.label, value.count
                ),
            )
            for value in values
        ],
    )
