"""Every write on the register: keyword-only, one transaction, validated, audited.

Nothing is deleted. Periods are ended (`valid_to`) or corrected; overlapping periods of one kind
are refused under a row lock on the parent (`select_for_update`), so two concurrent writers
cannot both pass the check (PostgreSQL additionally has exclusion constraints).
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from lotse.core.audit import (
    audit_changes,
    audit_log,
    audit_log_model,
    audit_log_since,
    model_snapshot,
)
from lotse.core.types import AnyUser

from . import exports, wz
from .models import (
    AgreementParty,
    CollectiveAgreement,
    GeneralApplicability,
    MinimumWageOrdinance,
    MinimumWageRate,
    Provision,
    SectorCode,
    StatutoryMinimumWage,
)
from .search import agreement_search_document, ordinance_search_document

if TYPE_CHECKING:
    import tablib

AGREEMENT_FIELDS = (
    "register_number",
    "title",
    "kind",
    "level",
    "territory",
    "states",
    "sector_text",
    "personal_scope",
    "concluded_on",
    "valid_from",
    "earliest_termination_on",
    "terminated_on",
    "valid_to",
    "after_effect",
    "predecessor",
    "amends",
    "confidential",
)
AVE_FIELDS = (
    "status",
    "applied_on",
    "announcement",
    "committee_on",
    "decided_on",
    "valid_from",
    "valid_to",
)


def overlapping(
    queryset: QuerySet,
    *,
    valid_from: datetime.date,
    valid_to: datetime.date | None,
    exclude_pk: int | None = None,
) -> QuerySet:
    """Rows of `queryset` whose period [valid_from, valid_to] meets the given one."""
    queryset = queryset.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
    if valid_to is not None:
        queryset = queryset.filter(valid_from__lte=valid_to)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset


def _check_period(
    valid_from: datetime.date | None, valid_to: datetime.date | None
) -> datetime.date:
    """The start of a valid period [valid_from, valid_to] (open end allowed)."""
    if valid_from is None:
        raise ValidationError({"valid_from": "Bitte geben Sie an, ab wann es gilt."})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": "Das Ende darf nicht vor dem Beginn liegen."})
    return valid_from


def _set_codes(*, owner: dict, codes: Iterable[str]) -> None:
    """Store the given WZ codes and their equivalents in the other version."""
    unknown = [code for code in codes if not wz.versions_of(code)]
    if unknown:
        raise ValidationError(
            {"codes": f"Unbekannter WZ-Code: {', '.join(unknown)} (WZ 2008 oder WZ 2025)."}
        )
    SectorCode.objects.filter(**owner).delete()  # the scope list is replaced, not history
    rows: dict[tuple[str, str], bool] = {}
    for raw in codes:
        code = wz.normalise(raw)
        for version in wz.versions_of(code):
            rows[(version, code)] = False
            for other_version, other in wz.equivalents(code, version):
                rows.setdefault((other_version, other), True)
    SectorCode.objects.bulk_create(
        [
            SectorCode(version=version, code=code, derived=derived, **owner)
            for (version, code), derived in rows.items()
        ]
    )


def _refresh_search(agreement: CollectiveAgreement) -> None:
    row = CollectiveAgreement.objects.prefetch_related("parties", "codes").get(pk=agreement.pk)
    document = agreement_search_document(row)
    CollectiveAgreement.objects.filter(pk=row.pk).update(search_document=document)
    agreement.search_document = document


def _scope_snapshot(agreement: CollectiveAgreement) -> dict[str, list[str]]:
    """Parties, regions and the entered WZ codes of a stored agreement, for the audit trail."""
    return {
        "parties": sorted(party.name for party in agreement.parties.all()),
        "regions": sorted(region.code for region in agreement.regions.all()),
        "codes": sorted(set(agreement.codes.filter(derived=False).values_list("code", flat=True))),
    }


def _normalised_codes(codes: Iterable[str]) -> list[str]:
    return sorted({wz.normalise(code) for code in codes if wz.normalise(code)})


@transaction.atomic
def party_create(
    *,
    user: AnyUser | None,
    name: str,
    kind: str,
    address: str = "",
    town: str = "",
    website: str = "",
    note: str = "",
) -> AgreementParty:
    """Add a party to the party index (or return the existing one of that name and kind)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Bitte geben Sie den Namen der Partei an."})
    if kind not in AgreementParty.Kind.values:
        raise ValidationError({"kind": "Unbekannte Art der Tarifvertragspartei."})
    party, created = AgreementParty.objects.get_or_create(
        name=name, kind=kind, defaults={"address": address, "town": town, "website": website}
    )
    if created:
        audit_log(user=user, action="lotse.create", instance=party, note=note)
    return party


def _check_agreement(agreement: CollectiveAgreement) -> None:
    """The rules the database cannot state clearly: period order, states of a states scope."""
    _check_period(agreement.valid_from, agreement.valid_to)
    if agreement.territory == CollectiveAgreement.Territory.STATES and not agreement.states:
        raise ValidationError({"states": "Bitte nennen Sie die Länder des Geltungsbereichs."})


def _save_agreement(agreement: CollectiveAgreement) -> None:
    """Save; a taken register number becomes a German message on that field."""
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError as exc:
        number = agreement.register_number
        raise ValidationError(
            {"register_number": f"Die Registernummer {number} ist schon vergeben."}
        ) from exc


@transaction.atomic
def agreement_register(
    *,
    user: AnyUser | None,
    register_number: str,
    title: str,
    kind: str,
    level: str,
    territory: str,
    concluded_on: datetime.date,
    valid_from: datetime.date,
    parties: Iterable[AgreementParty] = (),
    codes: Iterable[str] = (),
    regions: Iterable = (),
    valid_to: datetime.date | None = None,
    note: str = "",
    **fields: Any,
) -> CollectiveAgreement:
    """Register an agreement with its parties and scope; WZ codes of either version."""
    if not (register_number or "").strip() or not (title or "").strip():
        raise ValidationError("Registernummer und Titel sind Pflichtangaben.")
    agreement = CollectiveAgreement(
        register_number=register_number.strip(),
        title=title.strip(),
        kind=kind,
        level=level,
        territory=territory,
        concluded_on=concluded_on,
        valid_from=valid_from,
        valid_to=valid_to,
        **fields,
    )
    _check_agreement(agreement)
    agreement.full_clean(exclude=["parties", "regions", "predecessor"], validate_unique=False)
    _save_agreement(agreement)
    agreement.parties.set(list(parties))
    agreement.regions.set(list(regions))
    _set_codes(owner={"agreement": agreement}, codes=list(codes))
    _refresh_search(agreement)
    audit_log(
        user=user,
        action="lotse.create",
        instance=agreement,
        changes=audit_changes(
            {}, {**model_snapshot(agreement, AGREEMENT_FIELDS), **_scope_snapshot(agreement)}
        ),
        note=note,
    )
    return agreement


@transaction.atomic
def agreement_correct(
    *,
    user: AnyUser | None,
    agreement: CollectiveAgreement,
    codes: Iterable[str] | None = None,
    parties: Iterable[AgreementParty] | None = None,
    regions: Iterable | None = None,
    note: str = "",
    **changes: Any,
) -> CollectiveAgreement:
    """Correct fields and scope of an entry (the old values stay in the audit trail).

    `codes`, `parties` and `regions` replace the stored lists when given. When every value is
    the one already stored, nothing is written and nothing is audited.
    """
    row = CollectiveAgreement.objects.select_for_update().get(pk=agreement.pk)
    before = {**model_snapshot(row, AGREEMENT_FIELDS), **_scope_snapshot(row)}
    for name, value in changes.items():
        if name not in AGREEMENT_FIELDS:
            raise ValidationError(f"Feld {name} kann hier nicht geändert werden.")
        setattr(row, name, value)
    _check_agreement(row)
    parties = None if parties is None else list(parties)
    regions = None if regions is None else list(regions)
    codes = None if codes is None else _normalised_codes(codes)
    after = {
        **model_snapshot(row, AGREEMENT_FIELDS),
        "parties": before["parties"]
        if parties is None
        else sorted(party.name for party in parties),
        "regions": before["regions"]
        if regions is None
        else sorted(region.code for region in regions),
        "codes": before["codes"] if codes is None else codes,
    }
    changed = audit_changes(before, after)
    if not changed:
        return row
    row.full_clean(
        exclude=["parties", "regions", "predecessor", "amends", "document"],
        validate_unique=False,
    )
    _save_agreement(row)
    if parties is not None:
        row.parties.set(parties)
    if regions is not None:
        row.regions.set(regions)
    if codes is not None:
        _set_codes(owner={"agreement": row}, codes=codes)
    _refresh_search(row)
    audit_log(user=user, action="lotse.update", instance=row, changes=changed, note=note)
    return row


@transaction.atomic
def agreement_end(
    *,
    user: AnyUser | None,
    agreement: CollectiveAgreement,
    valid_to: datetime.date,
    terminated_on: datetime.date | None = None,
) -> CollectiveAgreement:
    """The agreement expires (by termination or its term); after-effect follows from the flag."""
    row = CollectiveAgreement.objects.select_for_update().get(pk=agreement.pk)
    before = model_snapshot(row, AGREEMENT_FIELDS)
    _check_period(row.valid_from, valid_to)
    row.valid_to = valid_to
    if terminated_on is not None:
        row.terminated_on = terminated_on
    row.save(update_fields=["valid_to", "terminated_on", "updated_at"])
    audit_log_since(
        user=user,
        action="lotse.end",
        instance=row,
        before=before,
        fields=AGREEMENT_FIELDS,
    )
    return row


@transaction.atomic
def provision_add(
    *,
    user: AnyUser | None,
    agreement: CollectiveAgreement,
    kind: str,
    amount: Decimal,
    unit: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    grade: str = "",
    step: int | None = None,
    training_year: int | None = None,
    text: str = "",
) -> Provision:
    """Add a provision; its period must not overlap the same provision's other periods."""
    _check_period(valid_from, valid_to)
    if amount is None or Decimal(amount) < 0:
        raise ValidationError({"amount": "Der Wert darf nicht negativ sein."})
    if kind == Provision.Kind.TRAINEE_PAY and training_year not in (1, 2, 3, 4):
        raise ValidationError({"training_year": "Das Ausbildungsjahr muss 1 bis 4 sein."})
    CollectiveAgreement.objects.select_for_update().get(pk=agreement.pk)
    same = Provision.objects.filter(
        agreement=agreement, kind=kind, grade=grade, step=step, training_year=training_year
    )
    if overlapping(same, valid_from=valid_from, valid_to=valid_to).exists():
        raise ValidationError(
            "Für diese Bestimmung gibt es in diesem Zeitraum schon einen Wert. "
            "Beenden Sie den bisherigen Wert zuerst."
        )
    provision = Provision.objects.create(
        agreement=agreement,
        kind=kind,
        amount=Decimal(amount),
        unit=unit,
        valid_from=valid_from,
        valid_to=valid_to,
        grade=grade,
        step=step,
        training_year=training_year,
        text=text,
    )
    audit_log(
        user=user,
        action="lotse.create",
        instance=provision,
        changes={"agreement": [None, agreement.register_number], "amount": [None, str(amount)]},
    )
    return provision


@transaction.atomic
def provisions_add(
    *,
    user: AnyUser | None,
    agreement: CollectiveAgreement,
    valid_from: datetime.date,
    rows: Iterable[tuple[str, str | Decimal, str, dict[str, Any]]],
) -> list[Provision]:
    """Add several provisions from one date: (kind, amount, unit, further fields) each."""
    return [
        provision_add(
            user=user,
            agreement=agreement,
            kind=kind,
            amount=Decimal(amount),
            unit=unit,
            valid_from=valid_from,
            **extra,
        )
        for kind, amount, unit, extra in rows
    ]


@transaction.atomic
def provision_end(
    *, user: AnyUser | None, provision: Provision, valid_to: datetime.date
) -> Provision:
    row = Provision.objects.select_for_update().get(pk=provision.pk)
    _check_period(row.valid_from, valid_to)
    before = model_snapshot(row, ("valid_to",))
    row.valid_to = valid_to
    row.save(update_fields=["valid_to"])
    audit_log_since(
        user=user,
        action="lotse.end",
        instance=row,
        before=before,
        fields=("valid_to",),
    )
    return row


@transaction.atomic
def ave_apply(
    *,
    user: AnyUser | None,
    agreement: CollectiveAgreement,
    applied_on: datetime.date,
    announcement: str = "",
) -> GeneralApplicability:
    """Record an application for general applicability (with its Bundesanzeiger notice)."""
    ave = GeneralApplicability.objects.create(
        agreement=agreement,
        status=GeneralApplicability.Status.APPLIED_FOR,
        applied_on=applied_on,
        announcement=announcement,
    )
    audit_log_since(
        user=user,
        action="lotse.create",
        instance=ave,
        before={},
        fields=AVE_FIELDS,
    )
    return ave


@transaction.atomic
def ave_transition(
    *,
    user: AnyUser | None,
    ave: GeneralApplicability,
    status: str,
    on: datetime.date,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    note: str = "",
) -> GeneralApplicability:
    """Move the procedure on: committee → declared / rejected / withdrawn → ended."""
    CollectiveAgreement.objects.select_for_update().get(pk=ave.agreement_id)
    row = GeneralApplicability.objects.select_for_update().get(pk=ave.pk)
    status = GeneralApplicability.Status(status)
    if status not in GeneralApplicability.TRANSITIONS[GeneralApplicability.Status(row.status)]:
        raise ValidationError(
            f"Ein Verfahren im Stand „{row.get_status_display()}“ kann nicht "
            f"in den Stand „{status.label}“ wechseln."
        )
    before = model_snapshot(row, AVE_FIELDS)
    row.status = status
    if status == GeneralApplicability.Status.COMMITTEE:
        row.committee_on = on
    elif status in (GeneralApplicability.Status.REJECTED, GeneralApplicability.Status.WITHDRAWN):
        row.decided_on = on
    elif status == GeneralApplicability.Status.DECLARED:
        row.decided_on = on
        valid_from = _check_period(valid_from, valid_to)
        declared = GeneralApplicability.objects.filter(
            agreement_id=row.agreement_id, status__in=["declared", "ended"]
        )
        if overlapping(
            declared, valid_from=valid_from, valid_to=valid_to, exclude_pk=row.pk
        ).exists():
            raise ValidationError(
                "Für diesen Tarifvertrag gilt in diesem Zeitraum schon eine "
                "Allgemeinverbindlicherklärung."
            )
        row.valid_from, row.valid_to = valid_from, valid_to
    elif status == GeneralApplicability.Status.ENDED:
        end = valid_to or on
        _check_period(row.valid_from, end)
        row.valid_to = end
    if note:
        row.note = (row.note + "\n" + note).strip()
    row.save()
    audit_log_since(
        user=user,
        action="lotse.status",
        instance=row,
        before=before,
        fields=AVE_FIELDS,
    )
    return row


@transaction.atomic
def ordinance_register(
    *,
    user: AnyUser | None,
    title: str,
    basis: str,
    sector_label: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    agreement: CollectiveAgreement | None = None,
    codes: Iterable[str] = (),
    source: str = "",
    is_demo: bool = False,
) -> MinimumWageOrdinance:
    """Register a minimum wage ordinance (or AVE'd minimum wage) with its own validity."""
    _check_period(valid_from, valid_to)
    ordinance = MinimumWageOrdinance.objects.create(
        title=title,
        basis=basis,
        sector_label=sector_label,
        valid_from=valid_from,
        valid_to=valid_to,
        agreement=agreement,
        source=source,
        is_demo=is_demo,
    )
    _set_codes(owner={"ordinance": ordinance}, codes=list(codes))
    ordinance.search_document = ordinance_search_document(ordinance)
    ordinance.save(update_fields=["search_document"])
    audit_log(user=user, action="lotse.create", instance=ordinance)
    return ordinance


@transaction.atomic
def rate_add(
    *,
    user: AnyUser | None,
    ordinance: MinimumWageOrdinance,
    category: str,
    amount: Decimal,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
) -> MinimumWageRate:
    """Add an amount for a category; periods of one category never overlap."""
    _check_period(valid_from, valid_to)
    if Decimal(amount) <= 0:
        raise ValidationError({"amount": "Der Mindestlohn muss größer als 0 sein."})
    parent = MinimumWageOrdinance.objects.select_for_update().get(pk=ordinance.pk)
    end = parent.valid_to
    if valid_from < parent.valid_from or (end and (valid_to is None or valid_to > end)):
        raise ValidationError("Der Satz muss innerhalb der Geltung der Verordnung liegen.")
    same = MinimumWageRate.objects.filter(ordinance=parent, category=category)
    if overlapping(same, valid_from=valid_from, valid_to=valid_to).exists():
        raise ValidationError(
            f"Für „{category}“ gibt es in diesem Zeitraum schon einen Mindestlohn."
        )
    rate = MinimumWageRate.objects.create(
        ordinance=parent,
        category=category,
        amount=Decimal(amount),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    audit_log(
        user=user,
        action="lotse.create",
        instance=rate,
        changes={"amount": [None, str(rate.amount)], "valid_from": [None, str(valid_from)]},
    )
    return rate


@transaction.atomic
def statutory_wage_add(
    *, user: AnyUser | None, valid_from: datetime.date, amount: Decimal, source: str
) -> StatutoryMinimumWage:
    """A new statutory minimum wage applies from `valid_from` (until the next one)."""
    if Decimal(amount) <= 0:
        raise ValidationError({"amount": "Der Mindestlohn muss größer als 0 sein."})
    if StatutoryMinimumWage.objects.filter(valid_from=valid_from).exists():
        raise ValidationError({"valid_from": "Für diesen Tag ist schon ein Mindestlohn erfasst."})
    row = StatutoryMinimumWage.objects.create(valid_from=valid_from, amount=amount, source=source)
    audit_log(user=user, action="lotse.create", instance=row)
    return row


EXPORT_FORMATS = ("csv", "xlsx")


@transaction.atomic
def agreements_export(
    *, user: AnyUser | None, agreements: QuerySet, fmt: str, filters: str = ""
) -> "tablib.Dataset":
    """The given agreements as the register spreadsheet (`exports.py`); the download is audited.

    The audit entry (action "Exportiert", on the model as a whole) says who downloaded how many
    entries, how many of them confidential, in which format and with which listing filters.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(f"Unbekanntes Format „{fmt}“ (erlaubt: csv, xlsx).")
    rows = list(exports.agreements_for_export(queryset=agreements))
    data = exports.register_dataset(agreements=rows, on=timezone.localdate())
    confidential = sum(1 for row in rows if row.confidential)
    note = f"{fmt.upper()}: {len(rows)} Tarifverträge, davon {confidential} vertraulich"
    if filters:
        note += f"; Auswahl: {filters}"
    audit_log_model(user=user, action="lotse.export", model=CollectiveAgreement, note=note)
    return data
