import pytest

from tests.conftest import initial_content_load


@pytest.fixture
def migration_rules(db):
    """The dated parameters of the check (initial content, published)."""
    initial_content_load("migration")
