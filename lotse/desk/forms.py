"""The public inquiry form (validation at the edge; the service validates again)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MESSAGE_MAX_LENGTH, QuestionKind, Status

WZ_PATTERN = re.compile(r"^\d{2}(\.\d{1,2}(\.\d)?)?$")


class InquiryForm(forms.Form):
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
    contact_name = forms.CharField(
        label=_("Name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte nennen Sie Ihren Namen.")},
    )
    contact_email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
        },
    )
    contact_phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    contact_organisation = forms.CharField(
        label=_("Organisation oder Betrieb"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
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

    def clean_contact_phone(self) -> str:
        value = self.cleaned_data["contact_phone"].strip()
        if value and not re.fullmatch(r"[0-9+()/ \-]{5,40}", value):
            raise forms.ValidationError(
                _("Bitte geben Sie nur Ziffern, Leerzeichen und + ( ) / - an.")
            )
        return value


# --- Back office -------------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Neuer Status"), choices=Status.choices)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Zuständig"), queryset=None, required=False, empty_label=_("niemand")
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users


class DueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("Zu beantworten bis"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ComposeForm(forms.Form):
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


class AnswerForm(forms.Form):
    answer_text = forms.CharField(
        label=_("Antwort"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=20000,
        error_messages={"required": _("Bitte geben Sie einen Antworttext ein.")},
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, Kontaktdaten, Frage und Antwort dieser Anfrage jetzt endgültig löschen."),
        error_messages={"required": _("Bitte bestätigen Sie das Löschen.")},
    )
