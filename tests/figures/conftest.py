import pytest
import time_machine

from tests.figures.pages import TODAY


@pytest.fixture
def frozen_today():
    """The clock stands at `pages.TODAY` (the inquiry figures count the months before it)."""
    with time_machine.travel(TODAY, tick=False):
        yield
