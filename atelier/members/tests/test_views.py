"""The member registry pages: list, detail and the population import for staff."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.accounts.models import Role, User
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import (
    SIZE_CLASS_BOUNDS,
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationImport,
    PopulationSource,
    SizeClass,
)
from atelier.members.views import PAGE_SIZE
from conftest import make_municipality, make_person

from .population_files import csv_file

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true"}
LIST_URL = reverse("members:list")
IMPORT_URL = reverse("members:import")


def detail_url(organisation: Organisation) -> str:
    return reverse("members:detail", args=[organisation.pk])


def listed(response) -> list[str]:
    return [organisation.name_nl for organisation in response.context["page"].object_list]


def make_intermunicipal(name: str, province, base: str) -> Organisation:
    return Organisation.objects.create(
        type=OrganisationType.INTERMUNICIPAL,
        name_nl=name,
        company_number=base + company_number_check_digits(base),
        province=province,
    )


@pytest.fixture
def registry_sample(geel, lennik, mergers, antwerp):
    """Geel, Lennik, two 2025 mergers (three former municipalities) and one company."""
    return make_intermunicipal("IOK", antwerp, "02050001")


# Member list -------------------------------------------------------------------------------


def test_member_list_is_public_and_hides_former_municipalities(client, registry_sample):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == ["Antwerpen", "Bilzen-Hoeselt", "Geel", "IOK", "Lennik"]
    assert "Borsbeek" not in response.content.decode()


def test_former_on_includes_former_municipalities(client, registry_sample, mergers):
    response = client.get(LIST_URL, {"former": "on"}, **ENGLISH)

    assert "Borsbeek" in listed(response)
    assert {"Bilzen", "Hoeselt"} <= set(listed(response))
    html = response.content.decode()
    assert f'href="{detail_url(mergers.borsbeek)}"' in html
    assert '<span class="badge badge--muted">former</span>' in html


def test_search_by_name_is_case_insensitive(client, registry_sample):
    response = client.get(LIST_URL, {"q": "GEEL"})

    assert listed(response) == ["Geel"]


def test_search_by_name_finds_the_former_parts_only_with_former_on(client, registry_sample):
    assert listed(client.get(LIST_URL, {"q": "bilzen"})) == ["Bilzen-Hoeselt"]
    assert listed(client.get(LIST_URL, {"q": "bilzen", "former": "on"})) == [
        "Bilzen",
        "Bilzen-Hoeselt",
    ]


def test_search_by_nis_code_prefix(client, registry_sample):
    assert listed(client.get(LIST_URL, {"q": "13008"})) == ["Geel"]
    assert listed(client.get(LIST_URL, {"q": "130"})) == ["Geel"]
    assert listed(client.get(LIST_URL, {"q": "11", "former": "on"})) == ["Antwerpen", "Borsbeek"]
    assert listed(client.get(LIST_URL, {"q": "73"})) == ["Bilzen-Hoeselt"]


def test_search_by_nis_code_matches_the_start_only(client, registry_sample):
    assert listed(client.get(LIST_URL, {"q": "3008"})) == []


def test_search_by_company_number_with_dots(client, registry_sample):
    response = client.get(LIST_URL, {"q": "0205.000"})

    assert listed(response) == ["IOK"]


def test_search_of_only_punctuation_matches_no_code(client, registry_sample):
    assert listed(client.get(LIST_URL, {"q": "."})) == []
    assert listed(client.get(LIST_URL, {"q": " . "})) == []


def test_filter_by_type(client, registry_sample):
    assert listed(client.get(LIST_URL, {"type": OrganisationType.INTERMUNICIPAL})) == ["IOK"]
    municipalities = listed(client.get(LIST_URL, {"type": OrganisationType.MUNICIPALITY}))
    assert municipalities == ["Antwerpen", "Bilzen-Hoeselt", "Geel", "Lennik"]


def test_filter_by_province_nis_code(client, registry_sample):
    assert listed(client.get(LIST_URL, {"province": "70000"})) == ["Bilzen-Hoeselt"]
    assert listed(client.get(LIST_URL, {"province": "20001"})) == ["Lennik"]
    assert listed(client.get(LIST_URL, {"province": "10000"})) == ["Antwerpen", "Geel", "IOK"]


def test_filters_combine(client, registry_sample):
    response = client.get(
        LIST_URL, {"province": "10000", "type": OrganisationType.MUNICIPALITY, "q": "ge"}
    )

    assert listed(response) == ["Geel"]


@pytest.fixture
def one_per_size_class(antwerp):
    """One municipality per size class, each exactly on the lower bound of its class."""
    return {
        size: make_municipality(f"1{index:04d}", f"Size {size}", antwerp, max(low, 1))
        for index, (size, (low, _high)) in enumerate(SIZE_CLASS_BOUNDS.items())
    }


@pytest.mark.parametrize("size", list(SizeClass))
def test_filter_by_size_class_uses_the_latest_figure_and_its_bounds(
    client, one_per_size_class, size
):
    response = client.get(LIST_URL, {"size": size})

    assert listed(response) == [f"Size {size}"]


def test_size_class_follows_the_latest_figure_not_an_older_one(client, geel):
    PopulationFigure.objects.create(
        organisation=geel,
        reference_date=datetime.date(2024, 1, 1),
        inhabitants=50_000,
        source=PopulationSource.IMPORT,
    )

    assert listed(client.get(LIST_URL, {"size": SizeClass.CITY})) == ["Geel"]
    assert listed(client.get(LIST_URL, {"size": SizeClass.LARGE})) == []


def test_organisation_without_figures_is_in_no_size_class(client, registry_sample):
    for size in SizeClass:
        assert "IOK" not in listed(client.get(LIST_URL, {"size": size}))


def test_unknown_filter_values_fall_back_to_the_whole_registry(client, registry_sample):
    response = client.get(LIST_URL, {"type": "castle", "size": "huge"})

    assert response.status_code == 200
    assert len(listed(response)) == 5


def test_list_shows_inhabitants_and_codes(client, registry_sample):
    html = client.get(LIST_URL, **ENGLISH).content.decode()

    assert "40,709" in html
    assert "13008" in html
    assert registry_sample.company_number in html  # IOK has no NIS code


def make_many_municipalities(count: int, province, start: int = 0) -> None:
    organisations = Organisation.objects.bulk_create(
        Organisation(
            type=OrganisationType.MUNICIPALITY,
            nis_code=f"{40000 + start + i}",
            name_nl=f"Gemeente {start + i:03d}",
            province=province,
        )
        for i in range(count)
    )
    PopulationFigure.objects.bulk_create(
        PopulationFigure(
            organisation=organisation,
            reference_date=datetime.date(2020, 1, 1),
            inhabitants=5_000 + i,
            source=PopulationSource.REFERENCE,
        )
        for i, organisation in enumerate(organisations)
    )


def test_list_is_paginated_by_fifty_and_keeps_the_filters(client, antwerp):
    make_many_municipalities(PAGE_SIZE + 7, antwerp)

    first = client.get(LIST_URL, {"q": "Gemeente"}, **ENGLISH)
    second = client.get(LIST_URL, {"q": "Gemeente", "page": 2}, **ENGLISH)

    assert PAGE_SIZE == 50
    assert len(listed(first)) == 50
    assert listed(first)[0] == "Gemeente 000"
    assert listed(second) == [f"Gemeente {i:03d}" for i in range(50, 57)]
    assert 'href="?q=Gemeente&amp;page=2" rel="next"' in first.content.decode()
    assert 'href="?q=Gemeente&amp;page=1" rel="prev"' in second.content.decode()


def test_page_beyond_the_last_shows_the_last_page(client, antwerp):
    make_many_municipalities(PAGE_SIZE + 1, antwerp)

    response = client.get(LIST_URL, {"page": 99})

    assert listed(response) == ["Gemeente 050"]


def test_htmx_request_gets_only_the_results_fragment(client, registry_sample):
    response = client.get(LIST_URL, {"q": "geel"}, **HTMX, **ENGLISH)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "<form" not in html
    assert html.lstrip().startswith('<div id="results"')
    assert "Geel" in html
    assert "Lennik" not in html


def test_boosted_htmx_request_gets_the_whole_page(client, registry_sample):
    response = client.get(LIST_URL, **HTMX, HTTP_HX_BOOSTED="true")

    assert "<html" in response.content.decode()


def test_full_page_contains_the_filter_form_and_the_results(client, registry_sample):
    html = client.get(LIST_URL).content.decode()

    assert "<html" in html
    assert 'id="member-filters"' in html
    assert 'id="results"' in html


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "participant"])
def test_list_query_count_does_not_grow_with_the_number_of_rows(
    client, antwerp, participant, signed_in
):
    if signed_in:
        client.force_login(participant)
    make_many_municipalities(5, antwerp)
    with CaptureQueriesContext(connection) as few:
        assert len(listed(client.get(LIST_URL))) == 6  # and Geel
    make_many_municipalities(55, antwerp, start=5)
    with CaptureQueriesContext(connection) as many:
        assert len(listed(client.get(LIST_URL))) == PAGE_SIZE

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_htmx_fragment_query_count_does_not_grow_with_the_number_of_rows(client, antwerp):
    make_many_municipalities(5, antwerp)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL, **HTMX)
    make_many_municipalities(55, antwerp, start=5)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST_URL, **HTMX)

    assert len(many) == len(few)


# Member detail -----------------------------------------------------------------------------


def test_detail_shows_the_population_history(client, geel):
    PopulationFigure.objects.create(
        organisation=geel,
        reference_date=datetime.date(2021, 1, 1),
        inhabitants=41_012,
        source=PopulationSource.IMPORT,
    )

    response = client.get(detail_url(geel), **ENGLISH)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Population history" in html
    assert html.index("1 January 2021") < html.index("1 January 2020")
    assert "41,012" in html
    assert "40,709" in html
    assert "imported file" in html
    assert "reference data shipped with Atelier" in html


def test_detail_of_an_organisation_without_figures_says_so(client, antwerp):
    company = make_intermunicipal("IOK", antwerp, "02050001")

    html = client.get(detail_url(company), **ENGLISH).content.decode()

    assert "No population figures yet." in html
    assert "No mergers recorded." in html


def test_detail_shows_merger_history_both_ways(client, registry):
    antwerpen = Organisation.objects.get(nis_code="11002", type=OrganisationType.MUNICIPALITY)
    borsbeek = Organisation.objects.get(nis_code="11007")
    bilzen_hoeselt = Organisation.objects.get(nis_code="73110")
    bilzen = Organisation.objects.get(nis_code="73006")
    hoeselt = Organisation.objects.get(nis_code="73032")

    borsbeek_html = client.get(detail_url(borsbeek), **ENGLISH).content.decode()
    antwerpen_html = client.get(detail_url(antwerpen), **ENGLISH).content.decode()
    merged_html = client.get(detail_url(bilzen_hoeselt), **ENGLISH).content.decode()

    assert "Merged into" in borsbeek_html
    assert "Formed from" not in borsbeek_html
    assert f'<a href="{detail_url(antwerpen)}">Antwerpen</a> (11002)' in borsbeek_html
    assert '<span class="badge badge--muted">former</span>' in borsbeek_html
    assert "until 31 December 2024" in borsbeek_html
    assert "Formed from" in antwerpen_html
    assert "Merged into" not in antwerpen_html
    assert f'<a href="{detail_url(borsbeek)}">Borsbeek</a> (11007)' in antwerpen_html
    assert "Formed from" in merged_html
    assert f'<a href="{detail_url(bilzen)}">Bilzen</a> (73006)' in merged_html
    assert f'<a href="{detail_url(hoeselt)}">Hoeselt</a> (73032)' in merged_html
    assert "42,207" in merged_html
    assert "sum of the predecessors" in merged_html


def test_detail_links_a_municipality_and_its_ocmw(client, geel):
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW, name_nl="OCMW Geel", municipality=geel
    )

    municipality_html = client.get(detail_url(geel)).content.decode()
    ocmw_html = client.get(detail_url(ocmw)).content.decode()

    assert f'<a href="{detail_url(ocmw)}">OCMW Geel</a>' in municipality_html
    assert f'<a href="{detail_url(geel)}">Geel</a>' in ocmw_html


def test_detail_of_an_unknown_organisation_is_404(client, db):
    assert client.get(reverse("members:detail", args=[999_999])).status_code == 404


@pytest.fixture
def geel_coordinator(coordinator) -> User:
    coordinator.job_title = "head of the social house"
    coordinator.save()
    return coordinator


PEOPLE_MARKERS = ("Coordinator Test", "head of the social house")


@pytest.mark.parametrize("viewer", ["participant", "coordinator", "trainer", "administrator"])
def test_people_are_shown_to_the_organisation_itself_and_to_staff(
    client, request, geel, geel_coordinator, viewer
):
    client.force_login(request.getfixturevalue(viewer))

    html = client.get(detail_url(geel), **ENGLISH).content.decode()

    for marker in PEOPLE_MARKERS:
        assert marker in html


def test_people_are_hidden_from_anonymous_visitors(client, geel, geel_coordinator):
    html = client.get(detail_url(geel), **ENGLISH).content.decode()

    for marker in PEOPLE_MARKERS:
        assert marker not in html
    assert "visible to the organisation itself and to association staff" in html


@pytest.mark.parametrize("viewer", ["outsider", "expert"])
def test_people_are_hidden_from_other_organisations_and_experts(
    client, request, geel, geel_coordinator, viewer
):
    client.force_login(request.getfixturevalue(viewer))

    response = client.get(detail_url(geel), **ENGLISH)

    html = response.content.decode()
    assert response.status_code == 200
    for marker in PEOPLE_MARKERS:
        assert marker not in html
    assert geel_coordinator.email not in html


def test_inactive_people_are_not_listed(client, geel, geel_coordinator, trainer):
    former = make_person("gone@geel.example.org", Role.PARTICIPANT, geel)
    former.last_name = "Vertrokken"
    former.is_active = False
    former.save()
    client.force_login(trainer)

    html = client.get(detail_url(geel)).content.decode()

    assert "Coordinator Test" in html
    assert "Vertrokken" not in html


# Population import -------------------------------------------------------------------------


def upload(content: bytes, name: str = "bevolking.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def post_import(client, content: bytes, **fields):
    data = {"file": upload(content), "reference_date": "2021-01-01", **fields}
    return client.post(IMPORT_URL, data, **ENGLISH)


def test_staff_sees_the_import_form(client, trainer):
    client.force_login(trainer)

    response = client.get(IMPORT_URL, **ENGLISH)

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_staff_upload_is_applied_and_redirected_to_the_result(client, trainer, geel, lennik):
    client.force_login(trainer)

    response = post_import(client, csv_file([("13008", "41 000"), ("23104", 9_200)]))

    record = PopulationImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("members:import_detail", args=[record.pk])
    assert record.status == PopulationImport.Status.APPLIED
    assert record.created_by == trainer
    assert record.file_name == "bevolking.csv"
    assert PopulationFigure.objects.filter(reference_date=datetime.date(2021, 1, 1)).count() == 2
    result = client.get(response["Location"], **ENGLISH).content.decode()
    successes = re.findall(r'<p class="alert alert--success">(.*?)</p>', result, re.S)
    assert re.findall(r"\d+", successes[-1]) == ["2", "0"]  # added, replaced
    assert "alert--error" not in result


def test_staff_upload_with_errors_lists_them_by_line_on_the_result_page(
    client, administrator, geel, lennik
):
    client.force_login(administrator)
    content = csv_file([("13008", 41_000), ("23104", "veel"), ("99999", 5)], delimiter=";")

    response = post_import(client, content, follow=False)
    result = client.get(response["Location"], **ENGLISH)

    html = result.content.decode()
    assert response.status_code == 302
    assert not PopulationFigure.objects.filter(reference_date=datetime.date(2021, 1, 1)).exists()
    problems = re.findall(r'<p class="alert alert--error">(.*?)</p>', html, re.S)
    assert re.findall(r"\d+", problems[-1]) == ["2"]
    assert "alert--success" not in html
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    assert [(line, code) for line, code, _reason in rows] == [("3", "23104"), ("4", "99999")]
    assert "not a number: &#x27;veel&#x27;" in html
    assert "unknown code" in html


def test_missing_municipality_is_listed_without_a_line_number(client, trainer, geel, lennik):
    client.force_login(trainer)

    response = post_import(client, csv_file([("13008", 41_000)]))

    html = client.get(response["Location"], **ENGLISH).content.decode()
    assert "<li>23104: municipality Lennik is missing from the file</li>" in html


def test_upload_with_ignore_unknown_skips_foreign_codes(client, trainer, geel, lennik):
    client.force_login(trainer)
    content = csv_file([("21004", 188_737), ("13008", 41_000), ("23104", 9_200)])

    post_import(client, content, ignore_unknown="on")

    record = PopulationImport.objects.get()
    assert record.status == PopulationImport.Status.APPLIED
    assert record.skipped_count == 1


def test_htmx_upload_is_redirected_by_header(client, trainer, geel, lennik):
    client.force_login(trainer)
    content = csv_file([("13008", 41_000), ("23104", 9_200)])

    response = client.post(
        IMPORT_URL,
        {"file": upload(content), "reference_date": "2021-01-01"},
        **HTMX,
    )

    record = PopulationImport.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("members:import_detail", args=[record.pk])


def test_upload_without_a_file_shows_the_form_again(client, trainer, geel):
    client.force_login(trainer)

    response = client.post(IMPORT_URL, {"reference_date": "2021-01-01"}, **ENGLISH)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not PopulationImport.objects.exists()


def test_reference_date_before_1977_is_refused(client, trainer, geel):
    client.force_login(trainer)

    response = post_import(client, csv_file([("13008", 41_000)]), reference_date="1976-12-31")

    assert response.status_code == 200
    assert response.context["form"].errors["reference_date"]
    assert not PopulationImport.objects.exists()


@pytest.mark.parametrize("viewer", ["participant", "coordinator", "expert"])
def test_import_is_forbidden_to_people_who_are_not_staff(client, request, geel, viewer):
    client.force_login(request.getfixturevalue(viewer))

    get = client.get(IMPORT_URL)
    post = client.post(
        IMPORT_URL, {"file": upload(csv_file([("13008", 1)])), "reference_date": "2021-01-01"}
    )

    assert get.status_code == 403
    assert post.status_code == 403
    assert not PopulationImport.objects.exists()
    assert geel.population_figures.count() == 1


def test_import_sends_anonymous_visitors_to_sign_in(client, geel):
    response = client.post(
        IMPORT_URL, {"file": upload(csv_file([("13008", 1)])), "reference_date": "2021-01-01"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/members/import/" in response["Location"]
    assert not PopulationImport.objects.exists()


def test_import_list_and_result_are_for_staff_only(client, trainer, participant, geel):
    record = PopulationImport.objects.create(
        file_name="bevolking.csv",
        reference_date=datetime.date(2021, 1, 1),
        status=PopulationImport.Status.REJECTED,
        errors=[{"line": 7, "code": "13008", "reason": "negative: '-1'"}],
    )
    result_url = reverse("members:import_detail", args=[record.pk])
    list_url = reverse("members:imports")

    client.force_login(participant)
    assert client.get(list_url).status_code == 403
    assert client.get(result_url).status_code == 403
    client.force_login(trainer)
    assert "bevolking.csv" in client.get(list_url).content.decode()
    assert "<tr><td>7</td><td>13008</td>" in client.get(result_url).content.decode()


def make_imports(count: int, by: User) -> None:
    PopulationImport.objects.bulk_create(
        PopulationImport(
            created_by=by,
            file_name=f"bevolking-{i}.csv",
            reference_date=datetime.date(2021, 1, 1),
            status=PopulationImport.Status.APPLIED,
        )
        for i in range(count)
    )


def test_import_list_query_count_does_not_grow_with_the_number_of_rows(
    client, trainer, administrator
):
    client.force_login(trainer)
    make_imports(3, administrator)
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(reverse("members:imports")).context["page"].object_list) == 3
    make_imports(60, trainer)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(reverse("members:imports")).context["page"].object_list) == 50

    assert len(many) == len(few)
