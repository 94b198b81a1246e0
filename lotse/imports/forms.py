from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import Form

from .importing import ALLOWED_SUFFIXES, MAX_FILE_SIZE, MODES


class UploadForm(Form):
    """The upload step; `kinds` are the import kinds the user may choose (see services)."""

    kind = forms.ChoiceField(
        label=_("Was wird importiert?"),
        choices=[],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Datei (CSV oder XLSX, höchstens 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    publish = forms.BooleanField(
        label=_("Angebote direkt veröffentlichen (ohne Prüfung im Freigabeprozess)"),
        required=False,
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.key, kind.label) for kind in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0].key
        if "angebote" not in {kind.key for kind in kinds}:
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(_("Nur Dateien im Format .csv oder .xlsx sind erlaubt."))
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(_("Die Datei ist größer als 5 MB."))
        return upload


class RunForm(Form):
    token = forms.CharField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(choices=[(mode, mode) for mode in MODES if mode != "dry_run"])
