"""Two staff members importing a file for the same date at the same moment."""

import datetime
import threading

import pytest
from django.db import connection

from atelier.members.models import PopulationFigure, PopulationImport
from atelier.members.services import import_population

from .population_files import csv_file

DAY = datetime.date(2022, 1, 1)


def _import_in_thread(content: bytes, results: list, errors: list, start: threading.Barrier):
    try:
        start.wait()
        results.append(
            import_population(content=content, file_name="x.csv", reference_date=DAY, by=None)
        )
    except Exception as error:  # reported by the test below
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_two_imports_for_the_same_date_at_once_both_apply_and_keep_their_values(geel, lennik):
    files = [
        csv_file([("13008", 41_000), ("23104", 9_100)]),
        csv_file([("13008", 41_500), ("23104", 9_200)]),
    ]
    results: list[PopulationImport] = []
    errors: list[Exception] = []
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=_import_in_thread, args=(content, results, errors, start))
        for content in files
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(r.status for r in results) == ["applied", "applied"]
    figures = PopulationFigure.objects.filter(reference_date=DAY).order_by("organisation__name_nl")
    assert len(figures) == 2
    last = figures[0].population_import
    assert [f.population_import for f in figures] == [last, last]
    assert [f.inhabitants for f in figures] == [last.values["13008"], last.values["23104"]]
    assert sorted(r.values["13008"] for r in results) == [41_000, 41_500]
