"""A small association for governance tests: twenty member municipalities in five provinces
(three small and one large in each) and a board of ten, balanced on every target."""

from dataclasses import dataclass

import pytest
from django.utils import translation

from atelier.governance.models import Body, Gender, Mandate, Party, Term
from atelier.members.models import Organisation, Province
from conftest import make_province

from .factories import make_body, make_parties, make_term, member_municipalities, seat

PROVINCE_CODES = ["10000", "20001", "30000", "40000", "70000"]
# D'Hondt gives these 5, 3 and 2 of ten seats (next quotient: A's 833).
VOTES = {"A": 5000, "B": 3100, "C": 1900}


@pytest.fixture
def in_english():
    """Flags are translated when they are made; assert on them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def provinces(db) -> dict[str, Province]:
    return {code: make_province(code) for code in PROVINCE_CODES}


@pytest.fixture
def members(provinces) -> dict[str, list[Organisation]]:
    return member_municipalities(list(provinces.values()))


@pytest.fixture
def term(db) -> Term:
    return make_term()


@pytest.fixture
def parties(term) -> dict[str, Party]:
    return make_parties(term, VOTES)


@dataclass
class Board:
    body: Body
    seated: list[Mandate]
    members: dict[str, list[Organisation]]
    parties: dict[str, Party]


# Two seats per province, a woman and a man; seven small authorities and three large ones;
# parties A, B, C hold 5, 3 and 2 seats.
BALANCED = [
    # province, municipality index (3 = the large one), gender, party
    ("10000", 0, Gender.FEMALE, "A"),
    ("10000", 3, Gender.MALE, "B"),
    ("20001", 0, Gender.MALE, "A"),
    ("20001", 3, Gender.FEMALE, "C"),
    ("30000", 0, Gender.FEMALE, "A"),
    ("30000", 3, Gender.MALE, "B"),
    ("40000", 0, Gender.MALE, "A"),
    ("40000", 1, Gender.FEMALE, "B"),
    ("70000", 0, Gender.FEMALE, "A"),
    ("70000", 1, Gender.MALE, "C"),
]


@pytest.fixture
def board(term, members, parties) -> Board:
    body = make_body(term, seats=10)
    seated = [
        seat(body, members[province][index], gender=gender, party=parties[party])
        for province, index, gender, party in BALANCED
    ]
    return Board(body, seated, members, parties)
