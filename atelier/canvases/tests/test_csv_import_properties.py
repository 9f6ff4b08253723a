"""Random spreadsheets (hypothesis): a clean document, or an error naming lines and no writes."""

import csv
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from atelier.accounts.models import User
from atelier.canvases.exports.csv_import import FIELD_COLUMNS, journey_from_csv
from atelier.canvases.models import Canvas, Card
from atelier.canvases.services.transfer import check_document
from atelier.canvases.tests.factories import make_project
from atelier.projects.models import Project

HEADER = ("stage", "step", "lane", "lane_kind", "text", "score", "channel", "marker", "persona")
FIELD_INDEXES = [HEADER.index(name) for name in FIELD_COLUMNS]
LINE = re.compile(r"^Line (\d+): ")
# Messages about the file as a whole rather than one of its lines.
FILE_PROBLEMS = {"The file names no step."}

text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n;,\"'"),
    max_size=12,
)
place = st.tuples(
    st.sampled_from(["Before", "During", "=cmd"]), st.sampled_from(["Letter", "Desk"])
)
# Rows that suit their lane: a spreadsheet of these alone imports.
good_row = st.one_of(
    st.builds(lambda p, t: (*p, "Actions", "", t or "x", "", "", "", ""), place, text),
    st.builds(
        lambda p, s: (*p, "Mood", "emotion", "", s, "", "", ""),
        place,
        st.sampled_from(["-2", "0", "+2"]),
    ),
    st.builds(lambda p: (*p, "Desk", "", "Calls", "", "desk", "", ""), place),
    st.builds(lambda p: ("", "", "Line", "line_visibility", "", "", "", "", ""), place),
)
# Good and bad values side by side, so that refusals are explored as well.
any_row = st.tuples(
    st.sampled_from(["", "Before", "During", "=cmd"]),
    st.sampled_from(["", "Letter", "Desk", "Letter"]),
    st.sampled_from(["", "Actions", "Mood", "Desk", "Line"]),
    st.sampled_from(["", "", "cards", "emotion", "channels", "text", "line_visibility", "sticky"]),
    st.one_of(st.just(""), text),
    st.sampled_from(["", "", "-2", "0", "+2", "3", "x"]),
    st.sampled_from(["", "", "desk", "Phone", "pigeon"]),
    st.sampled_from(["", "", "pain", "critical point", "huh"]),
    st.sampled_from(["", "", "", "Mia"]),
)
row = st.one_of(good_row, good_row, good_row, good_row, good_row, any_row)
spreadsheet = st.tuples(
    st.lists(row, max_size=8),
    st.sampled_from([";", ","]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def encoded(rows: list[tuple[str, ...]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def card_rows(rows: list[tuple[str, ...]]) -> int:
    return sum(1 for r in rows if r[4].strip() or any(r[index] for index in FIELD_INDEXES))


@EXAMPLES
@given(spreadsheet)
def test_a_random_spreadsheet_gives_a_clean_document_or_names_its_lines(
    sheet: tuple[list[tuple[str, ...]], str, str],
) -> None:
    rows, delimiter, encoding = sheet
    raw = encoded(rows, delimiter, encoding)
    try:
        with translation.override("en"):
            document = journey_from_csv(raw, title="Visit")
    except ValidationError as error:
        event("refused")
        for message in error.messages:
            match = LINE.match(message)
            assert message in FILE_PROBLEMS or match, message
            # Physical lines: a quoted cell may span several.
            assert match is None or 2 <= int(match.group(1)) <= raw.count(b"\n") + 1
        return
    event("read")
    assert check_document(document).data is document
    assert len(document["cards"]) == card_rows(rows)


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@EXAMPLES
@given(sheet=spreadsheet)
def test_a_failed_import_writes_nothing_and_a_good_one_writes_every_card(
    client: Client, participant: User, project: Project, sheet: tuple
) -> None:
    rows, delimiter, encoding = sheet
    client.force_login(participant)
    before = (Canvas.objects.count(), Card.objects.count())
    upload = SimpleUploadedFile("journey.csv", encoded(rows, delimiter, encoding))
    with translation.override("en"):
        response = client.post(
            reverse("canvases:import", args=[project.pk]),
            {"file": upload, "title": "Visit", "kind": "journey"},
        )
    event(f"status {response.status_code}")
    if response.status_code == 200:
        assert "Nothing was imported" in response.content.decode()
        assert (Canvas.objects.count(), Card.objects.count()) == before
        return
    assert response.status_code == 302
    canvas = Canvas.objects.latest("pk")
    assert Canvas.objects.count() == before[0] + 1
    assert Card.objects.filter(canvas=canvas).count() == Card.objects.count() - before[1]
