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
