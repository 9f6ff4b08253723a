"""Start a private Redis and ASGI servers (daphne) that share it, for the live editing tests
and bench/canvas_fanout.py."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSED_THROUGH = ("PATH", "HOME", "LANG")
_RUNNING: dict[int, subprocess.Popen] = {}  # the daphne servers started here, by port


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped: {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def private_redis() -> Iterator[str]:
    """A redis-server of our own on a free port, without persistence; yields its URL."""
    port = free_port()
    folder = tempfile.mkdtemp(prefix="atelier-redis-")
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    process = subprocess.Popen(  # noqa: S603 - the installed redis-server, fixed arguments
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            folder,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def database_url(settings_dict: dict) -> str:
    """The URL of the database this test run uses (the test database, not the configured one)."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@contextmanager
def asgi_servers(
    count: int,
    *,
    redis_url: str,
    database: str,
    output: Path | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[list[int]]:
    """`count` daphne processes serving atelier.asgi on free ports; yields the ports.

    Each server's standard output (where the console mail backend writes) goes to
    `output`/<port>.out when `output` is given; `env` adds settings (DEBUG=true serves
    static files without collectstatic)."""
    environment = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "atelier.settings",
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"live-test-{os.getpid()}",
        "PUBLIC_PAGE_CACHE_SECONDS": "0",  # each test sees its own changes at once
        "PROJECT_PAGE_CACHE_SECONDS": "0",
    } | (env or {})
    ports = [free_port() for _ in range(count)]
    logs = Path(tempfile.mkdtemp(prefix="atelier-daphne-"))
    processes = [
        subprocess.Popen(  # noqa: S603 - our own ASGI application, fixed arguments
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "atelier.asgi:application",
            ],
            cwd=ROOT,
            env=environment,
            stdout=(output / f"{port}.out").open("w") if output else subprocess.DEVNULL,
            stderr=(logs / f"{port}.log").open("w"),  # what went wrong, if anything did
        )
        for port in ports
    ]
    _RUNNING.update(zip(ports, processes, strict=True))
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_for_port(port, process, seconds=60)
        yield ports
    finally:
        for port, process in zip(ports, processes, strict=True):
            _RUNNING.pop(port, None)
            _stop(process)


def kill_server(port: int) -> None:
    """End one of the servers at once, as a crash would: its sockets say no goodbye."""
    process = _RUNNING[port]
    process.kill()
    process.wait()
