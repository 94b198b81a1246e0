import pytest

from tests.conftest import initial_content_load

from .factories import sample_agreements_create


@pytest.fixture
def tariff_register(db) -> dict:
    """The register as an installation has it (initial content: sector minimum wages, the gap,
    the Saxon AVE cases) plus the three sample agreements of `sample_agreements_create`."""
    initial_content_load("tariffs")
    return sample_agreements_create()


@pytest.fixture
def register(tariff_register) -> dict:
    """Deprecated alias of `tariff_register` (no longer the demo register)."""
    return tariff_register


@pytest.fixture
def demo_register(db):
    """The demo register (initial content plus the invented demo agreements): only for the test
    that proves the demo loads."""
    from lotse.demo.loaders import register_load as load

    load()
