"""Writes of the figures app: a draft press release from an event's structure report."""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site

from lotse.core.types import AnyUser
from lotse.events.backoffice.reports import press_facts, structure_report
from lotse.events.models import Event

from .models import PressReleaseIndexPage, PressReleasePage
from .press import fact_groups


class PressIndexMissing(Exception):
    """There is no home page to put the press releases under."""


def press_index(*, user: AnyUser | None = None) -> PressReleaseIndexPage:
    """The German list page "Medieninformationen"; created (published) under the default site's
    home page when it does not exist yet."""
    index = PressReleaseIndexPage.objects.filter(locale__language_code="de").first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise PressIndexMissing(_("Es gibt keine Startseite, unter der die Liste stehen kann."))
    home: Page = site.root_page.specific
    index = PressReleaseIndexPage(
        title=_("Medieninformationen"),
        slug="medieninformationen",
        intro=_("Medieninformationen des Zentrums: Zahlen, Veranstaltungen, Termine."),
        locale=Locale.objects.get(language_code="de"),
    )
    home.add_child(instance=index)
    # The list page itself is structure, not news: published by the system (it lists only
    # releases that went through the review workflow).
    index.save_revision(user=user, log_action=True).publish(user=None)
    return index


def _unique_slug(parent: Page, base: str) -> str:
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def press_release_draft_from_event(*, event: Event, user: AnyUser) -> PressReleasePage:
    """A draft "Medieninformation" whose fact box and first sentences come from the event's
    structure report. It is not published: the Redaktion reviews it in the workflow."""
    report = structure_report(event=event)
    index = press_index(user=user)
    today = timezone.localdate()
    with override("de"):
        body = render_to_string(
            "figures/press_release_draft_body.html", {"press": press_facts(report)}
        )
        facts = [{"type": "fact_group", "value": group.as_block()} for group in fact_groups(report)]
        note = _("Teilnehmendenstruktur von „%(title)s“, Stand %(date)s") % {
            "title": event.title,
            "date": date_format(today, "SHORT_DATE_FORMAT"),
        }
    name = (user.get_full_name() if hasattr(user, "get_full_name") else "") or str(user)
    page = PressReleasePage(
        title=event.title[:255],
        slug=_unique_slug(index, slugify(f"{event.slug}-{today.isoformat()}")[:200]),
        release_date=today,
        body=body,
        facts=facts,
        facts_note=note[:300],
        contact_name=name[:200],
        contact_email=getattr(user, "email", "") or "",
        source_event=event,
        live=False,
        locale=index.locale,
    )
    index.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    return page
