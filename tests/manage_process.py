"""Run manage.py in a separate process with a controlled environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a production process sees besides the values under test; nothing the test run itself
# sets (such as DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests) may leak in.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "DATABASE_URL", "REDIS_URL")


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    environment = {**inherited, "DJANGO_SETTINGS_MODULE": "atelier.settings", **env}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
