"""`manage.py load_demo` (`make run`'s first start): initial content, then every demo loader."""

from io import StringIO

import pytest
from django.core.management import call_command

from lotse.demo.loaders import DEMO_LOADERS


@pytest.mark.django_db
def test_load_demo_runs_every_loader_and_prints_the_accounts():
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "Demo data loaded." in text
    assert "redaktion" in text
    assert len(DEMO_LOADERS) >= 7

    from lotse.desk.models import Inquiry
    from lotse.events.models import Event, Registration
    from lotse.offers.models import Offer
    from lotse.tariffs.models import CollectiveAgreement

    assert Offer.objects.exists()
    assert Event.objects.filter(status="registration_open").exists()
    assert Registration.objects.count() > 300
    assert CollectiveAgreement.objects.exists()
    assert Inquiry.objects.exists()
