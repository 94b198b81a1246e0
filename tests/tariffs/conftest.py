import pytest


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
