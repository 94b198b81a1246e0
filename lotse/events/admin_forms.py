"""Forms of the events back office."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lotse.network.models import Actor

from .models import EventStatus, RegistrationStatus, Site, WorkingGroup
from .permissions import allowed_statuses, user_is_event_staff


class EventAdminForm(WagtailAdminModelForm):
    """Partners choose only their own organisations as organiser and only draft/published."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_sites_to_event()
        user = self.for_user
        if user is None or user_is_event_staff(user):
            return
        allowed = allowed_statuses(user)
        if "status" in self.fields:
            self.fields["status"].choices = [
                (value, label) for value, label in EventStatus.choices if value in allowed
            ]
        if "organiser" in self.fields:
            self.fields["organiser"].queryset = Actor.objects.filter(
                memberships__user=user
            ).distinct()

    def _limit_sites_to_event(self):
        """Sessions and working groups choose among this event's own (saved) sites."""
        sites = (
            Site.objects.filter(event=self.instance) if self.instance.pk else Site.objects.none()
        )
        for name in ("sessions", "working_groups"):
            formset = getattr(self, "formsets", {}).get(name)
            if formset is None:
                continue
            for form in [*formset.forms, formset.empty_form]:
                if "site" in form.fields:
                    form.fields["site"].queryset = sites
                if "working_group" in form.fields:
                    form.fields["working_group"].queryset = (
                        WorkingGroup.objects.filter(event=self.instance)
                        if self.instance.pk
                        else WorkingGroup.objects.none()
                    )

    def clean_status(self):
        status = self.cleaned_data.get("status")
        user = self.for_user
        if user is not None and status not in allowed_statuses(user):
            raise forms.ValidationError(_("Diesen Status kann nur das Veranstaltungsteam setzen."))
        return status


class RegistrationFilterForm(forms.Form):
    """Filters of the registrations list (GET)."""

    q = forms.CharField(label=_("Suche (Name, Organisation, Code)"), required=False, max_length=100)
    site = forms.ModelChoiceField(
        label=_("Standort"), queryset=Site.objects.none(), required=False, empty_label=_("alle")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle aktiven")), ("all", _("alle")), *RegistrationStatus.choices],
    )
    working_group = forms.ModelChoiceField(
        label=_("Arbeitsgruppe"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        empty_label=_("alle"),
    )
    checked_in = forms.ChoiceField(
        label=_("Eingelassen"),
        required=False,
        choices=[("", _("alle")), ("yes", _("ja")), ("no", _("nein"))],
    )
    consent = forms.ChoiceField(
        label=_("Einwilligung"),
        required=False,
        choices=[
            ("", _("alle")),
            ("participant_list", _("Teilnehmendenliste")),
            ("photos", _("Fotos")),
            ("stream", _("Livestream")),
        ],
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = event.sites.all()
        self.fields["working_group"].queryset = event.working_groups.all()


class MessageForm(forms.Form):
    """A message to all participants or to one site's participants."""

    site = forms.ModelChoiceField(
        label=_("An"),
        queryset=Site.objects.none(),
        required=False,
        empty_label=_("alle Standorte"),
    )
    include_waiting = forms.BooleanField(
        label=_("Auch an Personen auf der Warteliste"), required=False
    )
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea, max_length=10000)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = event.sites.all()
