"""Check constraints that several apps' models share."""

from django.db import models
from django.db.models import F, Q


def period_order_constraint(
    name: str, *, start: str = "valid_from", end: str = "valid_to"
) -> models.CheckConstraint:
    """A period's `end` is open (NULL) or not before its `start`."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}), name=name
    )
