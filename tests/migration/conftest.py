import datetime

import pytest
import time_machine

from tests.conftest import initial_content_load


@pytest.fixture
def migration_rules(db):
    """The dated parameters of the check (initial content, published)."""
    initial_content_load("migration")


@pytest.fixture
def check_day():
    """The clock stands still on Monday 2 March 2026, 10:00 UTC (API and page tests)."""
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield
