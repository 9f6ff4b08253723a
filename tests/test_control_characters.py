"""Control characters: removed where text leaves as XML (XLSX, DOCX) and kept out of storage."""

import io

import pytest
from django.http import HttpResponse
from openpyxl import load_workbook

from atelier.lib.control_characters import (
    ControlCharactersMiddleware,
    json_without_control_characters,
    without_control_characters,
    xml_safe,
)
from atelier.lib.spreadsheets import csv_response, xlsx_response


def test_c0_controls_go_but_tab_and_line_breaks_stay():
    assert without_control_characters("a\x00b\x1bc\td\ne\rf") == "abc\td\ne\rf"


def test_json_loses_control_characters_in_keys_and_nested_strings():
    cleaned = json_without_control_characters({"k\x00": ["v\x01", {"x": "y\x1f"}], "n": 5})

    assert cleaned == {"k": ["v", {"x": "y"}], "n": 5}


def test_xml_safe_also_drops_surrogates_and_non_characters():
    assert xml_safe("a\ud800b\ufffec\x0b") == "abc"


def test_an_xlsx_export_of_text_with_control_characters_opens():
    response = xlsx_response([("Cards", [["Esc\x1b", "nul\x00", "ok"]])], "cards")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Esc", "nul", "ok"]


def test_a_csv_export_loses_control_characters_too():
    response = csv_response([("Cards", [["Esc\x1b"]])], "cards")

    assert response.content.decode("utf-8-sig").strip() == "Esc"


def _through_middleware(request):
    seen = {}

    def view(request):
        seen["GET"], seen["POST"] = request.GET, request.POST
        return HttpResponse()

    ControlCharactersMiddleware(view)(request)
    return seen


def test_query_strings_and_forms_of_pages_arrive_without_control_characters(rf):
    got = _through_middleware(rf.get("/members/", {"search": "a\x00b", "page": "2"}))
    form = "application/x-www-form-urlencoded"
    posted = _through_middleware(rf.post("/canvases/1/stages/", "title=Intake%1B&x=1", form))

    assert got["GET"].dict() == {"search": "ab", "page": "2"}
    assert posted["POST"].dict() == {"title": "Intake", "x": "1"}


def test_the_api_keeps_what_was_sent_to_refuse_it_itself(rf):
    got = _through_middleware(rf.get("/api/v1/organisations", {"search": "a\x00b"}))

    assert got["GET"]["search"] == "a\x00b"


@pytest.mark.django_db
def test_a_nul_in_the_member_list_search_is_dropped_not_a_server_error(client, geel):
    response = client.get("/members/", {"search": "Ge\x00el"})

    assert response.status_code == 200
    assert "Geel" in response.content.decode()
