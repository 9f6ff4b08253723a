"""Geel's demo tender: three bids of fictitious design agencies, scored by a jury of three.

The jury follows Flemish practice (DOMAIN §2): the client, the Flemish government's design
agency (played in the demo by the independent expert) and the association. On "team and
references" of Bureau Kruispunt the jurors lie four points apart, so the results flag it.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from atelier.accounts.models import User
from atelier.guidance.models import Bid, ExpertisePlan, Tender, TenderJuror
from atelier.guidance.services.scoring import (
    add_bid,
    add_juror,
    is_submitted,
    quality_criteria,
    save_scores,
    submit_scores,
)
from atelier.guidance.services.tender import create_tender
from atelier.projects.models import Project

TITLE = "Ontwerpteam voor het onderzoek en de cocreatie van het sociaal huis"
FALLBACK_VALUE = Decimal("40000")  # when the plan buys nothing, so that bids stay realistic
PRICE_STEP = Decimal("250")


@dataclass(frozen=True)
class DemoJuror:
    email: str
    role: str


JURY = (
    DemoJuror("coordinator.geel@atelier.example", "De opdrachtgever: stad en OCMW Geel"),
    DemoJuror("trainer@atelier.example", "De vereniging"),
    DemoJuror(
        "expert@atelier.example",
        "In de plaats van het designagentschap van de Vlaamse overheid",
    ),
)

Marks = tuple[tuple[int, str], tuple[int, str], tuple[int, str]]  # per juror, in JURY order


@dataclass(frozen=True)
class DemoBid:
    bidder: str
    price_factor: Decimal  # of the estimated value
    received_on: datetime.date
    # Per quality criterion in the tender's order: understanding, method, team, transfer.
    marks: tuple[Marks, ...]


BIDS = (
    DemoBid(
        "Studio Lantaarn",
        Decimal("1.08"),
        datetime.date(2026, 2, 2),
        (
            (
                (8, "Vat het verhaal van de vele loketten scherp samen."),
                (8, "Sterke analyse van de samenwerking tussen stad en OCMW."),
                (7, "Goed begrip; de risico's van de verhuis blijven wat vaag."),
            ),
            (
                (9, "Inwoners en medewerkers ontwerpen echt mee, in drie workshops."),
                (8, "Duidelijke fasen en een haalbare planning."),
                (9, "Gesprekken bij mensen thuis en een proefopstelling aan het onthaal."),
            ),
            (
                (8, "Ervaren team met referenties bij twee OCMW's."),
                (7, "Goede referenties, al vooral in grote steden."),
                (8, "De onderzoeker heeft ervaring met kwetsbare inwoners."),
            ),
            (
                (6, "Meelopen is voorzien, maar weinig concreet."),
                (5, "Geen opleidingsmoment voor het eigen team."),
                (6, "Overdracht beperkt tot een eindrapport en één sessie."),
            ),
        ),
    ),
    DemoBid(
        "Bureau Kruispunt",
        Decimal("0.90"),
        datetime.date(2026, 2, 3),
        (
            (
                (6, "Begrijpt de vraag, maar blijft algemeen over Geel."),
                (5, "Herhaalt vooral de opdracht."),
                (6, "Ziet het doorverwijzen, mist de digitale kant."),
            ),
            (
                (6, "Standaardaanpak met één workshop."),
                (5, "Inwoners komen alleen via een vragenlijst aan bod."),
                (5, "Weinig ruimte om met gebruikers te testen."),
            ),
            (
                (7, "Kent lokale besturen en werkte voor buurgemeenten."),
                (6, "Referenties in orde, maar geen enkele bij een sociale dienst."),
                (3, "Niemand in het team deed zelf gesprekken met kwetsbare inwoners."),
            ),
            (
                (5, "Eén overdrachtssessie op het einde."),
                (6, "Biedt sjablonen aan die het team zelf kan gebruiken."),
                (5, "Het team loopt niet mee tijdens het onderzoek."),
            ),
        ),
    ),
    DemoBid(
        "Collectief Nieuwe Dorpel",
        Decimal("1.00"),
        datetime.date(2026, 2, 3),
        (
            (
                (7, "Goed begrip van wat inwoners aan het loket meemaken."),
                (8, "Legt de vraag naast het lokaal sociaal beleid."),
                (8, "Benoemt de drempel van het eerste contact heel precies."),
            ),
            (
                (8, "Cocreatie met medewerkers van elke dienst."),
                (8, "Sterke mix van observatie, gesprekken en rollenspel."),
                (7, "Degelijk, maar de testfase is kort."),
            ),
            (
                (6, "Jong team, wel een sterke referentie in een kleine gemeente."),
                (7, "Ervaren begeleider, minder ervaren onderzoeker."),
                (7, "Referenties passen bij de vraag."),
            ),
            (
                (9, "Medewerkers lopen in elke fase mee en krijgen een opleidingsdag."),
                (9, "Laat een eigen kernteam achter dat de aanpak kent."),
                (8, "Concreet plan om de technieken over te dragen."),
            ),
        ),
    ),
)


def add_tender(*, project: Project, plan: ExpertisePlan, by: User) -> Tender:
    """The tender from the plan, in Dutch; the existing one when it is there."""
    existing = Tender.objects.filter(project=project, title=TITLE).first()
    return existing or create_tender(project=project, plan=plan, title=TITLE, language="nl", by=by)


def _price(tender: Tender, factor: Decimal) -> Decimal:
    base = tender.estimated_value if tender.estimated_value > 0 else FALLBACK_VALUE
    steps = (base * factor / PRICE_STEP).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return max(steps, Decimal("1")) * PRICE_STEP


def add_bids(*, tender: Tender, by: User) -> list[Bid]:
    """The three bids, once: a bid is added only when its bidder has none yet."""
    known = set(tender.bids.values_list("bidder", flat=True))
    for bid in BIDS:
        if bid.bidder not in known:
            price = _price(tender, bid.price_factor)
            add_bid(
                tender=tender, bidder=bid.bidder, price=price, received_on=bid.received_on, by=by
            )
    return list(tender.bids.order_by("bidder"))


def add_jury(*, tender: Tender, by: User) -> list[TenderJuror]:
    """The three jurors (the administrator when the expert has no account), once each."""
    seated = []
    for seat in JURY:
        person = User.objects.filter(email=seat.email, is_active=True).first()
        if person is None:
            person = User.objects.filter(email="admin@atelier.example").get()
        juror = tender.jurors.filter(person=person).first()
        seated.append(juror or add_juror(tender=tender, email=person.email, role=seat.role, by=by))
    return seated


Sheet = tuple[dict[tuple[int, int], int | None], dict[tuple[int, int], str]]


def _sheet(tender: Tender, juror_index: int) -> Sheet:
    """One juror's scores and notes of every bid on every quality criterion."""
    criteria = quality_criteria(tender)
    bids = {bid.bidder: bid for bid in tender.bids.all()}
    values: dict[tuple[int, int], int | None] = {}
    notes: dict[tuple[int, int], str] = {}
    for demo in BIDS:
        for position, criterion in enumerate(criteria):
            value, note = demo.marks[position % len(demo.marks)][juror_index]
            cell = (bids[demo.bidder].pk, criterion.pk)
            values[cell], notes[cell] = value, note
    return values, notes


def score_and_submit(*, tender: Tender, jurors: list[TenderJuror]) -> None:
    """Every juror scores every bid on every quality criterion, with a note, and submits."""
    for index, juror in enumerate(jurors):
        if is_submitted(juror):
            continue
        values, notes = _sheet(tender, index)
        save_scores(juror=juror, values=values, notes=notes, by=juror.person)
        submit_scores(juror=juror, by=juror.person)
