"""Register entries for tests: the defaults of a plain sector agreement, overridable."""

import datetime

from lotse.tariffs import services
from lotse.tariffs.models import CollectiveAgreement


def register_agreement(
    number: str,
    *,
    title: str = "",
    valid_from: datetime.date = datetime.date(2024, 1, 1),
    **fields,
) -> CollectiveAgreement:
    """`services.agreement_register` of a public pay agreement for Saxony, concluded on the day
    it enters into force, unless `fields` say otherwise."""
    defaults = {"kind": "pay", "level": "sector", "territory": "saxony"}
    return services.agreement_register(
        user=None,
        register_number=number,
        title=title or f"Tarifvertrag {number}",
        valid_from=valid_from,
        concluded_on=fields.pop("concluded_on", valid_from),
        **{**defaults, **fields},
    )


def register_ordinance(
    title: str,
    *,
    sector_label: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    codes: tuple[str, ...] = (),
    rates: tuple[tuple[str, str, datetime.date, datetime.date | None], ...] = (),
):
    """`services.ordinance_register` with its rates: (category, amount, from, to)."""
    from decimal import Decimal

    ordinance = services.ordinance_register(
        user=None,
        title=title,
        basis="AEntG",
        sector_label=sector_label,
        valid_from=valid_from,
        valid_to=valid_to,
        codes=codes,
    )
    for category, amount, start, end in rates:
        services.rate_add(
            user=None,
            ordinance=ordinance,
            category=category,
            amount=Decimal(amount),
            valid_from=start,
            valid_to=end,
        )
    return ordinance
