"""Search over 50,000 knowledge items with their attachments' text (issue 14, Budgets).

Budget: median under 50 ms and p95 under 150 ms of server time, on SQLite and PostgreSQL.
Generates the items (Dutch-like text: a Zipf-distributed vocabulary of municipal words,
their inflections and compounds; one attachment's text per item), indexes them through
the search app's own rebuild, then times `GET /api/v1/search` through Django's test
client (no network) for a set of queries as an anonymous caller, a member participant
and staff. Appends the results, with machine, date and commit, to bench/RESULTS.md.

Usage: `python bench/search.py` (SQLite scratch database) or
`DATABASE_URL=postgres://.../scratch python bench/search.py` (a scratch database: it is
emptied of search and knowledge rows). `--items 5000` for a quick run.
"""

import argparse
import datetime
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="atelier-bench-search-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
os.environ["DEBUG"] = "false"
# Staff sign in with a second factor in production; the bench signs in with force_login.
os.environ["REQUIRE_STAFF_MFA"] = "false"
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from atelier.accounts.models import Role, User  # noqa: E402
from atelier.knowledge.models import (  # noqa: E402
    Attachment,
    Audience,
    Kind,
    KnowledgeItem,
    Status,
    Topic,
)
from atelier.members.models import Organisation, OrganisationType  # noqa: E402
from atelier.search.indexing import rebuild  # noqa: E402
from atelier.search.models import SearchDocument  # noqa: E402

BASE = """gemeente raad college burgemeester schepen ocmw leefloon armoede beleid subsidie
vergunning omgeving huisvesting wonen zorg kinderopvang onderwijs jeugd sport cultuur
mobiliteit fiets verkeer veiligheid politie brandweer klimaat energie water natuur
afval personeel loopbaan statuut begroting financien rekening fiscaliteit belasting
digitaal privacy gegevens informatie burger dienst loket participatie inspraak fusie
bestuur decreet wet besluit reglement procedure termijn advies overleg samenwerking
intergemeentelijk europa economie ondernemer markt winkel centrum dorp stad regio
provincie vlaanderen federaal minister kabinet nota plan project evaluatie rapport
sociaal huis welzijn senioren ouderen gezin kind school leerling leraar opvang
bouw straat plein park groen openbaar domein ruimte ordening mandaat raadslid
""".split()
SUFFIXES = ["", "", "", "en", "s", "beleid", "plan", "dienst", "raad", "loket", "regeling"]
STOP = "de het een en van in op te voor met is zijn wordt door aan bij als ook niet".split()


def vocabulary(rng: random.Random) -> list[str]:
    words = []
    for base in BASE:
        for suffix in SUFFIXES:
            words.append(base + suffix)
    for _ in range(3000):
        words.append(rng.choice(BASE) + rng.choice(BASE))
    rng.shuffle(words)
    return words


class TextMaker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        # Zipf-like weights: a few words are everywhere, most are rare.
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]

    def sentence(self, length: int) -> str:
        chosen = self.rng.choices(self.words, weights=self.weights, k=length)
        mixed = [word if self.rng.random() > 0.3 else self.rng.choice(STOP) for word in chosen]
        return " ".join(mixed).capitalize() + "."

    def text(self, words: int) -> str:
        return " ".join(self.sentence(12) for _ in range(max(1, words // 12)))


def generate(count: int) -> None:
    maker = TextMaker(14)
    KnowledgeItem.objects.all().delete()
    SearchDocument.objects.all().delete()
    topics = list(Topic.objects.all())
    now = timezone.now()
    kinds = [Kind.NEWS, Kind.ARTICLE, Kind.FAQ, Kind.LEGAL_NOTE, Kind.MODEL_DOCUMENT]
    audiences = [Audience.PUBLIC] * 5 + [Audience.MEMBERS] * 4 + [Audience.STAFF]
    batch = 2000
    for start in range(0, count, batch):
        items = KnowledgeItem.objects.bulk_create(
            [
                KnowledgeItem(
                    kind=maker.rng.choice(kinds),
                    title=maker.sentence(6)[:-1],
                    summary=maker.sentence(20),
                    body=f"<p>{maker.text(100)}</p>",
                    audience=maker.rng.choice(audiences),
                    status=Status.PUBLISHED if maker.rng.random() < 0.9 else Status.DRAFT,
                    published_at=now - datetime.timedelta(days=maker.rng.randrange(3650)),
                )
                for _ in range(start, min(count, start + batch))
            ]
        )
        KnowledgeItem.topics.through.objects.bulk_create(
            [
                KnowledgeItem.topics.through(knowledgeitem_id=item.pk, topic_id=topic.pk)
                for item in items
                for topic in maker.rng.sample(topics, 2)
            ]
        )
        Attachment.objects.bulk_create(
            [
                Attachment(
                    item=item,
                    file=f"knowledge/bench/{item.pk}.pdf",
                    name=f"{item.pk}.pdf",
                    extracted_text=maker.text(250),
                )
                for item in items
            ]
        )
        print(f"  generated {min(count, start + batch)} items", flush=True)


def people() -> dict[str, User | None]:
    geel, _ = Organisation.objects.get_or_create(
        nis_code="13008",
        defaults={"type": OrganisationType.MUNICIPALITY, "name_nl": "Geel"},
    )

    def person(email: str, role: str, organisation: Organisation | None) -> User:
        user = User.objects.filter(email=email).first()
        return user or User.objects.create_user(
            email, "bench-password-1234", role=role, organisation=organisation
        )

    return {
        "anonymous": None,
        "participant": person("participant@bench.example.org", Role.PARTICIPANT, geel),
        "staff": person("trainer@bench.example.org", Role.TRAINER, None),
    }


QUERIES = [
    "gemeente",  # everywhere
    "gemeenten",  # an inflection
    "leefloon",
    "armoede",  # a compound's first part
    "subsidei",  # a misspelling
    "omgevingsvergunning",
    "fusie bestuur",
    '"sociaal huis"',
    "klimaatplan energie",
    "schepen mobiliteit fiets",
]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(runs: int) -> tuple[list[tuple[str, str, str]], list[float]]:
    clients = {}
    for name, user in people().items():
        client = Client()
        if user is not None:
            client.force_login(user)
        clients[name] = client
    rows, everything = [], []
    for query in QUERIES:
        samples = []
        counts = []
        for name, client in clients.items():
            client.get("/api/v1/search", {"q": query})  # warm-up
            for _ in range(runs):
                start = time.perf_counter()
                response = client.get("/api/v1/search", {"q": query})
                samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (name, response.status_code)
            body = response.json()
            counts.append(f"{name} {body['count']:,}{'+' if body['capped'] else ''}")
        everything += samples
        rows.append(
            (
                f"`{query}`",
                f"{statistics.median(samples):.1f} / {percentile(samples, 0.95):.1f} ms",
                ", ".join(counts),
            )
        )
    return rows, everything


def commit() -> str:
    try:
        command = ["git", "rev-parse", "--short", "HEAD"]
        return subprocess.run(  # noqa: S603
            command, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"


def write_results(rows, everything, items: int, runs: int, index_seconds: float) -> None:
    vendor = connection.vendor
    median, p95 = statistics.median(everything), percentile(everything, 0.95)
    indexed = (
        "kept from an earlier run (--reuse)"
        if math.isnan(index_seconds)
        else f"indexed in {index_seconds:.0f} s"
    )
    verdict = "within" if median < 50 and p95 < 150 else "OVER"
    header = (
        f"\n## {datetime.datetime.now(tz=datetime.UTC).date().isoformat()} · search · "
        f"{platform.processor() or 'CPU'} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · {vendor} · "
        f"commit {commit()}\n\n"
        f"{items:,} knowledge items with attachment text (`python bench/search.py"
        f"{'' if items == 50_000 else f' --items {items}'}`), "
        f"{indexed}. "
        f"`GET /api/v1/search?q=` through Django's test client, {runs} runs per query and "
        f"caller (anonymous, member participant, staff). Load average at the end: "
        f"{os.getloadavg()[0]:.1f}.\n\n"
        "| query | median / p95 | matches per caller |\n|---|---|---|\n"
    )
    body = "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    total = (
        f"| **all queries** | **{median:.1f} / {p95:.1f} ms** | budget median < 50 ms, "
        f"p95 < 150 ms: {verdict} |\n"
    )
    print(header + body + total)
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as handle:
        handle.write(header + body + total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the items of an earlier run on this database when there are --items of them",
    )
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    index_seconds = float("nan")
    if not args.reuse or SearchDocument.objects.filter(doc_type="knowledge").count() != args.items:
        generate(args.items)
        start = time.perf_counter()
        indexed = rebuild(["knowledge"])
        index_seconds = time.perf_counter() - start
        print(f"  indexed {indexed} documents in {index_seconds:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    rows, everything = measure(args.runs)
    if args.no_write:
        for row in rows:
            print(row)
        print(statistics.median(everything), percentile(everything, 0.95))
    else:
        write_results(rows, everything, args.items, args.runs, index_seconds)


if __name__ == "__main__":
    main()
