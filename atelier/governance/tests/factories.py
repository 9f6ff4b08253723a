"""Small builders for governance tests: terms, parties, bodies and the people in them."""

import datetime
from collections.abc import Mapping

from atelier.governance.models import (
    Body,
    BodyKind,
    ElectionResult,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Party,
    Representative,
    Term,
)
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
    Province,
)
from conftest import make_municipality

TERM_START = datetime.date(2025, 1, 1)
TERM_END = datetime.date(2030, 12, 31)


def make_term(name: str = "2025–2030", starts_on=TERM_START, ends_on=TERM_END) -> Term:
    term, _ = Term.objects.get_or_create(
        name=name, defaults={"starts_on": starts_on, "ends_on": ends_on}
    )
    return term


def make_parties(term: Term, votes: Mapping[str, int]) -> dict[str, Party]:
    """Parties by abbreviation, each with its votes in the term."""
    parties = {}
    for abbreviation, count in votes.items():
        party, _ = Party.objects.get_or_create(
            abbreviation=abbreviation, defaults={"name": f"Lijst {abbreviation}"}
        )
        ElectionResult.objects.update_or_create(term=term, party=party, defaults={"votes": count})
        parties[abbreviation] = party
    return parties


def make_body(term: Term, seats: int = 10, kind: str = BodyKind.BOARD, **fields) -> Body:
    names = {"name_nl": f"Raad van bestuur {seats}", "name_en": f"Board {seats}"}
    return Body.objects.create(term=term, seats=seats, kind=kind, **(names | fields))


_counter = iter(range(1, 100_000))


def make_representative(gender: str = Gender.FEMALE, last_name: str = "") -> Representative:
    number = next(_counter)
    return Representative.objects.create(
        first_name=("Anna" if gender == Gender.FEMALE else "Bart") + str(number),
        last_name=last_name or f"Peeters{number}",
        gender=gender,
    )


def seat(
    body: Body,
    organisation: Organisation,
    *,
    gender: str = Gender.FEMALE,
    party: Party | None = None,
    role: str = MandateRole.MEMBER,
    approved: bool = True,
    status: str = MandateStatus.SEATED,
    reserve_rank: int | None = None,
    starts_on: datetime.date = TERM_START,
    ends_on: datetime.date | None = None,
    representative: Representative | None = None,
    substitute_for: Mandate | None = None,
) -> Mandate:
    return Mandate.objects.create(
        body=body,
        representative=representative or make_representative(gender),
        organisation=organisation,
        party=party,
        role=role,
        status=status,
        reserve_rank=reserve_rank,
        starts_on=starts_on,
        ends_on=ends_on or body.term.ends_on,
        council_approved_on=TERM_START if approved else None,
        substitute_for=substitute_for,
    )


def make_ocmw(municipality: Organisation, residents: int | None = None) -> Organisation:
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW,
        name_nl=f"OCMW {municipality.name_nl}",
        province=municipality.province,
        municipality=municipality,
    )
    if residents is not None:
        PopulationFigure.objects.create(
            organisation=ocmw,
            reference_date=datetime.date(2020, 1, 1),
            inhabitants=residents,
            source=PopulationSource.REFERENCE,
        )
    return ocmw


def member_municipalities(provinces: list[Province]) -> dict[str, list[Organisation]]:
    """Per province (by NIS code): three small member municipalities, then a large one."""
    result = {}
    for index, province in enumerate(provinces):
        prefix = province.nis_code[0]
        result[province.nis_code] = [
            make_municipality(f"{prefix}{index}1{n:02d}", f"Klein {prefix}{n}", province, 10_000)
            for n in range(3)
        ] + [make_municipality(f"{prefix}{index}200", f"Groot {prefix}", province, 50_000)]
    return result
