"""Template helpers of the project's field template (`forms/field.html`)."""

from django import template

from lotse.core import forms

register = template.Library()


@register.simple_tag
def field_widget(field):
    """The field's widget with the KERN class, `aria-describedby` and (Django) `aria-invalid`."""
    return field.as_widget(attrs=forms.widget_attrs(field))


@register.filter
def described_by(field):
    return forms.described_by(field)


@register.filter
def is_group(field):
    return field.widget_type in forms.GROUP_WIDGETS


@register.filter
def error_target(field):
    """The id an error summary links to: the input itself, a group's first option."""
    return forms.error_target(field)


@register.filter
def fields_named(form, names: str) -> list:
    """The bound fields of `form` named in `names` (separated by spaces), in that order; for the
    shared field groups (`forms/_fieldset.html`, `forms/_section.html`)."""
    return [form[name] for name in names.split()]
