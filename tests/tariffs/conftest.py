import pytest


@pytest.fixture
def register(db):
    """The demo register (real sector minimum wages, gap, AVE cases, invented agreements)."""
    from lotse.demo.loaders import register_load as load

    load()
