"""Running our own interpreter and manage.py in a child process (production settings tests)."""

import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]


def python(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    """`python *args` in the project directory with `env`; output captured as text."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code, fixed arguments
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def manage(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    return python(str(BASE_DIR / "manage.py"), *args, env=env, timeout=timeout)
