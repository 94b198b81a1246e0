"""`readings_pinned`: the one way the content versions (`versions_pinned`) and the Tarif
register version (`version_pinned`) keep the first readings of a request for the rest of it."""

from contextvars import ContextVar

import pytest

from lotse.core import versioning
from lotse.tariffs import versioning as register_versioning


def test_a_block_pins_a_new_dict_and_lets_it_go_afterwards():
    pinned: ContextVar[dict[str, str] | None] = ContextVar("pinned", default=None)
    with versioning.readings_pinned(pinned):
        readings = pinned.get()
        assert readings == {}
        readings["default"] = "7-abc"
        with versioning.readings_pinned(pinned):
            # An inner block keeps the outer one's readings.
            assert pinned.get() is readings
        assert pinned.get() == {"default": "7-abc"}
    assert pinned.get() is None


def test_the_pin_is_let_go_when_the_block_raises():
    pinned: ContextVar[dict[str, str] | None] = ContextVar("pinned", default=None)
    with pytest.raises(RuntimeError), versioning.readings_pinned(pinned):
        raise RuntimeError
    assert pinned.get() is None


@pytest.mark.parametrize(
    ("pin", "pinned"),
    [
        (versioning.versions_pinned, versioning._pinned),
        (register_versioning.version_pinned, register_versioning._pinned),
    ],
    ids=["content versions", "register version"],
)
def test_both_versions_pin_through_it(pin, pinned):
    assert pinned.get() is None
    with pin():
        outer = pinned.get()
        assert outer == {}
        with pin():
            assert pinned.get() is outer
    assert pinned.get() is None
