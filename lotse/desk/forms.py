"""The public inquiry form (validation at the edge; the service validates again)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lotse.core.form_fields import PhoneField, email_field, one_line_field
from lotse.core.forms import Form
from lotse.core.models import Region, TopicField
from lotse.core.validators import no_control_characters
from lotse.network.models import Actor

from .models import (
    MESSAGE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    STAFF_CHANNELS,
    Channel,
    ConsentKind,
    ContactPreference,
    QuestionKind,
    ReferralConsent,
    ReferralOutcome,
    RequesterType,
    Status,
)
from .selectors import form_choices

WZ_PATTERN = re.compile(r"^\d{2}(\.\d{1,2}(\.\d)?)?$")


class CachedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField over a list of objects the form is given (`set_objects`, from a
    versioned cache): neither showing nor checking a choice asks the database."""

    def __init__(self, *args, **kwargs):
        self._objects: list = []
        super().__init__(*args, **kwargs)

    def set_objects(self, objects: list) -> None:
        self._objects = objects
        self.widget.choices = self.choices

    def _get_choices(self):
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        return empty + [(self.prepare_value(o), self.label_from_instance(o)) for o in self._objects]

    choices = property(_get_choices, forms.ChoiceField.choices.fset)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        for obj in self._objects:
            if str(getattr(obj, key)) == str(value):
                return obj
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class InquiryForm(Form):
    sector = forms.CharField(
        label=_("Branche"),
        max_length=200,
        help_text=_("In eigenen Worten, zum Beispiel „Friseurhandwerk“ oder „Gebäudereinigung“."),
        error_messages={"required": _("Bitte nennen Sie die Branche.")},
    )
    wz_code = forms.CharField(
        label=_("WZ-Code"),
        max_length=10,
        required=False,
        help_text=_("Falls bekannt: Klassifikation der Wirtschaftszweige, zum Beispiel 96.02."),
    )
    question_kind = forms.ChoiceField(
        label=_("Worum geht es?"),
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie aus, worum es geht.")},
    )
    message = forms.CharField(
        label=_("Ihre Frage"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Höchstens %(max)s Zeichen.") % {"max": MESSAGE_MAX_LENGTH},
        error_messages={"required": _("Bitte schreiben Sie Ihre Frage.")},
    )
    contact_name = one_line_field(
        _("Name"),
        max_length=200,
        autocomplete="name",
        error_messages={"required": _("Bitte nennen Sie Ihren Namen.")},
    )
    contact_email = email_field()
    contact_phone = PhoneField()
    contact_organisation = one_line_field(
        _("Organisation oder Betrieb"),
        max_length=200,
        autocomplete="organization",
        required=False,
    )
    consent = forms.BooleanField(
        # The privacy notice above the checkbox (inquiry_form.html) describes it.
        widget=forms.CheckboxInput(attrs={"aria-describedby": "privacy-text"}),
        label=_(
            "Ich willige ein, dass meine Angaben zur Beantwortung dieser Anfrage "
            "verarbeitet werden."
        ),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir die Anfrage nicht bearbeiten.")
        },
    )

    def clean_wz_code(self) -> str:
        value = self.cleaned_data["wz_code"].strip()
        if value and not WZ_PATTERN.match(value):
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie den WZ-Code in der Form 96.02 oder 96.02.1 an – "
                    "oder lassen Sie das Feld leer."
                )
            )
        return value


# --- Back office -------------------------------------------------------------------------------


class StatusForm(Form):
    status = forms.ChoiceField(label=_("Neuer Status"), choices=Status.choices)


class AssignForm(Form):
    assignee = forms.ModelChoiceField(
        label=_("Zuständig"), queryset=None, required=False, empty_label=_("niemand")
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users


class DueDateForm(Form):
    due_date = forms.DateField(
        label=_("Zu beantworten bis"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ComposeForm(Form):
    template = forms.ModelChoiceField(label=_("Textbaustein"), queryset=None, empty_label=None)
    lookup_on = forms.DateField(
        label=_("Stichtag der Tarifauskunft"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Für den Platzhalter {lookup}: der Tag, für den die Auskunft gilt."),
    )

    def __init__(self, *args, templates=None, lookup_available=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        if not lookup_available:
            del self.fields["lookup_on"]


class AnswerForm(Form):
    answer_text = forms.CharField(
        label=_("Antwort"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=20000,
        error_messages={"required": _("Bitte geben Sie einen Antworttext ein.")},
    )


class EraseForm(Form):
    confirm = forms.BooleanField(
        label=_("Ja, Kontaktdaten, Frage und Antwort dieser Anfrage jetzt endgültig löschen."),
        error_messages={"required": _("Bitte bestätigen Sie das Löschen.")},
    )


# --- The general desk (Lotsendienst) ------------------------------------------------------------


class GeneralInquiryForm(Form):
    """ "Frage an den Lotsendienst" — also "Anfrage an den Anbieter" (offer pages) and
    "Kontakt aufnehmen" (actor pages), then with `actor` set and the referral consent."""

    requester_type = forms.ChoiceField(
        label=_("Wer fragt?"),
        choices=RequesterType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie aus, wer fragt.")},
    )
    topic_field = CachedModelChoiceField(
        label=_("Themenfeld"),
        queryset=TopicField.objects.none(),
        required=False,
        empty_label=_("Weiß ich nicht / passt nicht"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Bitte wählen Sie ein Themenfeld aus der Liste.")},
    )
    district = CachedModelChoiceField(
        label=_("Landkreis oder kreisfreie Stadt"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("Keine Angabe / außerhalb Sachsens"),
        to_field_name="code",
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Kreis aus der Liste.")},
    )
    source_label = forms.CharField(
        label=_("Bezug"),
        max_length=300,
        required=False,
        validators=[no_control_characters],
        help_text=_("Zum Beispiel das Angebot, zu dem Sie fragen."),
    )
    question = forms.CharField(
        label=_("Ihre Frage"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Höchstens %(max)s Zeichen.") % {"max": MESSAGE_MAX_LENGTH},
        error_messages={
            "required": _("Bitte schreiben Sie Ihre Frage."),
            "max_length": _(
                "Bitte fassen Sie Ihre Frage kürzer (höchstens %(limit_value)d Zeichen)."
            ),
        },
    )
    preferred_language = forms.ChoiceField(
        label=_("In welcher Sprache möchten Sie beraten werden?"),
        choices=(),
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste.")},
    )
    name = one_line_field(_("Name"), max_length=200, autocomplete="name", required=False)
    organisation = one_line_field(
        _("Organisation oder Betrieb"), max_length=200, autocomplete="organization", required=False
    )
    email = email_field(required=False)
    phone = PhoneField()
    contact_preference = forms.ChoiceField(
        label=_("Wie sollen wir Sie erreichen?"),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, wie wir Sie erreichen sollen.")},
    )
    consent = forms.BooleanField(
        widget=forms.CheckboxInput(attrs={"aria-describedby": "privacy-text"}),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir die Anfrage nicht bearbeiten.")
        },
    )
    consent_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=10**6)
    referral_consent = forms.BooleanField(
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "referral-consent-text"}),
    )
    referral_consent_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=10**6
    )

    def __init__(self, *args, actor=None, consent_texts=None, language="de", **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        choices = form_choices()
        self.fields["topic_field"].set_objects(choices.topic_fields)
        self.fields["district"].set_objects(choices.districts)
        self.fields["preferred_language"].choices = [
            ("", _("Deutsch oder egal")),
            *((lang.code, lang.label) for lang in choices.languages),
        ]
        texts = consent_texts or {}
        inquiry_text = texts.get(ConsentKind.INQUIRY)
        if inquiry_text is not None:
            self.fields["consent"].label = inquiry_text.text_for(language)
            self.fields["consent_version"].initial = inquiry_text.version
        referral_text = texts.get(ConsentKind.REFERRAL)
        if actor is None or referral_text is None:
            del self.fields["referral_consent"]
            del self.fields["referral_consent_version"]
        else:
            self.fields["referral_consent"].required = True
            self.fields["referral_consent"].label = referral_text.text_for(language)
            self.fields["referral_consent"].error_messages["required"] = _(
                "Bitte willigen Sie ein, dass wir Ihre Anfrage an %(name)s weitergeben."
            ) % {"name": actor.name}
            self.fields["referral_consent_version"].initial = referral_text.version

    def clean(self):
        data = super().clean()
        email, phone = data.get("email"), data.get("phone")
        if "email" not in self.errors and "phone" not in self.errors and not email and not phone:
            self.add_error(
                "email", _("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an.")
            )
        preference = data.get("contact_preference")
        if preference == ContactPreference.EMAIL and not email and "email" not in self.errors:
            self.add_error(
                "email", _("Für eine Antwort per E-Mail brauchen wir Ihre E-Mail-Adresse.")
            )
        if preference == ContactPreference.PHONE and not phone and "phone" not in self.errors:
            self.add_error("phone", _("Für einen Rückruf brauchen wir Ihre Telefonnummer."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "requester_type": data["requester_type"],
            "topic_field": data.get("topic_field"),
            "district": data.get("district"),
            "question": data["question"],
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "contact_preference": data["contact_preference"],
            "consent_version": data["consent_version"],
            "name": data.get("name", ""),
            "organisation": data.get("organisation", ""),
            "preferred_language": data.get("preferred_language", ""),
            "source_label": data.get("source_label", ""),
            "actor": self.actor,
            "referral_consent_version": data.get("referral_consent_version")
            if data.get("referral_consent")
            else None,
        }


class StaffInquiryForm(GeneralInquiryForm):
    """Staff log an inquiry that came by phone or e-mail (the asker consented there)."""

    channel = forms.ChoiceField(
        label=_("Eingangsweg"), choices=[(c, Channel(c).label) for c in STAFF_CHANNELS]
    )

    field_order = ["channel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "Die anfragende Person hat in die Verarbeitung eingewilligt (Einwilligungstext "
            "vorgelesen bzw. per E-Mail bestätigt)."
        )


class NoteForm(Form):
    text = forms.CharField(
        label=_("Interne Notiz"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[no_control_characters],
        error_messages={"required": _("Bitte schreiben Sie eine Notiz.")},
    )


class ReferralForm(Form):
    actors = forms.ModelMultipleChoiceField(
        label=_("Partnerorganisationen"),
        queryset=Actor.objects.none(),
        error_messages={"required": _("Bitte wählen Sie mindestens eine Partnerorganisation.")},
    )
    purpose = forms.CharField(
        label=_("Zweck der Verweisung"),
        max_length=300,
        validators=[no_control_characters],
        error_messages={"required": _("Bitte nennen Sie den Zweck der Verweisung.")},
    )
    consent = forms.ChoiceField(
        label=_("Einwilligung"), choices=ReferralConsent.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actors"].queryset = Actor.objects.published().order_by("name")


class DeclineForm(Form):
    reason = forms.CharField(
        label=_("Grund der Ablehnung"),
        max_length=500,
        validators=[no_control_characters],
        error_messages={"required": _("Bitte nennen Sie den Grund der Ablehnung.")},
    )


class OutcomeForm(Form):
    outcome = forms.ChoiceField(label=_("Ergebnis"), choices=ReferralOutcome.choices)


class ConfirmForm(Form):
    """The button on the pages behind mail links (GET shows, POST changes)."""
