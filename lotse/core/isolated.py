"""Work whose libraries are large and rarely needed, done in a short-lived child process.

Some rare paths need a package that costs an app-server worker many megabytes for as long as it
lives once it has been imported: WeasyPrint for a PDF (fontTools, Pango, fontconfig and the
fonts: about 50 MB after a few documents), `holidays` for the desk's deadlines (it imports the
calendars of every country it knows: 390 modules, 16 MB). `call_in_child` forks the calling
process (which has the application and the arguments already), computes the result there,
sends it back pickled through a pipe and lets the child end: the package never enters the
caller, its memory goes with the child (decision 0031). The price is the package's import in
each child (0.1–0.5 s of CPU), so callers use it where it is rare or keep the result.

Only for pure computations on picklable arguments and results: the child must not use the
database connection, the cache client or anything else it shares with its parent, and it ends
with `os._exit` (the parent's exit handlers and finalisers are not run twice). The fork is safe
in a threaded worker for such work: the child has only the forking thread, CPython takes the
import lock around the fork and resets the logging locks in the child.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# The first byte of the child's answer: the pickled result follows, or a pickled exception.
_DONE = b"\x00"
_FAILED = b"\x01"


class ChildFailed(RuntimeError):
    """The child failed in a way that could not be passed on as the original exception."""


def call_in_child(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(*args, **kwargs)` computed in a forked child process; its exception is raised
    here. Without `os.fork` (Windows) it is computed in this process."""
    if not hasattr(os, "fork"):  # pragma: no cover - no fork: compute here
        return function(*args, **kwargs)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        os.close(read_end)
        _answer_and_exit(write_end, function, args, kwargs)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read()
    finally:
        _pid, status = os.waitpid(pid, 0)  # always reaped, even if reading failed
    return _result(answer, os.waitstatus_to_exitcode(status))


def _answer_and_exit(  # pragma: no cover - runs in the child
    write_end: int, function: Callable, args: tuple, kwargs: dict
) -> None:
    code = 0
    try:
        try:
            answer = _DONE + pickle.dumps(function(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            code = 1
            answer = _FAILED + _pickled_error(error)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(answer)
    finally:
        os._exit(code)


def _pickled_error(error: BaseException) -> bytes:
    """The exception itself if it survives pickling, else its traceback as text."""
    try:
        data = pickle.dumps(error)
        pickle.loads(data)  # noqa: S301 - our own bytes, checked before they are sent
    except Exception:  # noqa: BLE001 - not picklable: send the text
        text = "".join(traceback.format_exception(error))
        return pickle.dumps(ChildFailed(f"failed in the child process:\n{text}"))
    return data


def _result(answer: bytes, exit_code: int) -> Any:
    if answer[:1] == _DONE and exit_code == 0:
        return pickle.loads(answer[1:])  # noqa: S301 - written by our own child process
    if answer[:1] == _FAILED:
        raise pickle.loads(answer[1:])  # noqa: S301 - written by our own child process
    raise ChildFailed(f"the child process ended with {exit_code} without an answer")
