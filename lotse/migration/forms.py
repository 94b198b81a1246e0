"""The check's questions as one GET form: the answers live in the shareable link, not on a server.

Every field is optional where the rules allow; numbers and dates are bounded, and every message is
a lazy string, so it appears in the language the view activated for the check.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import Form

from .models import CHECK_LANGUAGES
from .rules import CITIZENSHIPS, EU_EEA_CH, Answers
from .selectors import EARLIEST_DATE, districts

MAX_SALARY = Decimal("10000000")
LATEST_YEARS_AHEAD = 2

CITIZENSHIP_CHOICES = [
    ("", _("Bitte wählen")),
    ("eu", _("Staat der EU, des EWR oder die Schweiz")),
    ("AL", _("Albanien")),
    ("BA", _("Bosnien und Herzegowina")),
    ("XK", _("Kosovo")),
    ("ME", _("Montenegro")),
    ("MK", _("Nordmazedonien")),
    ("RS", _("Serbien")),
    ("other", _("ein anderer Staat")),
]
QUALIFICATION_CHOICES = [
    ("none", _("kein Berufs- oder Hochschulabschluss")),
    ("vocational_short", _("Berufsabschluss, Ausbildung kürzer als zwei Jahre")),
    ("vocational", _("Berufsabschluss, Ausbildung mindestens zwei Jahre, staatlich anerkannt")),
    ("academic", _("Hochschulabschluss")),
]
RECOGNITION_CHOICES = [
    ("none", _("noch nicht beantragt")),
    ("applied", _("beantragt, noch keine Entscheidung")),
    ("partial", _("teilweise anerkannt (Defizitbescheid)")),
    ("full", _("voll anerkannt (gleichwertig)")),
    ("not_needed", _("nicht nötig (Hochschulabschluss in anabin als vergleichbar)")),
]
LEVEL_CHOICES = [
    ("none", _("keine")),
    ("A1", "A1"),
    ("A2", "A2"),
    ("B1", "B1"),
    ("B2", "B2"),
    ("C1", "C1"),
    ("C2", "C2"),
]
# A few occupations as suggestions (datalist); any text is allowed.
OCCUPATION_SUGGESTIONS = (
    _("Pflegefachkraft"),
    _("Elektroniker/in"),
    _("Mechatroniker/in"),
    _("Berufskraftfahrer/in"),
    _("Softwareentwickler/in"),
    _("Ingenieur/in"),
    _("Ärztin/Arzt"),
    _("Erzieher/in"),
    _("Koch/Köchin"),
)


def _choice_errors(message):
    return {"invalid_choice": message, "required": message}


def years_field(label, most: int) -> forms.IntegerField:
    """Whole years from 0 to `most`, with the messages of the check."""
    range_message = {5: _("Bitte eine Zahl von 0 bis 5."), 7: _("Bitte eine Zahl von 0 bis 7.")}
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=most,
        required=False,
        error_messages={
            "invalid": _("Bitte geben Sie eine ganze Zahl an."),
            "min_value": range_message[most],
            "max_value": range_message[most],
        },
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CheckForm(Form):
    """The answers; `audience` is set by the entry point (person or employer)."""

    audience = forms.ChoiceField(
        choices=[("person", "person"), ("employer", "employer")],
        widget=forms.HiddenInput,
        error_messages=_choice_errors(_("Bitte starten Sie den Check neu.")),
    )
    lang = forms.ChoiceField(choices=CHECK_LANGUAGES, widget=forms.HiddenInput, required=False)
    on = forms.DateField(
        label=_("Geplantes Datum des Antrags"),
        help_text=_("Der Check wendet die Regeln an, die an diesem Tag gelten."),
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Bitte geben Sie ein Datum an."),
            "invalid": _("Bitte geben Sie ein Datum im Format JJJJ-MM-TT an."),
        },
    )
    citizenship = forms.ChoiceField(
        label=_("Staatsangehörigkeit"),
        choices=CITIZENSHIP_CHOICES,
        error_messages=_choice_errors(
            _("Bitte wählen Sie eine Staatsangehörigkeit aus der Liste.")
        ),
    )
    qualification = forms.ChoiceField(
        label=_("Höchster Abschluss"),
        choices=QUALIFICATION_CHOICES,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(_("Bitte wählen Sie den höchsten Abschluss.")),
    )
    recognition = forms.ChoiceField(
        label=_("Anerkennung des Abschlusses in Deutschland"),
        choices=RECOGNITION_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie einen Stand der Anerkennung.")),
    )
    occupation = forms.CharField(
        label=_("Beruf"),
        help_text=_("In eigenen Worten, zum Beispiel „Pflegefachkraft“."),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"list": "occupation-suggestions", "autocomplete": "off"}),
    )
    shortage_occupation = forms.BooleanField(
        label=_("Der Beruf ist ein Engpassberuf (z. B. Pflege, IT, Ingenieurwesen, Medizin)"),
        required=False,
    )
    recent_graduate = forms.BooleanField(
        label=_("Der Hochschulabschluss ist nicht älter als drei Jahre"), required=False
    )
    job_offer = forms.BooleanField(label=_("Es gibt ein Arbeitsplatzangebot"), required=False)
    salary = forms.DecimalField(
        label=_("Bruttogehalt im Jahr (Euro)"),
        min_value=Decimal(0),
        max_value=MAX_SALARY,
        max_digits=10,
        decimal_places=2,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
        error_messages={
            "invalid": _("Bitte geben Sie das Gehalt als Zahl an."),
            "min_value": _("Das Gehalt kann nicht negativ sein."),
            "max_value": _("Bitte prüfen Sie das Gehalt: höchstens 10 Millionen Euro."),
            "max_digits": _("Bitte prüfen Sie das Gehalt: höchstens 10 Millionen Euro."),
            "max_decimal_places": _("Höchstens zwei Stellen nach dem Komma."),
            "max_whole_digits": _("Bitte prüfen Sie das Gehalt: höchstens 10 Millionen Euro."),
        },
    )
    collective_agreement = forms.BooleanField(
        label=_("Der Arbeitgeber ist an einen Tarifvertrag gebunden"), required=False
    )
    training_offer = forms.BooleanField(
        label=_("Ein Ausbildungsplatz in Deutschland ist in Aussicht"), required=False
    )
    german = forms.ChoiceField(
        label=_("Deutschkenntnisse (GER)"),
        choices=LEVEL_CHOICES,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie ein Niveau aus der Liste.")),
    )
    english = forms.ChoiceField(
        label=_("Englischkenntnisse (GER)"),
        choices=LEVEL_CHOICES,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie ein Niveau aus der Liste.")),
    )
    experience_last_5 = years_field(_("Jahre Berufserfahrung in den letzten 5 Jahren"), 5)
    experience_last_7 = years_field(_("Jahre Berufserfahrung in den letzten 7 Jahren"), 7)
    age = forms.IntegerField(
        label=_("Alter in Jahren"),
        min_value=15,
        max_value=99,
        required=False,
        error_messages={
            "invalid": _("Bitte geben Sie das Alter als ganze Zahl an."),
            "min_value": _("Bitte ein Alter von 15 bis 99 Jahren."),
            "max_value": _("Bitte ein Alter von 15 bis 99 Jahren."),
        },
    )
    stays_in_germany = forms.BooleanField(
        label=_("Mindestens 6 Monate in Deutschland in den letzten 5 Jahren (nicht als Tourist)"),
        required=False,
    )
    partner_qualifies = forms.BooleanField(
        label=_("Partnerin oder Partner erfüllt die Voraussetzungen der Chancenkarte auch"),
        required=False,
    )
    abroad = forms.ChoiceField(
        label=_("Wohnort heute"),
        choices=[("yes", _("im Ausland")), ("no", _("in Deutschland"))],
        widget=forms.RadioSelect,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie „im Ausland“ oder „in Deutschland“.")),
    )
    district = forms.ChoiceField(
        label=_("Landkreis oder Stadt in Sachsen (für Ansprechpartner vor Ort)"),
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie einen Landkreis aus der Liste.")),
    )

    def __init__(self, *args, audience: str = "person", lang: str = "de", **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("audience", audience)
        kwargs["initial"].setdefault("lang", lang)
        kwargs["initial"].setdefault("on", timezone.localdate())
        kwargs["initial"].setdefault("abroad", "yes")
        super().__init__(*args, **kwargs)
        self.districts = districts()
        self.fields["district"].choices = [("", _("keine Angabe"))] + [
            (district.slug, district.name) for district in self.districts
        ]

    @staticmethod
    def latest_date() -> datetime.date:
        today = timezone.localdate()
        return today.replace(year=today.year + LATEST_YEARS_AHEAD, month=12, day=31)

    def clean_on(self) -> datetime.date:
        on = self.cleaned_data["on"]
        if on < EARLIEST_DATE:
            raise forms.ValidationError(_("Der Check kennt die Regeln erst ab dem 18.11.2023."))
        if on > self.latest_date():
            raise forms.ValidationError(
                _("Bitte wählen Sie ein Datum in den nächsten zwei Jahren.")
            )
        return on

    def clean(self):
        cleaned = super().clean()
        five, seven = cleaned.get("experience_last_5"), cleaned.get("experience_last_7")
        if five is not None and seven is not None and seven < five:
            self.add_error(
                "experience_last_7",
                _("Die letzten 7 Jahre enthalten die letzten 5: bitte mindestens so viele Jahre."),
            )
        return cleaned

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            on=data["on"],
            audience=data["audience"],
            citizenship=data["citizenship"],
            qualification=data["qualification"],
            recognition=data.get("recognition") or "none",
            occupation=data.get("occupation") or "",
            shortage_occupation=bool(data.get("shortage_occupation")),
            recent_graduate=bool(data.get("recent_graduate")),
            job_offer=bool(data.get("job_offer")),
            salary=data.get("salary"),
            collective_agreement=bool(data.get("collective_agreement")),
            german=data.get("german") or "none",
            english=data.get("english") or "none",
            experience_last_5=data.get("experience_last_5") or 0,
            experience_last_7=max(
                data.get("experience_last_7") or 0, data.get("experience_last_5") or 0
            ),
            age=data.get("age"),
            stays_in_germany=bool(data.get("stays_in_germany")),
            partner_qualifies=bool(data.get("partner_qualifies")),
            training_offer=bool(data.get("training_offer")),
            abroad=(data.get("abroad") or "yes") == "yes",
            district=data.get("district") or "",
        )


def citizenship_value(code: str) -> str | None:
    """An ISO code (or one of the form's values) as the form's value; None if unknown."""
    code = (code or "").strip()
    if code in CITIZENSHIPS:
        return code
    upper = code.upper()
    if upper in EU_EEA_CH:
        return "eu"
    if upper in CITIZENSHIPS:
        return upper
    if len(upper) == 2 and upper.isascii() and upper.isalpha():
        return "other"  # any other ISO 3166-1 alpha-2 code: a third country
    return None
