"""Demo accounts, one per role, with a published password. Only for demo systems (`make run`)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from lotse.core import roles

DEMO_PASSWORD = "lotse-demo-2026"  # noqa: S105 - published demo password, demo systems only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@demo.lotse.example"


DEMO_ACCOUNTS = (
    DemoAccount("admin", roles.ADMINISTRATION, "Ada", "Admin (Demo)", superuser=True),
    DemoAccount("redaktion", roles.EDITORS, "Rita", "Redaktion (Demo)"),
    DemoAccount("tarifregister", roles.TARIFF_REGISTER, "Tom", "Tarif (Demo)"),
    DemoAccount("veranstaltung", roles.EVENTS_TEAM, "Vera", "Veranstaltung (Demo)"),
    DemoAccount("lotsendienst", roles.DESK, "Lars", "Lotsendienst (Demo)"),
    DemoAccount("partner", roles.PARTNER, "Paula", "Partner (Demo)"),
)


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    """Create or reset the demo accounts; returns lines describing them."""
    user_model = get_user_model()
    roles.roles_sync()
    lines = []
    for account in DEMO_ACCOUNTS:
        user, _created = user_model.objects.get_or_create(username=account.username)
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.email = account.email
        user.is_superuser = account.superuser
        user.is_staff = account.superuser
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get(name=account.role)])
        lines.append(f"{account.role:<20} {account.username:<15} {DEMO_PASSWORD}")
    return lines
