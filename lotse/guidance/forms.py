"""Forms of the Wegweiser: the profile and one module's answers (no business rules here)."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.form_fields import PhoneField, email_field
from lotse.core.forms import Form
from lotse.desk.models import ConsentKind
from lotse.desk.selectors import consent_text_current

from .models import Answer, CheckVersion, CompanyCheck, Module, Question, SizeClass
from .selectors import districts
from .services import DeskContact, Profile

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
FIELD_PREFIX = "q_"
REQUIRED = {"required": _("Bitte wählen Sie eine Antwort.")}


class CleanTextField(forms.CharField):
    """One line of text without control characters (PostgreSQL refuses NUL)."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(_CONTROL_RE.sub(" ", value).split())


class ProfileForm(Form):
    size_class = forms.ChoiceField(
        label=_("Wie viele Menschen arbeiten in Ihrem Betrieb?"),
        choices=SizeClass.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie die Größe Ihres Betriebs.")},
    )
    district = forms.ChoiceField(
        label=_("Landkreis oder kreisfreie Stadt"),
        error_messages={
            "required": _("Bitte wählen Sie Ihren Landkreis oder Ihre kreisfreie Stadt."),
            "invalid_choice": _("Bitte wählen Sie einen der 13 Landkreise und kreisfreien Städte."),
        },
    )
    sector_query = CleanTextField(
        label=_("Branche (in eigenen Worten)"),
        help_text=_("Zum Beispiel „Bäckerei“, „Pflegedienst“ oder „Metallbau“."),
        max_length=200,
        required=False,
    )
    wz_code = CleanTextField(
        label=_("WZ-Code (falls bekannt)"),
        help_text=_("Der Wirtschaftszweig laut Gewerbeanmeldung, z. B. 10.71 oder 25.11."),
        max_length=12,
        required=False,
    )
    modules = forms.MultipleChoiceField(
        label=_("Welche Themen möchten Sie prüfen?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie mindestens ein Modul."),
            "invalid_choice": _("Diese Module gehören nicht zu diesem Check."),
        },
    )
    trainees = forms.IntegerField(
        label=_("Anzahl Auszubildende"),
        required=False,
        min_value=0,
        max_value=100_000,
        error_messages={"invalid": _("Bitte geben Sie eine ganze Zahl an.")},
    )
    older_share = forms.ChoiceField(
        label=_("Anteil der Beschäftigten ab 55 Jahren"),
        choices=[("", _("keine Angabe")), *CompanyCheck.OlderShare.choices],
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie einen der angebotenen Anteile.")},
    )
    employs_from_abroad = forms.ChoiceField(
        label=_("Beschäftigen Sie bereits Menschen aus dem Ausland?"),
        choices=[("", _("keine Angabe")), ("ja", _("ja")), ("nein", _("nein"))],
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie „ja“, „nein“ oder „keine Angabe“.")},
    )

    def __init__(self, *args, version: CheckVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = {region.slug: region for region in districts()}
        self.fields["district"].choices = [
            ("", _("Bitte wählen")),
            *[(slug, region.label) for slug, region in self.districts.items()],
        ]
        self.fields["modules"].choices = [
            (module.key, module.title) for module in version.modules.all()
        ]

    @classmethod
    def initial_for(cls, check: CompanyCheck) -> dict:
        abroad = {True: "ja", False: "nein", None: ""}[check.employs_from_abroad]
        return {
            "size_class": check.size_class,
            "district": check.district.slug,
            "sector_query": check.sector_query,
            "wz_code": check.wz_code,
            "modules": list(check.modules),
            "trainees": check.trainees,
            "older_share": check.older_share,
            "employs_from_abroad": abroad,
        }

    def profile(self) -> Profile:
        data = self.cleaned_data
        return Profile(
            size_class=data["size_class"],
            district=self.districts[data["district"]],
            modules=tuple(data["modules"]),
            sector_query=data["sector_query"],
            wz_code=data["wz_code"].upper().replace(" ", ""),
            trainees=data["trainees"],
            older_share=data["older_share"],
            employs_from_abroad={"ja": True, "nein": False}.get(data["employs_from_abroad"]),
        )


class ModuleForm(Form):
    """One radio group per applicable question; any other question field is refused."""

    def __init__(self, *args, module: Module, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.module = module
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            name = FIELD_PREFIX + question.key
            # The project's field template renders the group as fieldset and legend; the
            # "Warum fragen wir das?" block below it describes the group (aria-describedby).
            self.fields[name] = forms.ChoiceField(
                label=f"{number}. {question.text}",
                choices=Answer.choices,
                widget=forms.RadioSelect(attrs={"aria-describedby": self.why_id(name)}),
                error_messages={
                    **REQUIRED,
                    "invalid_choice": _("Bitte wählen Sie eine der angebotenen Antworten."),
                },
            )

    def why_id(self, name: str) -> str:
        """The id of a question's "Warum fragen wir das?" block."""
        auto_id = self.auto_id if isinstance(self.auto_id, str) and self.auto_id else "id_%s"
        return (auto_id % name if "%s" in auto_id else auto_id) + "-why"

    def clean(self):
        data = super().clean()
        if self.is_bound:
            posted = {key for key in self.data if key.startswith(FIELD_PREFIX)}
            if posted - set(self.fields):
                raise forms.ValidationError(
                    _(
                        "Die Antworten passen nicht zu den Fragen dieses Moduls. Bitte laden Sie "
                        "die Seite neu und antworten Sie erneut."
                    )
                )
        return data

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX)
        }

    def rows(self):
        """(question, bound field) pairs for the template."""
        return [(question, self[FIELD_PREFIX + question.key]) for question in self.questions]


class PlanMailForm(Form):
    email = email_field(
        help_text=_("Nur für diese eine Nachricht; wir speichern sie nicht mit Ihrem Plan.")
    )


class DeskForm(Form):
    """ "Mit dem Lotsendienst besprechen": contact for the answer and the consent."""

    note = forms.CharField(
        label=_("Ihre Frage oder Ihr Anliegen"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Freiwillig, höchstens 1.000 Zeichen. Ihr Plan wird mitgeschickt."),
    )
    name = CleanTextField(
        label=_("Name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = email_field(help_text=_("Damit der Lotsendienst Ihnen antworten kann."))
    phone = PhoneField()
    organisation = CleanTextField(
        label=_("Betrieb"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ich willige ein, dass mein Plan und meine Angaben an den Lotsendienst des Zentrums "
            "gehen und dort zur Beantwortung gespeichert werden."
        ),
        error_messages={"required": _("Bitte willigen Sie in die Weitergabe ein.")},
    )
    consent_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=10**6)

    def __init__(self, *args, language: str = "de", **kwargs):
        super().__init__(*args, **kwargs)
        # The desk's current consent text is what the company agrees to; its version is recorded
        # with the inquiry (a later change of the wording never rewrites what was agreed).
        current = consent_text_current(kind=ConsentKind.INQUIRY)
        if current is not None:
            self.fields["consent_version"].initial = current.version
            self.fields["consent"].help_text = current.text_for(language)

    def clean_note(self):
        return _CONTROL_RE.sub(" ", self.cleaned_data["note"].replace("\r\n", "\n")).strip()

    def contact(self) -> DeskContact:
        """Who asks, and their note, as `services.plan_to_desk` takes them."""
        return DeskContact(
            email=self.cleaned_data["email"],
            name=self.cleaned_data["name"],
            phone=self.cleaned_data["phone"],
            organisation=self.cleaned_data["organisation"],
            note=self.cleaned_data["note"],
        )
