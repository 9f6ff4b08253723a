import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atelier.members.models import Organisation, OrganisationType, PopulationImport
from atelier.members.services import import_population

from .population_files import csv_file

DAY = datetime.date(2026, 1, 1)
OCMW_RESIDENTS = PopulationImport.Counts.OCMW_RESIDENTS


def ocmw_of(municipality):
    return Organisation.objects.create(
        type=OrganisationType.OCMW,
        name_nl=f"OCMW {municipality.name_nl}",
        municipality=municipality,
    )


@pytest.mark.django_db
def test_residents_go_to_the_ocmw_of_the_municipality_named_by_its_code(geel, lennik):
    geel_ocmw, lennik_ocmw = ocmw_of(geel), ocmw_of(lennik)

    record = import_population(
        content=csv_file([("13008", 240), ("23104", 55)]),
        file_name="residents.csv",
        reference_date=DAY,
        counts=OCMW_RESIDENTS,
        by=None,
    )

    assert record.status == PopulationImport.Status.APPLIED
    assert geel_ocmw.population_figures.get(reference_date=DAY).inhabitants == 240
    assert lennik_ocmw.population_figures.get(reference_date=DAY).inhabitants == 55
    assert not geel.population_figures.filter(reference_date=DAY).exists()


@pytest.mark.django_db
def test_a_municipality_without_an_ocmw_is_reported_and_nothing_is_written(geel, lennik):
    ocmw_of(geel)

    record = import_population(
        content=csv_file([("13008", 240), ("23104", 55)]),
        file_name="residents.csv",
        reference_date=DAY,
        counts=OCMW_RESIDENTS,
        by=None,
    )

    assert record.status == PopulationImport.Status.REJECTED
    assert [error["line"] for error in record.errors] == [3]
    assert not Organisation.objects.get(type="ocmw").population_figures.exists()


@pytest.mark.django_db
def test_staff_choose_ocmw_residents_in_the_import_form(client, trainer, geel):
    geel_ocmw = ocmw_of(geel)
    client.force_login(trainer)
    upload = csv_file([("13008", 240)])

    response = client.post(
        "/members/import/",
        {
            "file": SimpleUploadedFile("residents.csv", upload, content_type="text/csv"),
            "reference_date": "2026-01-01",
            "counts": OCMW_RESIDENTS,
        },
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )

    assert "residents of OCMW care and day centres" in response.content.decode()
    assert geel_ocmw.population_figures.get(reference_date=DAY).inhabitants == 240
