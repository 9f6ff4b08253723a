"""The academy's demo: each part of the programme adds its own, in order."""

import datetime

from .attendance import load_demo_attendance
from .enrolment import load_demo_enrolment
from .learning_path import load_demo_learning_path
from .materials import load_demo_materials
from .programme import load_demo_programme
from .seminars import load_demo_seminars
from .workshop import load_demo_workshop
from .workshop_cases import load_demo_workshop_cases


def load_demo_academy(*, today: datetime.date) -> str:
    """Loads every part's demo (running it again duplicates nothing); a one-line summary."""
    editions = load_demo_programme(today=today)
    load_demo_workshop()
    load_demo_workshop_cases()
    load_demo_attendance(today=today)
    load_demo_materials(today=today)
    load_demo_enrolment(today=today)
    load_demo_learning_path()
    seminars = load_demo_seminars(today=today)
    return f"{len(editions)} editions, {len(seminars)} seminar editions"
