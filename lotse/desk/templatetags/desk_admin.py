"""Template tags of the desk's back-office pages (the admin sidebar: lotse.core.admin_sidebar)."""

import dataclasses
import hashlib
import json
from html import escape

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lotse.core.versioning import AUTH_SCOPE, CONTENT, versioned

register = template.Library()


# One line of the inbox (selectors.InboxRow): built here rather than in a template loop, which
# cost about as much as the rest of the page for 50 rows. Every value is a plain string, escaped
# by the standard library's `html.escape`, which is what Django's `escape` calls (without its
# lazy-string and SafeString wrappers: 500 values a page).
INBOX_ROW = (
    '<tr class="desk-row{}">'
    '<td><a href="{}">{}</a></td>'
    "<td>{}</td><td>{}</td><td>{}</td>"
    '<td><span class="w-status">{}</span></td>'
    "<td>{}</td><td>{}{}</td></tr>"
)


@register.simple_tag
def desk_inbox_rows(rows):
    if not rows:
        return format_html('<tr><td colspan="7">{}</td></tr>', _("Keine Anfragen gefunden."))
    overdue = format_html(
        ' <strong class="w-status w-status--label desk-overdue">{}</strong>', _("überfällig")
    )
    return mark_safe(  # noqa: S308 - every value is escaped here
        "\n".join(
            INBOX_ROW.format(
                " desk-row--overdue" if row.overdue else "",
                escape(row.url),
                escape(row.reference),
                escape(row.received),
                escape(row.subject),
                escape(row.district),
                escape(row.status),
                escape(row.assignee),
                escape(row.due),
                overdue if row.overdue else "",
            )
            for row in rows
        )
    )


@register.inclusion_tag("desk/admin/_column_heads.html")
def desk_column_heads(*labels):
    """The head of a back-office table: one `<th scope="col">` a label, in the order given
    (`{% desk_column_heads _("Aktenzeichen") _("Eingang") %}`)."""
    return {"labels": labels}


# One overdue referral of the report (selectors.OverdueReferralRow).
OVERDUE_REFERRAL = '<li><a href="{}">{}</a> → {} ({} {})</li>'


@register.simple_tag
def desk_overdue_referrals(rows):
    if not rows:
        return format_html("<li>{}</li>", _("Keine."))
    until = _("Annahme bis")
    return format_html_join(
        "", OVERDUE_REFERRAL, ((row.url, row.reference, row.actor, until, row.due) for row in rows)
    )


@register.simple_tag
def desk_options(items, selected):
    """The <option>s of one inbox filter: `items` are (value, label) pairs or
    `selectors.Choice`s, `selected` the filter's value (one tag instead of a template loop)."""
    pairs = (
        (item.value, item.label) if hasattr(item, "value") else (item[0], item[1]) for item in items
    )
    return mark_safe(  # noqa: S308 - every value is escaped here
        "".join(
            '<option value="{}"{}>{}</option>'.format(
                escape(str(value)), " selected" if value == selected else "", escape(str(label))
            )
            for value, label in pairs
        )
    )


FILTER_FORM = "desk/admin/_filters.html"


@register.simple_tag(takes_context=True)
def desk_filter_form(context):
    """The inbox's filter form (`_filters.html`, as an include would render it), kept in each
    process's memory (decision 0025): about twenty translated labels and seven option lists,
    the same for every page with the same filters. Kept per language, the user's topics and
    the chosen filters, under the content version (topic fields, districts) and the `auth`
    version (the "Zuständig" choices), so a renamed topic field or a new colleague shows at
    once."""
    parts = [
        get_language() or "",
        [value for value, _label in context["topics"]],
        dataclasses.astuple(context["filters"]),
    ]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]

    def build() -> SafeString:
        template = context.template.engine.get_template(FILTER_FORM)
        return SafeString(template.render(context))

    return versioned(f"desk.filter-form:{digest}", build, scopes=(CONTENT, AUTH_SCOPE))
