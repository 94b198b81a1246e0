"""The app servers' allocator settings (lotse/gunicorn_conf.py, decision 0022)."""

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc", reason="the settings are glibc's (elsewhere: unchanged)"
)

# After a large block was freed, glibc raises its mmap threshold to that size (up to 32 MB),
# so the next large block comes from the heap, where it leaves a hole when freed. With the
# fixed threshold of the gunicorn settings it gets its own mapping again (`hblks` counts them).
PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "tuned":
    from lotse import gunicorn_conf
    assert gunicorn_conf.malloc_tuned
libc.free(libc.malloc(4 << 20))
mappings = libc.mallinfo2().hblks
block = libc.malloc(512 << 10)
print(libc.mallinfo2().hblks - mappings)
libc.free(block)
"""


def mapped_blocks(mode: str) -> int:
    result = subprocess.run(  # noqa: S603 - our own interpreter and probe
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True
    )
    return int(result.stdout)


def test_large_blocks_keep_their_own_mappings_with_the_settings():
    assert mapped_blocks("tuned") == 1


def test_without_the_settings_they_come_from_the_heap():
    """Control: glibc's default behaviour the settings change (the test above can fail)."""
    assert mapped_blocks("default") == 0


def test_the_settings_apply_on_glibc():
    from lotse import gunicorn_conf

    assert gunicorn_conf.tune_malloc()
