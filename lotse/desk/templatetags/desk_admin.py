"""Template tags of the desk's back-office pages (the admin sidebar: lotse.core.admin_sidebar)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


# One line of the inbox (selectors.InboxRow): built here rather than in a template loop, which
# cost about as much as the rest of the page for 50 rows.
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
    return format_html_join(
        "\n",
        INBOX_ROW,
        (
            (
                " desk-row--overdue" if row.overdue else "",
                row.url,
                row.reference,
                row.received,
                row.subject,
                row.district,
                row.status,
                row.assignee,
                row.due,
                overdue if row.overdue else "",
            )
            for row in rows
        ),
    )


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
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == selected else "", label) for value, label in pairs),
    )
