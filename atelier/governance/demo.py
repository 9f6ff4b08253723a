"""Demo governance: two terms, fictitious parties and results, a board with its reserve list, an
executive committee and a general assembly with one meeting.

Every party, person and result here is made up; the municipalities are real members of the
shipped registry, looked up by NIS code. Running it again changes nothing.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from atelier.members.models import Organisation, OrganisationType

from .models import (
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    ElectionResult,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Meeting,
    Party,
    Representative,
    Term,
)

F, M = Gender.FEMALE, Gender.MALE
TERMS = [
    ("2019–2024", datetime.date(2019, 1, 1), datetime.date(2024, 12, 31)),
    ("2025–2030", datetime.date(2025, 1, 1), datetime.date(2030, 12, 31)),
]
PARTIES = [
    # abbreviation, name, votes in 2018 (term 2019–2024), votes in 2024 (term 2025–2030)
    ("HOR", "Lijst Horizon", 1_080_100, 1_152_400),
    ("KMP", "Kompas", 1_021_500, 968_700),
    ("BRUG", "De Brug", 690_800, 731_250),
    ("EIK", "Eikenlijst", 601_200, 545_980),
    ("PLN", "Plein", 350_900, 402_310),
    ("MRG", "Lijst Morgen", 120_400, 188_640),
]
BOARD_STARTS = datetime.date(2025, 4, 1)
APPROVED = datetime.date(2025, 3, 18)

# first name, last name, gender, NIS code, party (None: independent), role, council approval
BOARD = [
    ("Pieter", "Van Dyck", M, "11002", "HOR", MandateRole.MEMBER, APPROVED),
    ("Hilde", "Verstraeten", F, "12025", "KMP", MandateRole.VICE_CHAIR, APPROVED),
    ("Jan", "Vermeiren", M, "13008", "BRUG", MandateRole.MEMBER, APPROVED),
    ("Sofie", "Hendrickx", F, "11022", "HOR", MandateRole.MEMBER, APPROVED),
    ("Luc", "Van den Bosch", M, "13012", "EIK", MandateRole.MEMBER, APPROVED),
    ("Wim", "Goossens", M, "11037", "KMP", MandateRole.MEMBER, APPROVED),
    ("Annelies", "Michiels", F, "13036", "PLN", MandateRole.MEMBER, APPROVED),
    ("Thomas", "Claessens", M, "24062", "HOR", MandateRole.MEMBER, APPROVED),
    ("Katrien", "De Wolf", F, "23027", "KMP", MandateRole.MEMBER, APPROVED),
    ("Dirk", "Van Cauwenberghe", M, "23104", "BRUG", MandateRole.MEMBER, APPROVED),
    ("Marleen", "Vanhoof", F, "24008", "HOR", MandateRole.CHAIR, APPROVED),
    ("Geert", "Wouters", M, "23038", "EIK", MandateRole.MEMBER, APPROVED),
    ("Bart", "Vanderlinden", M, "24104", None, MandateRole.MEMBER, APPROVED),
    ("Stijn", "Vandenbroucke", M, "31005", "HOR", MandateRole.MEMBER, APPROVED),
    ("Evelien", "Debaene", F, "34022", "KMP", MandateRole.MEMBER, APPROVED),
    ("Filip", "Vanhecke", M, "36015", "BRUG", MandateRole.MEMBER, APPROVED),
    ("Nathalie", "Declercq", F, "38025", "EIK", MandateRole.VICE_CHAIR, APPROVED),
    ("Johan", "Vandamme", M, "33037", "HOR", MandateRole.MEMBER, APPROVED),
    ("Kris", "Deprez", M, "36011", "PLN", MandateRole.MEMBER, APPROVED),
    ("Lieve", "De Smedt", F, "44021", "KMP", MandateRole.MEMBER, APPROVED),
    ("Patrick", "Van der Straeten", M, "41002", "HOR", MandateRole.MEMBER, APPROVED),
    ("Bram", "Vercruysse", M, "45035", "BRUG", MandateRole.MEMBER, APPROVED),
    ("Inge", "De Vos", F, "45065", "HOR", MandateRole.MEMBER, APPROVED),
    ("Tom", "Rottiers", M, "42010", "KMP", MandateRole.MEMBER, APPROVED),
    # Two councils have not approved yet: the page shows it as a warning.
    ("Jeroen", "De Bruycker", M, "43014", "PLN", MandateRole.MEMBER, None),
    ("Ellen", "Thijs", F, "71072", "HOR", MandateRole.MEMBER, APPROVED),
    ("Raf", "Vanderhoven", M, "72004", "KMP", MandateRole.MEMBER, APPROVED),
    ("Jos", "Vanoppen", M, "73022", "EIK", MandateRole.MEMBER, None),
    ("Lotte", "Lambrechts", F, "72030", "BRUG", MandateRole.MEMBER, APPROVED),
]
# A member who stepped down in October 2025: the board has one vacant seat since.
RESIGNED = ("Wouter", "Maes", M, "44087", "BRUG", datetime.date(2025, 10, 31))
RESERVE = [
    ("Charlotte", "Peeters", F, "23033", "KMP", APPROVED),
    ("Pieter-Jan", "Vandewalle", M, "37021", "EIK", APPROVED),
    ("Sarah", "Van Hoecke", F, "46029", "HOR", None),
    ("Dries", "Nijs", M, "72021", "BRUG", None),
]
# Board members the board appointed to its executive committee, with their role there.
EXECUTIVE = [
    ("Marleen", "Vanhoof", MandateRole.CHAIR),
    ("Hilde", "Verstraeten", MandateRole.VICE_CHAIR),
    ("Nathalie", "Declercq", MandateRole.VICE_CHAIR),
    ("Pieter", "Van Dyck", MandateRole.MEMBER),
    ("Filip", "Vanhecke", MandateRole.MEMBER),
    ("Jeroen", "De Bruycker", MandateRole.MEMBER),
    ("Raf", "Vanderhoven", MandateRole.MEMBER),
]
DELEGATES = [
    # first name, last name, gender, NIS code, party, attendance at the June meeting
    ("Jan", "Vermeiren", M, "13008", "BRUG", AttendanceStatus.PRESENT),
    ("Dirk", "Van Cauwenberghe", M, "23104", "BRUG", AttendanceStatus.PRESENT),
    ("Elke", "Verhelst", F, "44021", "KMP", AttendanceStatus.REPRESENTED),
    ("Hannes", "Desmet", M, "31005", "HOR", AttendanceStatus.PRESENT),
    ("Sevda", "Yilmaz", F, "71016", "BRUG", AttendanceStatus.EXCUSED),
    ("Mieke", "Janssens", F, "24062", "HOR", AttendanceStatus.PRESENT),
    ("Rudi", "Verlinden", M, "12014", "EIK", AttendanceStatus.ABSENT),
    ("Ann", "Callewaert", F, "34040", "PLN", AttendanceStatus.PRESENT),
]
# Substitutes, each with the delegate (by last name) they stand in for.
SUBSTITUTES = [
    ("Joke", "Hermans", F, "13008", "BRUG", "Vermeiren"),
    ("Yannick", "De Meyer", M, "44021", "KMP", "Verhelst"),
]


@dataclass(frozen=True)
class DemoGovernance:
    bodies: int
    mandates: int
    meetings: int


@transaction.atomic
def load_demo_governance() -> DemoGovernance:
    """Create or refresh the demo governance; needs the registry (load_flemish_registry)."""
    terms = _load_terms()
    parties = _load_parties(terms)
    current = terms["2025–2030"]
    board = _load_board(current, parties)
    _load_executive(current, board)
    _load_assembly(current, parties)
    return DemoGovernance(
        bodies=Body.objects.filter(term=current).count(),
        mandates=Mandate.objects.filter(body__term=current).count(),
        meetings=Meeting.objects.filter(body__term=current).count(),
    )


def _load_terms() -> dict[str, Term]:
    return {
        name: Term.objects.update_or_create(
            name=name, defaults={"starts_on": starts_on, "ends_on": ends_on}
        )[0]
        for name, starts_on, ends_on in TERMS
    }


def _load_parties(terms: dict[str, Term]) -> dict[str, Party]:
    parties = {}
    for abbreviation, name, votes_2018, votes_2024 in PARTIES:
        party = Party.objects.update_or_create(abbreviation=abbreviation, defaults={"name": name})[
            0
        ]
        for term_name, votes in (("2019–2024", votes_2018), ("2025–2030", votes_2024)):
            ElectionResult.objects.update_or_create(
                term=terms[term_name], party=party, defaults={"votes": votes}
            )
        parties[abbreviation] = party
    return parties


def _municipality(nis_code: str) -> Organisation:
    return Organisation.objects.current().get(type=OrganisationType.MUNICIPALITY, nis_code=nis_code)


def _person(first_name: str, last_name: str, gender: str) -> Representative:
    return Representative.objects.update_or_create(
        first_name=first_name, last_name=last_name, defaults={"gender": gender}
    )[0]


def _body(term: Term, name_nl: str, name_en: str, kind: str, **fields: object) -> Body:
    return Body.objects.update_or_create(
        term=term, name_nl=name_nl, defaults={"name_en": name_en, "kind": kind, **fields}
    )[0]


def _mandate(body: Body, person: Representative, **fields: object) -> Mandate:
    defaults = {"ends_on": body.term.ends_on, "reserve_rank": None, **fields}
    return Mandate.objects.update_or_create(body=body, representative=person, defaults=defaults)[0]


def _load_board(term: Term, parties: dict[str, Party]) -> Body:
    board = _body(term, "Raad van bestuur", "Board", BodyKind.BOARD, seats=30)
    for first, last, gender, nis, party, role, approved in BOARD:
        _mandate(
            board,
            _person(first, last, gender),
            organisation=_municipality(nis),
            party=parties[party] if party else None,
            role=role,
            status=MandateStatus.SEATED,
            starts_on=BOARD_STARTS,
            council_approved_on=approved,
        )
    first, last, gender, nis, party, ended = RESIGNED
    _mandate(
        board,
        _person(first, last, gender),
        organisation=_municipality(nis),
        party=parties[party],
        role=MandateRole.MEMBER,
        status=MandateStatus.SEATED,
        starts_on=BOARD_STARTS,
        ends_on=ended,
        council_approved_on=APPROVED,
    )
    for rank, (first, last, gender, nis, party, approved) in enumerate(RESERVE, start=1):
        _mandate(
            board,
            _person(first, last, gender),
            organisation=_municipality(nis),
            party=parties[party],
            role=MandateRole.MEMBER,
            status=MandateStatus.RESERVE,
            reserve_rank=rank,
            starts_on=BOARD_STARTS,
            council_approved_on=approved,
        )
    return board


def _load_executive(term: Term, board: Body) -> Body:
    executive = _body(
        term, "Directiecomité", "Executive committee", BodyKind.EXECUTIVE_COMMITTEE, seats=7
    )
    executive.parent = board
    executive.save(update_fields=["parent"])
    for first, last, role in EXECUTIVE:
        seat = board.mandates.get(representative__first_name=first, representative__last_name=last)
        _mandate(
            executive,
            seat.representative,
            organisation=seat.organisation,
            party=seat.party,
            role=role,
            status=MandateStatus.SEATED,
            starts_on=datetime.date(2025, 5, 1),
            council_approved_on=APPROVED,
        )
    return executive


def _load_assembly(term: Term, parties: dict[str, Party]) -> Body:
    members = Organisation.objects.current().filter(
        type=OrganisationType.MUNICIPALITY, is_member=True
    )
    assembly = _body(
        term,
        "Algemene vergadering",
        "General assembly",
        BodyKind.GENERAL_ASSEMBLY,
        seats=members.count(),
        party_tolerance=None,
    )
    delegates = {}
    for first, last, gender, nis, party, _status in DELEGATES:
        delegates[last] = _mandate(
            assembly,
            _person(first, last, gender),
            organisation=_municipality(nis),
            party=parties[party],
            role=MandateRole.DELEGATE,
            status=MandateStatus.SEATED,
            starts_on=datetime.date(2025, 3, 1),
            council_approved_on=datetime.date(2025, 2, 24),
        )
    for first, last, gender, nis, party, stands_in_for in SUBSTITUTES:
        _mandate(
            assembly,
            _person(first, last, gender),
            organisation=_municipality(nis),
            party=parties[party],
            role=MandateRole.SUBSTITUTE,
            status=MandateStatus.SEATED,
            starts_on=datetime.date(2025, 3, 1),
            council_approved_on=datetime.date(2025, 2, 24),
            substitute_for=delegates[stands_in_for],
        )
    _load_june_meeting(assembly, delegates)
    return assembly


def _load_june_meeting(assembly: Body, delegates: dict[str, Mandate]) -> Meeting:
    meeting = Meeting.objects.update_or_create(
        body=assembly,
        held_on=datetime.date(2025, 6, 18),
        defaults={"title": "Algemene vergadering juni 2025", "location": "Brussel"},
    )[0]
    for _first, last, _gender, _nis, _party, status in DELEGATES:
        Attendance.objects.update_or_create(
            meeting=meeting, mandate=delegates[last], defaults={"status": status}
        )
    return meeting
