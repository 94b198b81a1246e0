"""GET forms of the public Tarifauskunft: every answer has a permanent URL (its parameters)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import Form

from . import inputs, selectors, wz
from .selectors import MAX_PAGE

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class TextField(forms.CharField):
    widget = forms.TextInput(attrs={"autocomplete": "off"})

    def to_python(self, value):
        return inputs.clean_text(value)


class AmountField(forms.Field):
    """A euro amount; German "1.234,56" and "1234.56" both accepted (`inputs.parse_amount`)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        amount = inputs.parse_amount(value)
        return None if amount is None else inputs.check_amount(amount)


class AsOfField(forms.DateField):
    """The "Stand": today by default, any date since 1949."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Leer lassen für heute"))
        super().__init__(
            label=_("Stand (Datum)"),
            required=False,
            widget=forms.DateInput(
                attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d"
            ),
            input_formats=DATE_FORMATS,
            error_messages={"invalid": _("Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).")},
            **kwargs,
        )

    def clean(self, value):
        day = super().clean(value)
        if day is None:
            return timezone.localdate()
        return inputs.check_date(day)


def territory_choices() -> list[tuple[str, str]]:
    english = (translation.get_language() or "de").startswith("en")
    choices = [("", _("alle Geltungsbereiche")), ("sachsen", _("Sachsen"))]
    choices += [
        (slug, name_en if english and name_en else name)
        for slug, name, name_en in selectors.districts()
    ]
    return choices


class SectorFields(Form):
    q = TextField(
        label=_("Branche, Tätigkeit oder Tarifpartei"),
        required=False,
        help_text=_("z. B. Friseur, Gerüstbau, Pflege, ver.di"),
    )
    wz = TextField(
        label=_("WZ-Code (WZ 2008 oder WZ 2025)"),
        required=False,
        help_text=_("z. B. 43.99.1 oder 96.21.0"),
    )
    stand = AsOfField()

    def clean_wz(self):
        code = wz.normalise(self.cleaned_data.get("wz", ""))
        if code and not wz.CODE_RE.match(code):
            # Not shaped like a code: named without repeating what was typed (decision 0038).
            raise ValidationError(
                _("Bitte geben Sie den WZ-Code in der Form 43.99.1 oder 96.21.0 an.")
            )
        if code and not wz.versions_of(code):
            raise ValidationError(
                _("Der WZ-Code „%(code)s“ ist weder in der WZ 2008 noch in der WZ 2025 bekannt."),
                params={"code": code},
            )
        return code


class PageField(forms.IntegerField):
    """The page of an answer's agreement list (`seite`): 1 when empty, at most MAX_PAGE."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Seite"),
            required=False,
            min_value=1,
            max_value=MAX_PAGE,
            widget=forms.HiddenInput,
            **kwargs,
        )

    def clean(self, value):
        try:
            return super().clean(value) or 1
        except ValidationError as exc:
            raise ValidationError(
                gettext("Bitte wählen Sie eine Seite zwischen 1 und %(max)s.") % {"max": MAX_PAGE}
            ) from exc


class LookupForm(SectorFields):
    gebiet = forms.ChoiceField(label=_("Geltungsbereich"), required=False)
    # Not rendered as a form field: the pagination links carry it (the query stays in the URL).
    seite = PageField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebiet"].choices = territory_choices()

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("q") or data.get("wz")):
            raise ValidationError(_("Bitte nennen Sie eine Branche oder einen WZ-Code."))
        return data


class AgreementDateForm(Form):
    """The "Stand" of an agreement's page: which provisions applied on that date."""

    stand = AsOfField(
        help_text=_("Welche Bestimmungen galten an diesem Tag? Leer lassen für heute")
    )


class WageCheckForm(SectorFields):
    field_order = ("betrag", "einheit", "stunden", "q", "wz", "stand")

    betrag = AmountField(
        label=_("Ihr Bruttoentgelt in Euro"), help_text=_("z. B. 13,50 oder 2.300")
    )
    einheit = forms.ChoiceField(
        label=_("Das Entgelt ist"),
        choices=[("hourly", _("Stundenlohn")), ("monthly", _("Monatsentgelt"))],
        widget=forms.RadioSelect,
        initial="hourly",
    )
    stunden = AmountField(label=_("Wochenstunden (nur bei Monatsentgelt)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = _("z. B. Pflege, Gebäudereinigung")
        self.fields["wz"].help_text = ""

    def clean(self):
        data = super().clean()
        if data.get("einheit") == "monthly":
            try:
                inputs.check_hours(data.get("stunden"))
            except ValidationError as exc:
                if "stunden" not in self.errors:
                    self.add_error("stunden", exc)
        return data


class TraineeCheckForm(Form):
    beginn = forms.IntegerField(
        label=_("Ausbildungsbeginn (Jahr)"),
        min_value=2000,
        max_value=2100,
        help_text=_("z. B. 2025"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"invalid": _("Bitte geben Sie das Jahr als Zahl an, z. B. 2025.")},
    )
    jahr = forms.TypedChoiceField(
        label=_("Ausbildungsjahr"),
        coerce=int,
        choices=[(n, _("%(n)s. Ausbildungsjahr") % {"n": n}) for n in range(1, 5)],
    )
    verguetung = AmountField(label=_("Monatliche Vergütung in Euro (brutto)"))
