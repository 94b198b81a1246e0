"""The public registration form, built from the event's settings, and the colleagues formset."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lotse.core.form_fields import one_line_field
from lotse.core.forms import FilterForm, Form, slug_choices
from lotse.core.models import ActorType, Region, TopicField

from .models import Event, EventKind, QuestionKind, Site, WorkingGroup
from .selectors import RegistrationSetup
from .services import Consents, Person

TEXT_ANSWER_MAX = 1000
GERMAN_ONLY = _("nur auf Deutsch verfügbar")
PLEASE_CHOOSE = _("– bitte wählen –")


def site_label(site: Site) -> str:
    free = site.free_places
    if free is None:
        room = _("unbegrenzt")
    elif free == 0:
        room = _("ausgebucht – Warteliste")
    else:
        room = _("%(count)s freie Plätze") % {"count": free}
    kind = _("Online (Livestream)") if site.is_online else site.city or site.venue
    label = site.name if not kind or kind == site.name else f"{site.name}, {kind}"
    return f"{label} ({room})"


def group_label(group: WorkingGroup) -> str:
    if group.capacity is None:
        return group.title
    free = max(group.capacity - group.booked, 0)
    if free == 0:
        return _("%(title)s (ausgebucht)") % {"title": group.title}
    return _("%(title)s (%(count)s freie Plätze)") % {"title": group.title, "count": free}


def optional_choice(label, queryset, *, empty_label=PLEASE_CHOOSE) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=queryset, required=False, empty_label=empty_label
    )


def groups_field(groups: dict[int, WorkingGroup], initial=None) -> forms.TypedMultipleChoiceField:
    """Working groups to choose (by pk), their free places in the labels."""
    return forms.TypedMultipleChoiceField(
        label=_("Arbeitsgruppen"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(pk, group_label(group)) for pk, group in groups.items()],
        initial=initial,
    )


def person_from(data: dict[str, Any]) -> Person:
    """The person of a registration form's cleaned data (the public form or the back office's);
    what the form does not ask for stays empty."""
    return Person(
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        organisation=data.get("organisation", ""),
        actor_type=data.get("actor_type"),
        district=data.get("district"),
        role=data.get("role", ""),
        dietary_needs=data.get("dietary_needs", ""),
        accessibility_needs=data.get("accessibility_needs", ""),
    )


class RegistrationForm(Form):
    """The registering person, the site, working groups, questions and consents."""

    site = forms.TypedChoiceField(
        label=_("Standort"), widget=forms.RadioSelect, coerce=int, empty_value=None
    )
    first_name = one_line_field(_("Vorname"), max_length=100, autocomplete="given-name")
    last_name = one_line_field(_("Nachname"), max_length=100, autocomplete="family-name")
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, setup: RegistrationSetup, **kwargs):
        super().__init__(*args, **kwargs)
        event = setup.event
        self.event = event
        self.sites = {site.pk: site for site in setup.sites}
        self.fields["site"].choices = [(pk, site_label(site)) for pk, site in self.sites.items()]
        if len(self.sites) == 1:
            self.fields["site"].initial = next(iter(self.sites))
        if event.ask_organisation:
            self.fields["organisation"] = one_line_field(
                _("Organisation"), max_length=200, autocomplete="organization", required=False
            )
        if event.ask_actor_type:
            self.fields["actor_type"] = optional_choice(
                _("Art der Organisation"), ActorType.objects.active()
            )
        if event.ask_district:
            self.fields["district"] = optional_choice(
                _("Landkreis/Stadt Ihrer Organisation"),
                Region.objects.districts().order_by("name"),
            )
        if event.ask_role:
            self.fields["role"] = one_line_field(
                _("Funktion"), max_length=120, autocomplete="organization-title", required=False
            )
        if event.ask_dietary_needs:
            self.fields["dietary_needs"] = forms.CharField(
                label=_("Wünsche zur Verpflegung"), max_length=300, required=False
            )
        if event.ask_accessibility_needs:
            self.fields["accessibility_needs"] = forms.CharField(
                label=_("Unterstützungsbedarf (Barrierefreiheit)"),
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.groups = {group.pk: group for group in setup.working_groups}
        if self.groups:
            self.fields["working_groups"] = groups_field(self.groups)
        self.questions = setup.questions
        language = get_language() or "de"
        for question in self.questions:
            name = f"question_{question.pk}"
            label, help_text, choices, fallback = question.in_language(language)
            if question.kind == QuestionKind.CHOICE:
                # The stored answer is the German choice, whatever language the form is in.
                field: forms.Field = forms.ChoiceField(
                    choices=[("", _("– bitte wählen –")), *choices]
                )
            elif question.kind == QuestionKind.YES_NO:
                field = forms.ChoiceField(
                    choices=[("ja", _("Ja")), ("nein", _("Nein"))], widget=forms.RadioSelect
                )
            else:
                field = forms.CharField(
                    max_length=TEXT_ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 2})
                )
            field.label = label
            field.help_text = f"{help_text} ({GERMAN_ONLY})".strip() if fallback else help_text
            field.required = question.required
            self.fields[name] = field
        if event.ask_participant_list_consent:
            self.fields["consent_participant_list"] = forms.BooleanField(
                label=_(
                    "Mein Name und meine Organisation dürfen auf der Teilnehmendenliste stehen."
                ),
                required=False,
            )
        if event.ask_photo_consent:
            self.fields["consent_photos"] = forms.BooleanField(
                label=_("Fotos, auf denen ich zu sehen bin, dürfen veröffentlicht werden."),
                required=False,
            )
        if event.ask_stream_consent:
            self.fields["consent_stream"] = forms.BooleanField(
                label=_("Ich bin einverstanden, im Livestream zu sehen oder zu hören zu sein."),
                required=False,
            )

    def clean_site(self):
        site_id = self.cleaned_data["site"]
        if site_id not in self.sites:
            raise forms.ValidationError(_("Bitte wählen Sie einen Standort dieser Veranstaltung."))
        return self.sites[site_id]

    def clean_working_groups(self):
        chosen = [self.groups[pk] for pk in self.cleaned_data.get("working_groups") or []]
        return chosen

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site")
        for group in cleaned.get("working_groups") or []:
            if site and group.site_id and group.site_id != site.pk:
                self.add_error(
                    "working_groups",
                    _("Die Arbeitsgruppe „%(title)s“ findet an einem anderen Standort statt.")
                    % {"title": group.title},
                )
        return cleaned

    def person(self) -> Person:
        return person_from(self.cleaned_data)

    def answers(self) -> dict[str, str]:
        return {
            question.label: str(self.cleaned_data.get(f"question_{question.pk}") or "")
            for question in self.questions
        }

    def consents(self) -> Consents:
        data = self.cleaned_data
        return Consents(
            participant_list=bool(data.get("consent_participant_list")),
            photos=bool(data.get("consent_photos")),
            stream=bool(data.get("consent_stream")),
        )


class ColleagueForm(Form):
    """A colleague of the same organisation (all fields empty = row not used)."""

    first_name = one_line_field(_("Vorname"), max_length=100)
    last_name = one_line_field(_("Nachname"), max_length=100)
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    role = one_line_field(_("Funktion"), max_length=120, required=False)


def colleague_formset(event: Event, data=None):
    """Up to `max_group_size - 1` colleagues; empty rows are ignored (no JavaScript needed)."""
    extra = max(event.max_group_size - 1, 0)
    formset_class = formset_factory(
        ColleagueForm, extra=extra, max_num=extra, validate_max=True, absolute_max=max(extra, 1)
    )
    return formset_class(data, prefix="colleagues")


class MoveForm(Form):
    site = forms.TypedChoiceField(
        label=_("Neuer Standort"), widget=forms.RadioSelect, coerce=int, empty_value=None
    )

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = {
            site.pk: site
            for site in registration.event.sites.all()
            if site.pk != registration.site_id
        }
        self.fields["site"].choices = [(pk, site_label(site)) for pk, site in self.sites.items()]

    def clean_site(self):
        site_id = self.cleaned_data["site"]
        if site_id not in self.sites:
            raise forms.ValidationError(_("Bitte wählen Sie einen Standort dieser Veranstaltung."))
        return self.sites[site_id]


class GroupsForm(Form):
    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {
            group.pk: group
            for group in registration.event.working_groups.all()
            if group.site_id in (None, registration.site_id)
        }
        self.fields["working_groups"] = groups_field(
            self.groups, initial=[group.pk for group in registration.working_groups.all()]
        )

    def clean_working_groups(self):
        return [self.groups[pk] for pk in self.cleaned_data.get("working_groups") or []]


class EventFilterForm(FilterForm):
    art = forms.ChoiceField(label=_("Art"), required=False)
    thema = forms.ChoiceField(label=_("Themenfeld"), required=False)
    kreis = forms.ChoiceField(label=_("Landkreis/Stadt"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["art"].choices = [("", _("alle Arten")), *EventKind.choices]
        self.fields["thema"].choices = slug_choices(
            TopicField.objects.active(), _("alle Themenfelder")
        )
        self.fields["kreis"].choices = slug_choices(
            Region.objects.districts().order_by("name"), _("ganz Sachsen")
        )
