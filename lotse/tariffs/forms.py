"""GET forms of the public Tarifauskunft: every answer has a permanent URL (its parameters)."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import selectors, wz
from .selectors import MAX_PAGE

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
MIN_DATE = datetime.date(1949, 1, 1)
# "2.300" is two thousand three hundred in German notation, not 2.3
THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")


class TextField(forms.CharField):
    def to_python(self, value):
        value = value if isinstance(value, str) else ""
        return " ".join(_CONTROL_RE.sub(" ", value).split())[:200]


class AmountField(forms.Field):
    """A euro amount; German "1.234,56" and "1234.56" both accepted."""

    def to_python(self, value):
        value = (value or "").strip().replace("€", "").replace(" ", "")
        if not value:
            return None
        if "," in value or THOUSANDS_RE.match(value):
            value = value.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(value)
        except InvalidOperation as exc:
            raise ValidationError(
                _("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50.")
            ) from exc
        if not amount.is_finite():
            raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50."))
        if amount < 0:
            raise ValidationError(_("Der Betrag darf nicht negativ sein."))
        if amount > Decimal("1000000"):
            raise ValidationError(_("Der Betrag ist unplausibel hoch."))
        return amount.quantize(Decimal("0.01"))


class AsOfField(forms.DateField):
    """The "Stand": today by default, any date since 1949."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Stand (Datum)"),
            required=False,
            input_formats=DATE_FORMATS,
            error_messages={"invalid": _("Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).")},
            **kwargs,
        )

    def clean(self, value):
        day = super().clean(value)
        if day is None:
            return timezone.localdate()
        if day < MIN_DATE or day.year > 2100:
            raise ValidationError(_("Bitte wählen Sie ein Datum zwischen 1949 und 2100."))
        return day


def territory_choices() -> list[tuple[str, str]]:
    english = (translation.get_language() or "de").startswith("en")
    choices = [("", _("alle Geltungsbereiche")), ("sachsen", _("Sachsen"))]
    choices += [
        (slug, name_en if english and name_en else name)
        for slug, name, name_en in selectors.districts()
    ]
    return choices


class SectorFields(forms.Form):
    q = TextField(label=_("Branche, Tätigkeit oder Tarifpartei"), required=False)
    wz = TextField(label=_("WZ-Code (WZ 2008 oder WZ 2025)"), required=False)
    stand = AsOfField()

    def clean_wz(self):
        code = wz.normalise(self.cleaned_data.get("wz", ""))
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


class AgreementDateForm(forms.Form):
    """The "Stand" of an agreement's page: which provisions applied on that date."""

    stand = AsOfField()


class WageCheckForm(SectorFields):
    betrag = AmountField(label=_("Ihr Bruttoentgelt in Euro"))
    einheit = forms.ChoiceField(
        label=_("Das Entgelt ist"),
        choices=[("hourly", _("Stundenlohn")), ("monthly", _("Monatsentgelt"))],
        widget=forms.RadioSelect,
        initial="hourly",
    )
    stunden = AmountField(label=_("Wochenstunden (nur bei Monatsentgelt)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("einheit") == "monthly":
            hours = data.get("stunden")
            if not hours or hours <= 0 or hours > 60:
                self.add_error(
                    "stunden",
                    _(
                        "Für ein Monatsentgelt geben Sie bitte die Wochenstunden an "
                        "(mehr als 0, höchstens 60)."
                    ),
                )
        return data


class TraineeCheckForm(forms.Form):
    beginn = forms.IntegerField(
        label=_("Ausbildungsbeginn (Jahr)"),
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Bitte geben Sie das Jahr als Zahl an, z. B. 2025.")},
    )
    jahr = forms.TypedChoiceField(
        label=_("Ausbildungsjahr"),
        coerce=int,
        choices=[(n, _("%(n)s. Ausbildungsjahr") % {"n": n}) for n in range(1, 5)],
    )
    verguetung = AmountField(label=_("Monatliche Vergütung in Euro (brutto)"))
