"""Live co-editing fan-out: one card edit reaching 30 open editors, p95 under 100 ms.

Starts a private redis-server and one, then two daphne processes sharing it (the second
case spreads the 30 sockets over both, the edit goes through the first), connects 30
websocket clients to one canvas, and posts 20 edits of a card through the editor's form.
Each latency runs from sending the edit's POST to the event's arrival at a client, so it
includes saving the card. Run alone on a throw-away SQLite database (or DATABASE_URL):
`.venv/bin/python bench/canvas_fanout.py [--clients 30] [--edits 20]`; it prints the
result lines for bench/RESULTS.md.
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BUDGET_MS = 100
CLIENTS = 30
EDITS = 20


def _setup() -> tuple[object, object, str]:
    from django.test import Client

    from atelier.accounts.models import Role, User
    from atelier.canvases.services.canvases import create_canvas
    from atelier.canvases.services.cards import add_card
    from atelier.canvases.tests.factories import make_project
    from atelier.canvases.tests.live.helpers import cards_lane, first_steps
    from atelier.members.models import Organisation, OrganisationType

    organisation, _ = Organisation.objects.get_or_create(
        name_nl="Bench live", defaults={"type": OrganisationType.OTHER}
    )
    person, _ = User.objects.get_or_create(
        email="bench-live@example.org",
        defaults={"role": Role.PARTICIPANT, "organisation": organisation},
    )
    canvas = create_canvas(project=make_project(person), kind="journey", title="Fan-out", by=person)
    card = add_card(
        canvas=canvas, lane=cards_lane(canvas), step=first_steps(canvas)[0], text="0", by=person
    )
    client = Client()
    client.force_login(person)
    return canvas, card, client.cookies["sessionid"].value


def _post_edit(port: int, session: str, card_pk: int, version: int, text: str) -> int:
    import requests

    secret = "x" * 32
    response = requests.post(
        f"http://127.0.0.1:{port}/canvases/cards/{card_pk}/edit/",
        data={"text": text, "version": version},
        cookies={"sessionid": session, "csrftoken": secret},
        headers={"X-CSRFToken": secret},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code


async def _arrival(client, revision_floor: int) -> float:  # type: ignore[no-untyped-def]
    while True:
        event = await client.receive_json(timeout=10)
        if event["type"] == "change" and event["revision"] > revision_floor:
            return time.perf_counter()


async def _measure(ports: list[int], canvas, card, session: str, clients: int, edits: int):  # type: ignore[no-untyped-def]
    from tests.websocket_client import WebSocket

    cookie = {"Cookie": f"sessionid={session}"}
    sockets = [
        await WebSocket.connect(
            "127.0.0.1", ports[n % len(ports)], f"/ws/canvases/{canvas.pk}/", cookie
        )
        for n in range(clients)
    ]
    await asyncio.sleep(1)  # let the presence announcements settle
    for client in sockets:  # drain them
        try:
            while True:
                await client.receive_json(timeout=0.05)
        except TimeoutError:
            pass
    loop = asyncio.get_running_loop()
    latencies, posts, version, revision = [], [], card.version, 0
    for number in range(edits + 1):
        arrivals = [asyncio.ensure_future(_arrival(client, revision)) for client in sockets]
        start = time.perf_counter()
        status = await loop.run_in_executor(
            None, _post_edit, ports[0], session, card.pk, version, f"edit {number}"
        )
        assert status == 302, status
        answered = time.perf_counter()
        times = await asyncio.gather(*arrivals)
        version += 1
        revision = await loop.run_in_executor(None, _revision, canvas.pk)
        if number:  # the first edit warms the server up
            latencies.extend((moment - start) * 1000 for moment in times)
            posts.append((answered - start) * 1000)
    for client in sockets:
        await client.close()
    return latencies, posts


def _revision(canvas_pk: int) -> int:
    from django.db import connection

    from atelier.canvases.models import Canvas

    revision = Canvas.objects.values_list("revision", flat=True).get(pk=canvas_pk)
    connection.close()
    return revision


def fanout_benchmarks(clients: int = CLIENTS, edits: int = EDITS) -> list[tuple[str, str, str]]:
    from django.db import connection

    from tests.live_servers import asgi_servers, database_url, private_redis

    rows = []
    with private_redis() as redis_url:
        for processes in (1, 2):
            canvas, card, session = _setup()
            with asgi_servers(
                processes, redis_url=redis_url, database=database_url(connection.settings_dict)
            ) as ports:
                latencies, posts = asyncio.run(
                    _measure(ports, canvas, card, session, clients, edits)
                )
            p95 = statistics.quantiles(latencies, n=20)[-1]
            rows.append(
                (
                    f"live fan-out: one card edit to {clients} open editors, "
                    f"{processes} app process{'es' if processes > 1 else ''} + Redis",
                    f"p95 {p95:.0f} ms",
                    f"median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms "
                    f"over {edits} edits (the edit's POST alone: median "
                    f"{statistics.median(posts):.0f} ms); budget p95 {BUDGET_MS} ms",
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--edits", type=int, default=EDITS)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print("| what | result | notes |\n|---|---|---|")
    for what, result, note in fanout_benchmarks(args.clients, args.edits):
        print(f"| {what} | {result} | {note} |")


if __name__ == "__main__":
    main()
