"""gunicorn settings of Lotse's app servers (`gunicorn -c python:lotse.gunicorn_conf …`).

The configuration that `docs/operations.md` recommends and that the benchmarks (`bench/run.py`,
`bench/cluster.py`) run, so what is measured is what is deployed. Worker class, worker count,
`--preload`, address and recycling stay on the command line (they differ between a server
behind a buffering proxy and the benchmark's gthread workers).

- **The C allocator** (glibc's malloc; elsewhere nothing is changed), set when gunicorn reads
  this file, before the application is loaded, so the master and every worker it forks run
  with it (decision 0022). Python keeps objects up to 512 bytes in its own arenas; everything
  larger (page bodies, pickles, query results, template output) comes from malloc, whose
  defaults let a long-running threaded server grow:
  - one arena per thread and core (up to 8 × cores): freed memory in one thread's arena cannot
    serve the next request's thread, so each arena grows to that thread's peak. Two arenas;
  - the mmap threshold rises to 32 MB after the first large block is freed, after which large
    blocks come from the heap and leave holes in it that are not given back. A fixed threshold
    (128 KB, glibc's starting value) keeps blocks from 128 KB on in their own mappings,
    returned to the system when freed;
  - the heap's top is given back above a fixed 128 KB (otherwise it moves with the mmap
    threshold).
"""

from __future__ import annotations

import ctypes
import ctypes.util

# mallopt(3) parameters of glibc's <malloc.h>.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

MALLOC_ARENAS = 2
MALLOC_MMAP_THRESHOLD = 128 * 1024
MALLOC_TRIM_THRESHOLD = 128 * 1024


def tune_malloc() -> bool:
    """Apply the allocator settings above; False where the C library is not glibc."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name)
    if not hasattr(libc, "mallopt") or not hasattr(libc, "gnu_get_libc_version"):
        return False
    return all(
        libc.mallopt(parameter, value)
        for parameter, value in (
            (M_ARENA_MAX, MALLOC_ARENAS),
            (M_MMAP_THRESHOLD, MALLOC_MMAP_THRESHOLD),
            (M_TRIM_THRESHOLD, MALLOC_TRIM_THRESHOLD),
        )
    )


malloc_tuned = tune_malloc()
