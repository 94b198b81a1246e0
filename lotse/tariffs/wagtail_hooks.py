"""Back office "Tarifregister": agreements (with provisions inline), parties, AVE procedures,
ordinances (with rates inline), statutory floors, synonyms.

Only the roles Tarifregister and Administration get in (others: 403). Nothing can be deleted
here: entries are ended or corrected; every create and edit is audited (Wagtail's log plus
`lotse.core.audit`), and the same overlap rules as in `services.py` are enforced.

The agreements listing offers the register as CSV/XLSX ("XLSX/CSV herunterladen" in the "…"
menu of its header; the listing's filters and search apply). Wagtail's list-export buttons and
URLs are kept, its writer is replaced by `services.agreements_export` / `exports.py` (all
metadata, formula-safe also in CSV, ";" with BOM, audited, constant queries; see
docs/decisions/0004-register-export-and-import.md). The import of register entries is the
general import screen (`lotse.imports`), linked in this menu group through `SUBMENU_HOOK`.
"""

from functools import wraps

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lotse.core.audit import audit_log
from lotse.core.choosers import PolicySnippetViewSet
from lotse.core.exports import dataset_response
from lotse.core.roles import ADMINISTRATION, TARIFF_REGISTER, user_has_role
from lotse.core.views import permission_denied

from . import services, wz
from .models import (
    AgreementParty,
    CollectiveAgreement,
    GeneralApplicability,
    MinimumTraineePay,
    MinimumWageOrdinance,
    SectorSynonym,
    StatutoryMinimumWage,
)


def register_staff_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not user_has_role(request.user, TARIFF_REGISTER, ADMINISTRATION):
            # A response, not PermissionDenied: Wagtail's admin would turn that into a redirect.
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return wrapped


class NoDeletePolicy(ModelPermissionPolicy):
    """Register entries are never deleted (ended or corrected instead)."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "delete"])


REGISTER_MODELS = (
    CollectiveAgreement,
    AgreementParty,
    GeneralApplicability,
    MinimumWageOrdinance,
    StatutoryMinimumWage,
    MinimumTraineePay,
    SectorSynonym,
)
for _model in REGISTER_MODELS:
    register_permission_policy(_model, NoDeletePolicy(_model), exact_class=True)


class RegisterViewSet(PolicySnippetViewSet):
    list_per_page = 50

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = register_staff_only(pattern.callback)
        return patterns


def _overlaps(rows, key) -> bool:
    """Whether any two (valid_from, valid_to) periods with the same key overlap."""
    seen: dict = {}
    for row in rows:
        seen.setdefault(key(row), []).append((row["valid_from"], row.get("valid_to")))
    for periods in seen.values():
        periods.sort(key=lambda item: item[0])
        for (_start, end), (next_start, _next_end) in zip(periods, periods[1:], strict=False):
            if end is None or end >= next_start:
                return True
    return False


class _InlineRulesForm(WagtailAdminModelForm):
    inline_name = ""
    inline_key = staticmethod(lambda row: None)
    overlap_message = ""

    def clean(self):
        data = super().clean()
        formset = self.formsets.get(self.inline_name)
        if formset is not None:
            rows = []
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                    continue
                if form.cleaned_data.get("DELETE") and form.instance.pk:
                    raise forms.ValidationError(
                        _("Einträge werden nicht gelöscht: bitte mit einem Enddatum beenden.")
                    )
                if form.cleaned_data.get("valid_from"):
                    rows.append(form.cleaned_data)
            if _overlaps(rows, self.inline_key):
                raise forms.ValidationError(self.overlap_message)
        return data


class AgreementForm(_InlineRulesForm):
    inline_name = "provisions"
    inline_key = staticmethod(
        lambda row: (row.get("kind"), row.get("grade"), row.get("step"), row.get("training_year"))
    )
    overlap_message = _("Zwei Werte derselben Bestimmung überschneiden sich zeitlich.")
    wz_input = forms.CharField(
        label=_("WZ-Klassen (WZ 2008 oder WZ 2025, durch Komma getrennt)"),
        required=False,
        help_text=_("Die Entsprechungen der anderen WZ-Version werden ergänzt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["wz_input"] = ", ".join(
                item.code for item in self.instance.codes.filter(derived=False)
            )

    def clean_wz_input(self):
        codes = [wz.normalise(item) for item in self.cleaned_data["wz_input"].split(",")]
        codes = [code for code in codes if code]
        unknown = [code for code in codes if not wz.versions_of(code)]
        if unknown:
            raise forms.ValidationError(
                _("Unbekannter WZ-Code: %(codes)s") % {"codes": ", ".join(unknown)}
            )
        return codes

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            services._set_codes(owner={"agreement": instance}, codes=self.cleaned_data["wz_input"])
            services._refresh_search(instance)
        return instance


class OrdinanceForm(_InlineRulesForm):
    inline_name = "rates"
    inline_key = staticmethod(lambda row: row.get("category"))
    overlap_message = _("Zwei Sätze derselben Beschäftigtengruppe überschneiden sich zeitlich.")


class AgreementIndexView(SnippetIndexView):
    """The agreements listing; its download buttons export the listed entries (exports.py)."""

    show_export_buttons = True

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the file: the listing's context would load every row once more.
            return self.as_spreadsheet(self.get_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        selection = self.request.GET.copy()
        selection.pop("export", None)
        data = services.agreements_export(
            user=self.request.user,
            agreements=queryset,
            fmt=spreadsheet_format,
            filters=selection.urlencode(),
        )
        response = dataset_response(data, fmt=spreadsheet_format, basename="tarifregister")
        response["Cache-Control"] = "no-store"
        return response


class AgreementViewSet(RegisterViewSet):
    model = CollectiveAgreement
    index_view_class = AgreementIndexView
    icon = "doc-full"
    menu_label = _("Tarifverträge")
    list_display = ["register_number", "title", "level", "valid_from", "valid_to", "confidential"]
    list_filter = ["level", "kind", "territory", "confidential"]
    search_fields = ["register_number", "title"]
    search_backend_name = None
    ordering = ["register_number"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("register_number"), FieldPanel("kind")]),
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("level"), FieldPanel("confidential")]),
                    FieldPanel("parties"),
                ],
                heading=_("Tarifvertrag"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("territory"), FieldPanel("states")]),
                    FieldPanel("regions"),
                    FieldPanel("wz_input"),
                    FieldPanel("sector_text"),
                    FieldPanel("personal_scope"),
                ],
                heading=_("Geltungsbereich"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("concluded_on"), FieldPanel("valid_from")]),
                    FieldRowPanel(
                        [FieldPanel("earliest_termination_on"), FieldPanel("terminated_on")]
                    ),
                    FieldRowPanel([FieldPanel("valid_to"), FieldPanel("after_effect")]),
                    FieldRowPanel([FieldPanel("predecessor"), FieldPanel("amends")]),
                ],
                heading=_("Daten"),
            ),
            FieldPanel("document"),
            InlinePanel(
                "provisions",
                heading=_("Bestimmungen"),
                label=_("Bestimmung"),
                panels=[
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
                    FieldRowPanel(
                        [FieldPanel("grade"), FieldPanel("step"), FieldPanel("training_year")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("amount"), FieldPanel("valid_from"), FieldPanel("valid_to")]
                    ),
                    FieldPanel("text"),
                ],
            ),
        ],
        base_form_class=AgreementForm,
    )


class PartyViewSet(RegisterViewSet):
    model = AgreementParty
    icon = "group"
    menu_label = _("Tarifvertragsparteien")
    list_display = ["name", "kind", "town"]
    list_filter = ["kind"]
    search_fields = ["name", "town"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("town"), FieldPanel("website")]),
    ]


class ApplicabilityViewSet(RegisterViewSet):
    model = GeneralApplicability
    icon = "tasks"
    menu_label = _("Allgemeinverbindlicherklärungen")
    list_display = ["agreement", "status", "applied_on", "valid_from", "valid_to"]
    list_filter = ["status"]
    panels = [
        FieldPanel("agreement"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("applied_on"), FieldPanel("announcement")]),
        FieldRowPanel([FieldPanel("committee_on"), FieldPanel("decided_on")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("note"),
    ]

    def get_queryset(self, request):
        return GeneralApplicability.objects.select_related("agreement")


class OrdinanceViewSet(RegisterViewSet):
    model = MinimumWageOrdinance
    icon = "doc-full-inverse"
    menu_label = _("Mindestlohnverordnungen")
    list_display = ["title", "sector_label", "valid_from", "valid_to"]
    list_filter = ["basis"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("basis"), FieldPanel("sector_label")]),
            FieldPanel("agreement"),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            FieldPanel("source"),
            InlinePanel(
                "rates",
                heading=_("Sätze"),
                label=_("Satz"),
                panels=[
                    FieldRowPanel([FieldPanel("category"), FieldPanel("amount")]),
                    FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                ],
            ),
        ],
        base_form_class=OrdinanceForm,
    )


class StatutoryViewSet(RegisterViewSet):
    model = StatutoryMinimumWage
    icon = "resubmit"
    menu_label = _("Gesetzlicher Mindestlohn")
    list_display = ["valid_from", "amount", "source"]
    panels = [FieldPanel("valid_from"), FieldPanel("amount"), FieldPanel("source")]


class TraineePayViewSet(RegisterViewSet):
    model = MinimumTraineePay
    icon = "user"
    menu_label = _("Mindestausbildungsvergütung")
    list_display = ["start_year", "year_1", "year_2", "year_3", "year_4"]
    panels = [
        FieldPanel("start_year"),
        FieldRowPanel([FieldPanel(f"year_{n}") for n in range(1, 5)]),
        FieldPanel("source"),
    ]


class SynonymViewSet(RegisterViewSet):
    model = SectorSynonym
    icon = "search"
    menu_label = _("Branchen-Synonyme")
    list_display = ["term", "canonical"]
    panels = [FieldPanel("term"), FieldPanel("canonical")]


# Other apps add items to the Tarifregister menu group with this hook (the import screen).
SUBMENU_HOOK = "register_tariff_register_menu_item"


class TariffRegisterGroup(SnippetViewSetGroup):
    items = (
        AgreementViewSet,
        PartyViewSet,
        ApplicabilityViewSet,
        OrdinanceViewSet,
        StatutoryViewSet,
        TraineePayViewSet,
        SynonymViewSet,
    )
    menu_icon = "doc-full"
    menu_label = _("Tarifregister")
    menu_name = "tariffs"
    submenu_hook = SUBMENU_HOOK


register_snippet(TariffRegisterGroup)


@hooks.register("after_create_snippet")
def register_created(request, instance) -> None:
    if isinstance(instance, REGISTER_MODELS):
        audit_log(user=request.user, action="lotse.create", instance=instance)


@hooks.register("after_edit_snippet")
def register_edited(request, instance) -> None:
    if isinstance(instance, REGISTER_MODELS):
        audit_log(user=request.user, action="lotse.update", instance=instance)
