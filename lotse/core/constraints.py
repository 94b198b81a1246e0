"""Check constraints that several models share."""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual


def period_order_constraint(
    name: str, *, start: str = "valid_from", end: str = "valid_to", open_start: bool = False
) -> models.CheckConstraint:
    """A period's `end` is open (NULL) or not before its `start`; with `open_start`, a period
    whose `start` is open (NULL) passes too."""
    condition = Q(**{f"{end}__isnull": True})
    if open_start:
        condition = Q(**{f"{start}__isnull": True}) | condition
    return models.CheckConstraint(condition=condition | Q(**{f"{end}__gte": F(start)}), name=name)


def text_length_constraint(name: str, *, field: str, limit: int) -> models.CheckConstraint:
    """The text in `field` has at most `limit` characters (the database does not check a
    `TextField`'s `max_length`; the forms do)."""
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), limit), name=name)
