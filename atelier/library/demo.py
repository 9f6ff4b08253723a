"""Demo library: 40 catalogue records with shelf marks and 5 loans, one of them overdue."""

import datetime

from django.db import transaction
from django.utils import timezone

from atelier.accounts.models import User
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic

from .models import Loan

# (shelf mark prefix, topic slug, titles); authors and publishers are fictitious.
SHELVES = [
    (
        "BES",
        "democracy",
        [
            "Handboek lokale democratie",
            "De gemeenteraad aan zet",
            "Burgerparticipatie in middelgrote steden",
            "Het decreet over het lokaal bestuur toegelicht",
            "Adviesraden in de praktijk",
        ],
    ),
    (
        "FIN",
        "finance",
        [
            "Het meerjarenplan ontleed",
            "Gemeentefiscaliteit in Vlaanderen",
            "Participatief budgetteren: tien gemeenten vergeleken",
            "Beleids- en beheerscyclus: een praktische gids",
            "Financiële analyse van lokale besturen 2020-2025",
        ],
    ),
    (
        "PER",
        "personnel",
        [
            "Rechtspositieregeling voor lokaal personeel",
            "Werven en selecteren in de publieke sector",
            "Leidinggeven in een lokaal bestuur",
            "Telewerk bij gemeente en OCMW",
            "Competentiemanagement voor lokale besturen",
        ],
    ),
    (
        "SOC",
        "social-policy",
        [
            "De integratie van OCMW en gemeente",
            "Het bijzonder comité voor de sociale dienst",
            "Leefloon en maatschappelijke integratie",
            "Armoedebestrijding op lokaal niveau",
            "Het sociaal huis: één loket voor welzijn",
        ],
    ),
    (
        "RUI",
        "spatial-planning",
        [
            "Omgevingsvergunning: vragen en antwoorden",
            "Ruimtelijke beleidsplannen opmaken",
            "Handhaving van de ruimtelijke ordening",
            "Bouwshift en lokale besturen",
            "Publieke ruimte ontwerpen met bewoners",
        ],
    ),
    (
        "DIG",
        "digital",
        [
            "GDPR voor lokale besturen",
            "Informatieveiligheid in de gemeente",
            "Open data in Vlaamse steden",
            "Digitale dienstverlening zonder drempels",
            "Slimme steden: kansen en valkuilen",
        ],
    ),
    (
        "FUS",
        "intermunicipal",
        [
            "Vrijwillige fusies van gemeenten 2025",
            "Intergemeentelijke samenwerking: vormen en keuzes",
            "Van twee gemeenten naar één: een draaiboek",
            "Welzijnsverenigingen en zorgbedrijven",
            "Regiovorming in Vlaanderen",
        ],
    ),
    (
        "KLI",
        "climate",
        [
            "Het lokaal energie- en klimaatpact",
            "Renovatie van gemeentelijk patrimonium",
            "Klimaatadaptatie in de kern",
            "Duurzame aankopen voor besturen",
            "Hemelwaterplannen opmaken",
        ],
    ),
]
AUTHORS = ["A. Vermeulen", "K. Janssens", "M. Van Dyck", "E. Goossens", "P. De Backer"]


def _records() -> list[KnowledgeItem]:
    records: list[KnowledgeItem] = []
    published = timezone.now() - datetime.timedelta(days=400)
    for prefix, slug, titles in SHELVES:
        topic = Topic.objects.filter(slug=slug).first()
        for number, title in enumerate(titles, start=1):
            record, created = KnowledgeItem.objects.get_or_create(
                kind=Kind.LIBRARY_RECORD,
                title=title,
                defaults={
                    "summary": "Exemplaar in de bibliotheek van de documentatiedienst.",
                    "audience": Audience.MEMBERS,
                    "status": Status.PUBLISHED,
                    "published_at": published,
                    "author_name": AUTHORS[(number + len(records)) % len(AUTHORS)],
                    "shelf_mark": f"{prefix} {number:03d}",
                    "is_printed": True,
                },
            )
            if created and topic is not None:
                record.topics.add(topic)
            records.append(record)
    return records


@transaction.atomic
def load_demo_library(*, today: datetime.date) -> str:
    """The records, and five loans to demo people (one overdue); duplicates nothing."""
    records = _records()
    borrowers = list(
        User.objects.filter(organisation__isnull=False, organisation__is_member=True)
        .filter(email__endswith="@atelier.example")
        .order_by("email")
    )
    lender = User.objects.filter(role="administrator").order_by("pk").first()
    if borrowers and not Loan.objects.exists():
        # (record, days ago lent, loan length): the second one is overdue.
        plan = [(0, 10, 28), (6, 40, 28), (12, 5, 21), (18, 20, 28), (24, 1, 14)]
        for index, (record, ago, days) in enumerate(plan):
            person = borrowers[index % len(borrowers)]
            if person.organisation is None:
                continue
            lent_on = today - datetime.timedelta(days=ago)
            Loan.objects.create(
                item=records[record],
                borrower=person,
                organisation=person.organisation,
                lent_on=lent_on,
                due_on=lent_on + datetime.timedelta(days=days),
                lent_by=lender,
            )
    return f"{len(records)} library records, {Loan.objects.count()} loans"
