"""Forms of the events back office."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from lotse.core.form_fields import one_line_field
from lotse.core.forms import Form
from lotse.core.models import ActorType, Region
from lotse.network.models import Actor
from lotse.network.permissions import actors_choosable_as_partner

from ..forms import optional_choice, site_label
from ..models import EventStatus, RegistrationStatus, Site, WorkingGroup
from ..permissions import allowed_statuses, event_fields_locked_for, user_is_event_staff

Document = get_document_model()


def validate_retention_days(days: int | None) -> None:
    """The deletion period of participants' data is bounded (LOTSE_EVENT_RETENTION_MAX_DAYS)."""
    maximum = settings.LOTSE_EVENT_RETENTION_MAX_DAYS
    if days is not None and days > maximum:
        raise forms.ValidationError(
            _(
                "Die Löschfrist darf höchstens %(max)s Tage nach der Veranstaltung betragen "
                "(Datenschutz: personenbezogene Daten nur so lange wie nötig)."
            ),
            code="retention_too_long",
            params={"max": maximum},
        )


class EventAdminForm(WagtailAdminModelForm):
    """Partners choose only their own organisations as organiser and only draft/published;
    the fields they may not change on this event are removed (events/permissions.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_inline_choices()
        self._limit_co_organisers()
        user = self.for_user
        if user is None or user_is_event_staff(user):
            return
        # Removed, not merely hidden: a partner's POST that carries them changes nothing.
        for name in event_fields_locked_for(user=user, event=self.instance):
            self.fields.pop(name, None)
        allowed = allowed_statuses(user)
        if "status" in self.fields:
            self.fields["status"].choices = [
                (value, label) for value, label in EventStatus.choices if value in allowed
            ]
        if "organiser" in self.fields:
            self.fields["organiser"].queryset = Actor.objects.filter(
                memberships__user=user
            ).distinct()

    def _limit_inline_choices(self):
        """The choices inside the inline forms (every form and the empty template form, which
        Django builds anew on each access): sessions and working groups choose among this
        event's own saved sites and groups; session documents are those the user may choose in
        Wagtail's document chooser, plus those already attached (saving does not drop them)."""
        sites = Site.objects.filter(event_id=self.instance.pk or 0)
        groups = WorkingGroup.objects.filter(event_id=self.instance.pk or 0)
        user = self.for_user
        documents = Document.objects.none()
        if user is not None:
            documents = policy_registry.get_by_type(Document).instances_user_has_any_permission_for(
                user, ["choose"]
            )

        def limit(form):
            if "site" in form.fields:
                form.fields["site"].queryset = sites
            if "working_group" in form.fields:
                form.fields["working_group"].queryset = groups
            if "documents" in form.fields:
                attached = (
                    form.instance.documents.all() if form.instance.pk else Document.objects.none()
                )
                form.fields["documents"].queryset = Document.objects.filter(
                    Q(pk__in=documents.values("pk")) | Q(pk__in=attached.values("pk"))
                ).order_by("title")

        for name in ("sessions", "working_groups"):
            formset = getattr(self, "formsets", {}).get(name)
            if formset is None:
                continue
            add_fields = formset.add_fields

            def add_fields_and_limit(form, index, add_fields=add_fields):
                add_fields(form, index)
                limit(form)

            formset.add_fields = add_fields_and_limit
            if "forms" in formset.__dict__:  # already built
                for form in formset.forms:
                    limit(form)

    def _limit_co_organisers(self):
        """Co-organisers are published actors and the user's own (every actor for staff who
        view all actors); those already chosen stay."""
        if "co_organisers" in self.fields:
            current = list(self.instance.co_organisers.all()) if self.instance.pk else []
            self.fields["co_organisers"].queryset = actors_choosable_as_partner(
                self.for_user, keep=current
            ).order_by("name")

    def clean_retention_days(self):
        days = self.cleaned_data.get("retention_days")
        validate_retention_days(days)
        return days

    def clean_status(self):
        status = self.cleaned_data.get("status")
        user = self.for_user
        if user is not None and status not in allowed_statuses(user):
            raise forms.ValidationError(_("Diesen Status kann nur das Veranstaltungsteam setzen."))
        return status


class RegistrationFilterForm(Form):
    """Filters of the registrations list (GET)."""

    q = forms.CharField(label=_("Suche (Name, Organisation, Code)"), required=False, max_length=100)
    site = optional_choice(_("Standort"), Site.objects.none(), empty_label=_("alle"))
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle aktiven")), ("all", _("alle")), *RegistrationStatus.choices],
    )
    working_group = optional_choice(
        _("Arbeitsgruppe"), WorkingGroup.objects.none(), empty_label=_("alle")
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


class MessageForm(Form):
    """A message to all participants or to one site's participants."""

    site = optional_choice(_("An"), Site.objects.none(), empty_label=_("alle Standorte"))
    include_waiting = forms.BooleanField(
        label=_("Auch an Personen auf der Warteliste"), required=False
    )
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea, max_length=10000)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = event.sites.all()


class _SiteChoiceField(forms.ModelChoiceField):
    """A site with its free places in the label ("ausgebucht – Warteliste" when full)."""

    def label_from_instance(self, obj):
        return site_label(obj)


class RegistrationAddForm(Form):
    """Staff add one person by hand (confirmed at once, or waiting list when the site is full)."""

    site = _SiteChoiceField(label=_("Standort"), queryset=Site.objects.none())
    first_name = one_line_field(_("Vorname"), max_length=100)
    last_name = one_line_field(_("Nachname"), max_length=100)
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    organisation = one_line_field(_("Organisation"), max_length=200, required=False)
    actor_type = optional_choice(_("Akteurstyp"), ActorType.objects.none())
    district = optional_choice(_("Landkreis/Stadt"), Region.objects.none())
    role = one_line_field(_("Funktion"), max_length=120, required=False)
    working_groups = forms.ModelMultipleChoiceField(
        label=_("Arbeitsgruppen"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Sprache der E-Mails"), choices=(), initial="de")

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = event.sites.order_by("sort_order", "pk")
        self.fields["actor_type"].queryset = ActorType.objects.active()
        self.fields["district"].queryset = Region.objects.districts().order_by("name")
        groups = event.working_groups.all()
        if groups:
            self.fields["working_groups"].queryset = groups
        else:
            del self.fields["working_groups"]
        self.fields["language"].choices = settings.LANGUAGES

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site")
        for group in cleaned.get("working_groups") or []:
            if site is not None and group.site_id and group.site_id != site.pk:
                self.add_error(
                    "working_groups",
                    _("Die Arbeitsgruppe „%(title)s“ gehört zu einem anderen Standort.")
                    % {"title": group.title},
                )
        return cleaned


class RegistrationMoveForm(Form):
    """Move a registration to another site of the same event (other events' sites: invalid)."""

    site = _SiteChoiceField(
        label=_("Neuer Standort"), queryset=Site.objects.none(), widget=forms.RadioSelect
    )

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = (
            Site.objects.filter(event_id=registration.event_id)
            .exclude(pk=registration.site_id)
            .order_by("sort_order", "pk")
        )
