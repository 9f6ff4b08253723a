"""Load test: 8 connections for a minute must keep PostgreSQL connections within the pools.

While wrk loads a page, the server's connections to the bench database are counted in
pg_stat_activity twice a second; the highest count must stay at or below the sum of the
server processes' pool sizes, and every answer must be a 2xx.
"""

import subprocess
import threading
import time

from django.db import connection

from bench.server import CONNECTIONS, Load, Server, wrk


def server_connections() -> int:
    """Connections to this database other than the bench's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


def under_load(server: Server, path: str, cookie: str, seconds: int) -> tuple[Load, int]:
    """The load's result and the highest count of server connections seen during it."""
    result: dict[str, Load] = {}

    def load() -> None:
        result["load"] = wrk(
            server.url(path), connections=CONNECTIONS, seconds=seconds, cookie=cookie
        )

    thread = threading.Thread(target=load)
    thread.start()
    highest = 0
    while thread.is_alive():
        highest = max(highest, server_connections())
        time.sleep(0.5)
    thread.join()
    return result["load"], highest


def load_rows(
    server: Server, pages: list[tuple[str, str, str]], *, seconds: int, bound: int
) -> tuple[list[str], bool]:
    lines = [
        f"| {CONNECTIONS} connections for {seconds} s on | requests | failures | "
        f"highest PostgreSQL connections | bound (pools) | met |",
        "|---|---|---|---|---|---|",
    ]
    every_met = True
    for label, path, cookie in pages:
        load, highest = under_load(server, path, cookie, seconds)
        met = load.failures == 0 and highest <= bound
        every_met &= met
        requests = round(load.requests_per_second * seconds)
        lines.append(
            f"| {label} | {requests} | {load.failures} | {highest} | {bound} | "
            f"{'yes' if met else 'NO'} |"
        )
        print(f"  {lines[-1]}", flush=True)
    return lines, every_met


def run_command(command: list[str], env: dict[str, str]) -> float:
    """Seconds a management command takes, in its own process as an operator runs it."""
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - start
