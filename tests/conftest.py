import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The portal's page tree (German and English) as `make run` loads it."""
    from lotse.content.demo import load

    load()


@pytest.fixture
def demo_users(db):
    from lotse.core.demo import load

    load()


@pytest.fixture
def migrated(db):
    call_command("migrate", verbosity=0)
