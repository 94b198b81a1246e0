"""Type aliases shared by the typed service and selector layer (mypy, `make typecheck`)."""

from typing import TypeAlias

from django.contrib.auth.models import AbstractUser, AnonymousUser

# Who acts: `request.user`, a signed-in account (the project uses Django's User) or the
# anonymous user. Both carry `is_authenticated`, `is_superuser`, `groups` and `has_perm`.
AnyUser: TypeAlias = AbstractUser | AnonymousUser
