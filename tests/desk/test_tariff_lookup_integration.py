"""The desk's `{lookup}` placeholder with the real Tarifauskunft (no test double)."""

import datetime as dt

import pytest
from django.conf import settings

from lotse.desk.models import AnswerTemplate, Topic
from lotse.desk.selectors import answer_compose, tariff_lookup
from lotse.tariffs.summaries import lookup_summary

from .conftest import make_inquiry

pytestmark = pytest.mark.django_db


def test_the_default_setting_points_at_the_tariffs_lookup():
    assert settings.LOTSE_DESK_TARIFF_LOOKUP == "lotse.tariffs.summaries.lookup_summary"
    assert tariff_lookup() is lookup_summary


def test_answer_carries_the_real_lookup_with_its_as_of_date_and_hides_company_agreements(
    tariff_register,
):
    template = AnswerTemplate.objects.create(
        topic=Topic.TARIFF, title="Auskunft", body="{anrede}\n\n{lookup}\n\nIhr Zeichen {reference}"
    )
    metal = make_inquiry(sector="Metall- und Elektroindustrie", wz_code="25.62")
    text = answer_compose(inquiry=metal, template=template, lookup_on=dt.date(2025, 11, 15))
    assert "Stand: 15.11.2025" in text
    assert "keine Rechtsberatung" in text
    assert metal.reference in text
    # The confidential company agreement (SN-TEST-0900) is counted, never named.
    assert "Teilefertigung Beispiel" not in text
    assert "SN-TEST-0900" not in text
    assert "Firmentarifverträge oder vertrauliche Einträge" in text

    care = make_inquiry(sector="Pflege", wz_code="")
    text = answer_compose(inquiry=care, template=template, lookup_on=dt.date(2025, 8, 1))
    assert "16,10" in text  # the care helper floor on that day (facts file)
