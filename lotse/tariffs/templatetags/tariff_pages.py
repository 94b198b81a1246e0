"""`{% lookup_form form %}`: the Tarifauskunft's search form of an answer page, its markup kept
per register version and language (decision 0021).

Rendering the form's four fields through the project's field template cost about a quarter of
a new answer page (the territory select alone ~2 ms). The markup depends on the language, the
districts of the register (the territory choices) and the territory chosen; the free values
(words, WZ code, date) are only the `value` attributes of three inputs. So the form is
rendered once per (version, language, territory) with a placeholder in each of those inputs,
and every answer puts its own values, escaped as the widgets escape them, in their place.
"""

import datetime
import functools
import html
import re
from collections.abc import Callable
from urllib.parse import quote

from django import forms, template
from django.core.cache import caches
from django.forms import Form
from django.forms.utils import ErrorDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lotse.tariffs.cache import TIMEOUT, cache_key
from lotse.tariffs.selectors import AgreementRow, LookupResult
from lotse.tariffs.versioning import current_version

register = template.Library()

FORM_TEMPLATE = "tariffs/_lookup_form.html"
FREE_FIELDS = ("q", "wz", "stand")
PLACEHOLDER = "lotse-tariffs-form-{}-value"
Fields = tuple[str, ...]
# The value attribute of an input as the widget templates write it (django/forms/widgets).
_VALUE_ATTRIBUTE = re.compile(r' value="lotse-tariffs-form-([a-z_]+)-value"')


def _value_attribute(form: Form, name: str) -> str:
    """What the widget template writes for the bound value: nothing for an empty one."""
    field = form[name]
    value = field.field.widget.format_value(field.value())
    return "" if value is None else format_html(' value="{}"', value)


def _form_markup(
    form: Form, render: Callable[[Form], str], *, name: str, free: Fields, keyed: Fields
) -> str:
    """The form's markup (`render(form)`) with placeholders as the free values, cached per
    version, language and the values of the `keyed` fields (a select's or radio's choice)."""
    values = {field: form[field].value() or "" for field in keyed}
    key = cache_key(name, current_version(), {"language": get_language(), **values})
    cache = caches["local"]
    markup = cache.get(key)
    if markup is None:
        data = {field: PLACEHOLDER.format(field) for field in free}
        shaped = type(form)({**data, **values})
        # The placeholders are not valid input: no errors are shown (the answer's form is valid).
        shaped._errors = ErrorDict()
        shaped.cleaned_data = {}
        markup = render(shaped)
        cache.set(key, markup, TIMEOUT)
    return markup


def _filled(
    form: Form, render: Callable[[Form], str], *, name: str, free: Fields, keyed: Fields
) -> SafeString:
    """The form as `render` writes it, from the markup kept by `_form_markup` with the free
    values put in; a form with errors (or without data) is rendered in full."""
    if not form.is_bound or form.errors:
        return mark_safe(render(form))  # noqa: S308 - rendered by the form's templates
    markup = _form_markup(form, render, name=name, free=free, keyed=keyed)

    def value(match: re.Match[str]) -> str:
        field = match.group(1)
        return _value_attribute(form, field) if field in free else match.group(0)

    # One pass over the cached markup: a value that contains a placeholder stays as it is.
    return mark_safe(_VALUE_ATTRIBUTE.sub(value, markup))  # noqa: S308 - escaped by format_html


def _lookup_form_html(form: Form) -> str:
    return render_to_string(FORM_TEMPLATE, {"form": form})


@register.simple_tag
def lookup_form(form: Form) -> SafeString:
    """The search form filled with the answer's question (kept per territory)."""
    return _filled(form, _lookup_form_html, name="lookup-form", free=FREE_FIELDS, keyed=("gebiet",))


def _fields_html(form: Form) -> str:
    """`{% for field in form %}{{ field.as_field_group }}{% endfor %}`."""
    return "".join(str(field.as_field_group()) for field in form)


@register.simple_tag
def check_fields(form: Form) -> SafeString:
    """The fields of a check's form (wage, trainee pay) as the template's loop over
    `as_field_group` writes them, kept like the search form: the text and date inputs as
    placeholders, per language and choice of the other fields (decision 0039)."""
    free = tuple(
        name
        for name, field in form.fields.items()
        if isinstance(field.widget, forms.TextInput | forms.NumberInput)
    )
    keyed = tuple(name for name in form.fields if name not in free)
    name = f"check-fields:{type(form).__name__}"
    return _filled(form, _fields_html, name=name, free=free, keyed=keyed)


# --- the agreements of an answer page ------------------------------------------------------------

_PATH_PLACEHOLDER = "lotse-register-number"


# What `reverse` leaves unquoted in a path argument (django.urls.resolvers).
_PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


def _path_parts() -> tuple[str, str]:
    """An agreement's page address before and after its register number (one `reverse`)."""
    before, _, after = reverse("tariffs:agreement", args=[_PATH_PLACEHOLDER]).partition(
        _PATH_PLACEHOLDER
    )
    return before, after


def agreement_paths(register_numbers: list[str]) -> dict[str, str]:
    """The page address of each agreement: one `reverse` for the whole list (the argument is
    quoted as `reverse` quotes it)."""
    before, after = _path_parts()
    return {
        number: f"{before}{quote(number, safe=_PATH_SAFE)}{after}" for number in register_numbers
    }


_ITEM = (
    '\n  <li>\n    <p class="kern-body"><a class="kern-link" href="{url}?stand={stand}"><strong>'
    "{title}</strong></a> ({kind}, {register_label} {register_number})</p>\n"
    '    <p class="kern-body">{standing}\n      {binding}</p>\n'
    '    <p class="kern-body">{parties_label}: {parties}{scope}</p>\n'
    '    <p class="kern-body">{provisions}</p>\n  </li>\n'
)


def _escape(value: object) -> str:
    """`conditional_escape` without its lazy-string wrapper (twenty rows of a dozen values)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


@register.simple_tag
def agreement_items(items: list, on: datetime.date, **texts: str) -> SafeString:
    """The list items of an answer's agreements (`selectors.AgreementAnswer`).

    The sentences and labels come from the template (`texts`: translated there, the figures
    as `{date}` and `{start}`); dates are written by Django's localisation. One string format
    per row instead of a loop of tags (a third of a new answer page's template time); every
    value is escaped as the template would have escaped it.
    """
    stand = on.isoformat()
    language = get_language()
    # The agreements' addresses as `agreement_paths` writes them, escaped: the parts around
    # the register number from one `reverse`, the number quoted and escaped per agreement
    # (`_row_values`; escaping is per character, so the parts can be escaped apart).
    before, after = (_escape(part) for part in _path_parts())
    labels = {key: _escape(value) for key, value in texts.items()}
    kinds: dict[str, str] = {}
    rows = []
    for item in items:
        agreement = item.agreement
        quoted, title, register_number, personal_scope = _row_values(agreement)
        url = f"{before}{quoted}{after}"
        if item.in_after_effect:
            standing = texts["after_effect"].format(
                date=_escape(_short_date(agreement.valid_to, language))
            )
        else:
            standing = texts["in_force"].format(
                date=_escape(_short_date(agreement.valid_from, language))
            )
        ave = item.applicability
        if ave:
            since = texts["binding_since"].format(
                start=_escape(_short_date(ave.valid_from, language))
            )
            announcement = f" ({_escape(ave.announcement)})" if ave.announcement else ""
            binding = f"<strong>{since}{announcement}.</strong>"
        else:
            binding = labels["not_binding"]
        scope = f" · {labels['scope']}: {personal_scope}" if personal_scope else ""
        if item.has_provisions:
            provisions = (
                f'<a class="kern-link" href="{url}?stand={stand}">{labels["provisions"]}</a>'
            )
        else:
            provisions = labels["no_provisions"]
        if agreement.kind not in kinds:
            kinds[agreement.kind] = _escape(agreement.kind_label)
        rows.append(
            _ITEM.format(
                url=url,
                stand=stand,
                title=title,
                kind=kinds[agreement.kind],
                register_label=labels["register"],
                register_number=register_number,
                standing=standing,
                binding=binding,
                parties_label=labels["parties"],
                parties="; ".join(_escape(name) for name in item.parties),
                scope=scope,
                provisions=provisions,
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above


@functools.lru_cache(maxsize=4096)
def _row_values(agreement: AgreementRow) -> tuple[str, str, str, str]:
    """What an agreement's list item shows of it in every language and on every date, escaped:
    its register number quoted for its address (as `reverse` quotes it), its title, register
    number and personal scope. Kept by value: a changed agreement is another key."""
    return (
        _escape(quote(agreement.register_number, safe=_PATH_SAFE)),
        _escape(agreement.title),
        _escape(agreement.register_number),
        _escape(agreement.personal_scope),
    )


@register.simple_tag
def page_numbers(result: LookupResult, page_params: str, label: str) -> SafeString:
    """The list items of an answer's pages (`LookupResult.page_numbers`) as the template's loop
    wrote them: the current page marked, the others linked (page 1 without `seite`); `label`
    ("Seite") translated in the template. The numbers are at most MAX_PAGE (50): localisation
    writes them as they are."""
    params = _escape(page_params)
    label = _escape(label)
    items = []
    for number in result.page_numbers:
        if number == result.page:
            items.append(
                f'<li><span aria-current="page"><span class="kern-sr-only">{label} </span>'
                f"{number}</span></li>"
            )
        else:
            page = f"&amp;seite={number}" if number > 1 else ""
            items.append(
                f'<li><a class="kern-link" href="?{params}{page}"><span class="kern-sr-only">'
                f"{label} </span>{number}</a></li>"
            )
    return mark_safe("".join(items))  # noqa: S308 - the only text values escaped above


@functools.lru_cache(maxsize=4096)
def _short_date(day: datetime.date | None, language: str | None) -> str:
    """A date as the `date:"SHORT_DATE_FORMAT"` filter writes it in the language."""
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""
