"""`call_in_child`: a computation in a forked child process (lotse/core/isolated.py)."""

import os

import pytest

from lotse.core.isolated import ChildFailed, call_in_child


def test_the_result_comes_back_and_the_child_is_another_process():
    pid, total = call_in_child(lambda numbers: (os.getpid(), sum(numbers)), [1, 2, 3])
    assert total == 6
    assert pid != os.getpid()


def test_the_childs_work_stays_in_the_child():
    seen = []
    call_in_child(seen.append, "only there")
    assert seen == []


def test_an_error_in_the_child_is_raised_in_the_caller():
    def fail(text):
        raise ValueError(f"kaputt: {text}")

    with pytest.raises(ValueError, match="kaputt: x"):
        call_in_child(fail, "x")


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not picklable")


def test_an_unpicklable_error_comes_back_with_its_traceback():
    def fail():
        raise Unpicklable("geht nicht")

    with pytest.raises(ChildFailed, match="Unpicklable: geht nicht"):
        call_in_child(fail)


def test_a_child_that_ends_without_an_answer_is_an_error():
    with pytest.raises(ChildFailed, match="ended with 3"):
        call_in_child(os._exit, 3)
