"""Pages under load, as ratios to a bare view: a real server, a real load generator.

The server is started here as it is deployed (see README, Deployment: plain HTTP through
gunicorn's worker processes), on the bench's PostgreSQL database, with `bench.settings`
(the product plus the bare view at /bench/bare/). `wrk` loads each page with 8
connections right after the bare view, so each ratio compares two figures taken on the
same machine within seconds; three runs give the median and the spread.
"""

import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = "/bench/bare/"
CONNECTIONS = 8


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    failures: int  # non-2xx answers, socket errors and timeouts


@dataclass
class Row:
    label: str
    url: str
    target: float
    cookie: str = ""
    ratios: list[float] = field(default_factory=list)
    loads: list[Load] = field(default_factory=list)
    bares: list[Load] = field(default_factory=list)


class Server:
    """gunicorn (or daphne) serving bench.settings on a port, stopped by its process id."""

    def __init__(self, port: int, workers: int, env: dict[str, str], kind: str = "gunicorn"):
        self.port, self.kind = port, kind
        if kind == "gunicorn":
            command = [
                str(ROOT / ".venv/bin/gunicorn"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                # The first request imports the whole project: slow on a busy machine.
                "--timeout",
                "180",
                "--preload",
                "--error-logfile",
                "-",
                "bench.wsgi:application",
            ]
        else:
            command = [
                str(ROOT / ".venv/bin/daphne"),
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "atelier.asgi:application",
            ]
        server_env = os.environ | env | {"DJANGO_SETTINGS_MODULE": "bench.settings"}
        self.log = open(Path(env["MEDIA_ROOT"]).parent / f"server-{port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=server_env, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            self._wait_until_answering()
        except RuntimeError:
            self.stop()
            raise

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the {self.kind} server stopped; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=60) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"the {self.kind} server does not answer on port {self.port}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wrk(url: str, *, connections: int, seconds: int, cookie: str = "") -> Load:
    """One wrk run; every answer that is not 2xx, and every socket error, counts as a failure."""
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--latency", "--timeout", "30s", "-H", "Accept-Language: nl"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p50_ms = float(p50.group(1)) * scale[p50.group(2)] if p50 else float("nan")
    failures = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output)) + sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
    )
    return Load(rps, p50_ms, failures)


def warm_up(server: Server, rows: list[Row]) -> None:
    """Every worker past its first requests (templates compiled, connections opened)."""
    wrk(server.url(BARE), connections=CONNECTIONS, seconds=10)
    for row in rows:
        wrk(server.url(row.url), connections=3, seconds=3, cookie=row.cookie)


def measure(server: Server, rows: list[Row], *, runs: int, seconds: int) -> None:
    """Each row's ratio to the bare view loaded just before it, `runs` times over."""
    warm_up(server, rows)
    for run in range(runs):
        for row in rows:
            bare = wrk(
                server.url(BARE), connections=CONNECTIONS, seconds=seconds, cookie=row.cookie
            )
            load = wrk(
                server.url(row.url), connections=CONNECTIONS, seconds=seconds, cookie=row.cookie
            )
            row.bares.append(bare)
            row.loads.append(load)
            row.ratios.append(load.requests_per_second / max(bare.requests_per_second, 1e-9))
            print(
                f"  run {run + 1}: {row.label}: {load.requests_per_second:.1f} req/s, "
                f"bare {bare.requests_per_second:.1f} req/s, ratio "
                f"{row.ratios[-1]:.2f}, failures {load.failures + bare.failures}",
                flush=True,
            )


def scaling(server: Server, url: str, cookie: str, *, runs: int, seconds: int) -> list[float]:
    """Requests per second with 8 connections over those with 1, `runs` times."""
    ratios = []
    for _ in range(runs):
        one = wrk(server.url(url), connections=1, seconds=seconds, cookie=cookie)
        eight = wrk(server.url(url), connections=CONNECTIONS, seconds=seconds, cookie=cookie)
        ratios.append(eight.requests_per_second / max(one.requests_per_second, 1e-9))
        print(
            f"  editor with 1 connection {one.requests_per_second:.1f} req/s "
            f"(p50 {one.p50_ms:.0f} ms), with 8 {eight.requests_per_second:.1f} req/s "
            f"(p50 {eight.p50_ms:.0f} ms)",
            flush=True,
        )
    return ratios


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}"


def ratio_table(rows: list[Row], scaling_ratios: list[float]) -> tuple[str, bool]:
    """The Markdown table and whether every row meets its target."""
    lines = [
        "| page | target | ratio (median) | spread | page req/s | bare req/s | page p50 | "
        "failures | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    every_met = True
    for row in rows:
        ratio = statistics.median(row.ratios)
        met = ratio >= row.target
        every_met &= met
        failures = sum(load.failures for load in row.loads + row.bares)
        every_met &= failures == 0
        lines.append(
            f"| {row.label} | ≥ {row.target:g}× | {ratio:.2f} | {spread(row.ratios)} | "
            f"{statistics.median(x.requests_per_second for x in row.loads):.1f} | "
            f"{statistics.median(x.requests_per_second for x in row.bares):.1f} | "
            f"{statistics.median(x.p50_ms for x in row.loads):.0f} ms | {failures} | "
            f"{'yes' if met and failures == 0 else 'NO'} |"
        )
    if scaling_ratios:
        ratio = statistics.median(scaling_ratios)
        met = ratio >= 1.0
        every_met &= met
        lines.append(
            f"| journey editor, req/s with 8 connections ÷ with 1 | ≥ 1× | {ratio:.2f} | "
            f"{spread(scaling_ratios)} | | | | | {'yes' if met else 'NO'} |"
        )
    return "\n".join(lines) + "\n", every_met


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
