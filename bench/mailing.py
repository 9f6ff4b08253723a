"""Mailing budget: 10,000 contacts queued in under 5 s, sent by one worker to a local SMTP
sink in under 5 minutes, with flat memory.

Runs against a throw-away SQLite database (or DATABASE_URL if set to a scratch database).
The SMTP sink is a small socket server in its own process (aiosmtpd is not installed): it speaks
just enough SMTP for smtplib and counts the messages. Queuing is timed with the task backend
holding the task (no send at commit); then the task runs once, as one worker would run it.
Usage: `python bench/mailing.py [--contacts 10000]`; appends to bench/RESULTS.md.
"""

import argparse
import datetime
import multiprocessing
import os
import platform
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="atelier-bench-mailing-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
os.environ["DEBUG"] = "false"
# The task stays queued at commit (no send), so that queuing and sending are timed apart.
os.environ["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from atelier.accounts.models import Role, User  # noqa: E402
from atelier.contacts.models import Contact, Function, FunctionKind, LawfulBasis  # noqa: E402
from atelier.mailings.models import Delivery, MailingKind  # noqa: E402
from atelier.mailings.services import (  # noqa: E402
    queue_mailing,
    save_mailing,
    save_segment,
    send_mailing,
)
from atelier.members.models import Organisation, OrganisationType, Province  # noqa: E402

QUEUE_BUDGET_S = 5.0
SEND_BUDGET_S = 300.0


class SinkHandler(socketserver.StreamRequestHandler):
    """One SMTP session: enough of RFC 5321 for smtplib's EHLO, MAIL, RCPT, DATA and QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command == b"EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif command == b"DATA":
                self.reply("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self.server.received += 1  # type: ignore[attr-defined]
                self.reply("250 queued")
            elif command == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class Sink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    received = 0

    def __init__(self, address: tuple[str, int], counter: Any) -> None:
        super().__init__(address, SinkHandler)
        self.counter = counter

    def finish_request(self, request: Any, client_address: Any) -> None:
        super().finish_request(request, client_address)
        with self.counter.get_lock():
            self.counter.value += self.received
        self.received = 0


def serve_sink(port: Any, counter: Any) -> None:
    """The sink in its own process, so that it does not share the worker's interpreter."""
    sink = Sink(("127.0.0.1", 0), counter)
    port.value = sink.server_address[1]
    sink.serve_forever()


def make_contacts(count: int) -> None:
    province = Province.objects.create(
        nis_code="70000",
        name_nl="Limburg",
        name_fr="Limbourg",
        name_en="Limburg",
        iso_code="BE-VLI",
        nuts_code="BE22",
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            type=OrganisationType.MUNICIPALITY,
            nis_code=f"{71000 + n:05d}",
            name_nl=f"Gemeente {n}",
            province=province,
        )
        for n in range(40)
    )
    contacts = Contact.objects.bulk_create(
        (
            Contact(
                organisation=organisations[n % 40],
                first_name=f"Voornaam{n}",
                last_name="Achternaam",
                email=f"persoon{n}@example.org",
                lawful_basis=LawfulBasis.PUBLIC_TASK,
            )
            for n in range(count)
        ),
        batch_size=1000,
    )
    Function.objects.bulk_create(
        (
            Function(
                contact=c, kind=FunctionKind.GENERAL_DIRECTOR, starts_on=datetime.date(2025, 1, 1)
            )
            for c in contacts
        ),
        batch_size=1000,
    )


def resident_bytes() -> int:
    """The process's resident memory now (Linux), cheap enough to sample while sending."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def sample_memory(samples: list[int], stop: threading.Event) -> None:
    while not stop.wait(0.5):
        samples.append(resident_bytes())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=10_000)
    count = parser.parse_args().contacts
    call_command("migrate", verbosity=0)
    make_contacts(count)
    staff = User.objects.create_user("bench@example.org", "x", role=Role.TRAINER)
    segment = save_segment(
        segment=None,
        by=staff,
        name="Alle algemeen directeurs",
        function_kinds=[FunctionKind.GENERAL_DIRECTOR],
        member_types=[],
        size_classes=[],
        languages=[],
        topics=[],
        provinces=[],
    )
    mailing = save_mailing(
        mailing=None,
        segment=segment,
        kind=MailingKind.NEWSLETTER,
        subject="Nieuws voor {organisation}",
        body="Beste {name},\n\nAls **{function}** van {organisation} ...",
        by=staff,
    )

    port, received = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    sink = multiprocessing.Process(target=serve_sink, args=(port, received), daemon=True)
    sink.start()
    while not port.value:
        time.sleep(0.05)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port.value
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""

    started = time.perf_counter()
    queued = queue_mailing(mailing=mailing, by=staff)
    queue_s = time.perf_counter() - started

    samples: list[int] = [resident_bytes()]
    stop = threading.Event()
    threading.Thread(target=sample_memory, args=(samples, stop), daemon=True).start()
    started = time.perf_counter()
    send_mailing.call(mailing.pk)
    send_s = time.perf_counter() - started
    stop.set()
    peak = max(samples)
    sent = Delivery.objects.filter(mailing=mailing, status=Delivery.Status.SENT).count()
    time.sleep(1)  # the sink counts a session when it closes
    sink.terminate()
    if not queued.recipients == count == sent == received.value:
        raise SystemExit(f"expected {count}: queued {queued}, sent {sent}, {received.value}")
    half = len(samples) // 2
    first, second = max(samples[:half] or [0]), max(samples[half:] or [0])
    report(count, queue_s, send_s, peak, first, second)


def report(count: int, queue_s: float, send_s: float, peak: int, first: int, second: int):
    mb = 1024 * 1024
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    load = os.getloadavg()[0]
    today = datetime.datetime.now(datetime.UTC).date()
    lines = [
        "",
        f"## {today} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} · commit {commit}",
        "",
        f"Mailing to {count:,} contacts (`python bench/mailing.py`), one worker, SMTP to a "
        f"socket sink in its own process; load average {load:.1f} at the end.",
        "",
        "| what | time | budget | memory |",
        "|---|---|---|---|",
        f"| queue {count:,} deliveries | {queue_s:.2f} s | {QUEUE_BUDGET_S:.0f} s | – |",
        f"| send {count:,} messages | {send_s:.1f} s | {SEND_BUDGET_S:.0f} s | "
        f"resident: peak {peak / mb:.0f} MB; highest in the first half of the run "
        f"{first / mb:.0f} MB, in the second half {second / mb:.0f} MB |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as results:
        results.write(text)


if __name__ == "__main__":
    main()
