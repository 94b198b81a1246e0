"""The project's form renderer: every field renders through one KERN UX template.

`{{ form.field.as_field_group }}` (and `{{ form }}`) render `forms/field.html`: label, hint and
error text with ids, `aria-describedby` naming both, `aria-invalid` on errors, required fields
marked, radio and checkbox groups as fieldset and legend. Widget attributes that belong to one
field (autocomplete, inputmode, rows, a date picker) are set on the form's widget.

Every form of the project derives from `Form` (decision 0038): a submitted value is never echoed
in an error message, a value with control characters is refused with a field error, and a form
shown again never sends control characters or more than the field's length back to the browser.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .validators import (
    CONTROL_CHARACTERS_MESSAGE,
    CONTROL_CHARACTERS_MULTI_LINE_MESSAGE,
    has_control_characters,
    marked,
)

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


# Django's messages for an unknown choice repeat the submitted value ("%(value)s is not one of
# the available choices"): any bytes a request carries, of any length, in the page.
CHOICE_MESSAGE = _("Bitte wählen Sie eine der angebotenen Möglichkeiten.")
CHOICE_CODES = ("invalid_choice", "invalid_pk_value")
# What a one-line field without max_length shows again of a value at most (multi-line text
# without max_length is shown whole: a staff member's long text is never cut).
REDISPLAY_LIMIT = 1000


def is_multi_line(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.Textarea)


class BoundField(forms.BoundField):
    """Shows a submitted value again with every control character marked (U+FFFD) and cut to
    the field's length: what a browser could not have sent is not sent back to it."""

    def value(self):
        value = super().value()
        if not self.form.is_bound:
            return value
        multi_line = is_multi_line(self.field)
        limit = getattr(self.field, "max_length", None) or (None if multi_line else REDISPLAY_LIMIT)

        def shown(item):
            return marked(item, multi_line=multi_line)[:limit] if isinstance(item, str) else item

        if isinstance(value, list | tuple):
            return [shown(item) for item in value]
        return shown(value)


class Form(forms.Form):
    """The project's base form (decision 0038).

    - An unknown choice is answered with `CHOICE_MESSAGE` instead of Django's message that
      repeats the value; a field's own message (`error_messages`) is kept unless it names the
      value too.
    - A value with control characters (`validators.CONTROL_CHARACTERS`; tab and line breaks are
      allowed in a Textarea) is refused in whatever field, with one message, before the field
      cleans it: its own errors and `clean_<name>` are skipped, `clean()` does not see it.
    - `BoundField` shows refused values again without control characters, bounded.
    """

    bound_field_class = BoundField

    def full_clean(self) -> None:
        for field in self.fields.values():
            for code in CHOICE_CODES:
                message = field.error_messages.get(code)
                if message is not None and "%(" in str(message):
                    field.error_messages[code] = CHOICE_MESSAGE
        super().full_clean()

    def _clean_fields(self) -> None:
        # Django's loop (BaseForm._clean_fields), with the refused values never cleaned: a
        # field's to_python may look the value up (ModelChoiceField), and PostgreSQL refuses NUL.
        for name, field in self.fields.items():
            bound = self[name]
            if message := self.control_characters_message(bound):
                self.add_error(name, ValidationError(message, code="control_characters"))
                continue
            try:
                self.cleaned_data[name] = field._clean_bound_field(bound)
                if hasattr(self, f"clean_{name}"):
                    self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except ValidationError as error:
                self.add_error(name, error)

    @staticmethod
    def control_characters_message(bound: forms.BoundField):
        """The message refusing the field's submitted value, or None when it has no control
        characters (files and disabled fields are not checked)."""
        field = bound.field
        if isinstance(field, forms.FileField) or field.disabled:
            return None
        multi_line = is_multi_line(field)
        if not has_control_characters(bound.data, multi_line=multi_line):
            return None
        return CONTROL_CHARACTERS_MULTI_LINE_MESSAGE if multi_line else CONTROL_CHARACTERS_MESSAGE


class FilterForm(Form):
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
