import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from lotse.core import roles
from lotse.desk.models import Inquiry

from .factories import AnswerTemplateFactory, InquiryFactory

BERLIN = dt.timezone(dt.timedelta(hours=1))


def fake_lookup(*, query: str = "", wz: str = "", on: dt.date, language: str = "de") -> str:
    """Stands in for lotse.tariffs.summaries.lookup_summary (the seam; see LOTSE_DESK_*)."""
    return f"Auskunft für {query} (WZ {wz or '–'}), Stand {on:%d.%m.%Y}. Keine Rechtsberatung."


def make_user(role: str | None, name: str, **extra):
    user = get_user_model().objects.create_user(
        name, password="x", email=f"{name}@example.org", first_name=name.title(), **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def tariff_staff(db):
    return make_user(roles.TARIFF_REGISTER, "tina")


@pytest.fixture
def desk_staff(db):
    return make_user(roles.DESK, "lars")


@pytest.fixture
def partner(db):
    return make_user(roles.PARTNER, "paula")


@pytest.fixture
def client_for():
    def _client(user, **kwargs) -> Client:
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return _client


def make_inquiry(**overrides) -> Inquiry:
    """An inquiry (InquiryFactory); due a week after `received_at` unless `due_date` is given."""
    return InquiryFactory(**overrides)


@pytest.fixture
def inquiry(db):
    return make_inquiry()


@pytest.fixture
def template(db):
    return AnswerTemplateFactory(
        title="Mit Auskunft",
        body="{anrede}\n\nzu Ihrer Anfrage {reference}:\n\n{lookup}\n\nGrüße an {name}",
    )
