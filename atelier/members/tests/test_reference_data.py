import csv
import datetime

from atelier.members.models import Organisation, OrganisationType, PopulationFigure, Succession
from atelier.members.reference_data import DATA, load_flemish_registry


def _read(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_shipped_2020_inhabitants_add_up_to_the_flemish_region():
    rows = _read("flemish-municipalities-2020.csv")
    assert len(rows) == 300
    assert sum(int(r["inhabitants"]) for r in rows) == 6_629_143


def test_applying_the_2025_mergers_gives_the_285_codes_in_force():
    codes_2020 = {r["nis_code"] for r in _read("flemish-municipalities-2020.csv")}
    mergers = _read("flemish-mergers-2025.csv")
    after = (codes_2020 - {m["old_nis_code"] for m in mergers}) | {
        m["new_nis_code"] for m in mergers
    }
    assert after == {r["nis_code"] for r in _read("flemish-municipalities-2025.csv")}
    assert len(after) == 285


def test_registry_has_285_current_municipalities_and_their_history(registry):
    current = Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    assert current.count() == 285
    assert registry.municipalities == 312
    assert Organisation.objects.filter(type=OrganisationType.OCMW).count() == 312
    on_2020 = Organisation.objects.existing_on(datetime.date(2020, 1, 1)).filter(
        type=OrganisationType.MUNICIPALITY
    )
    assert on_2020.count() == 300


def test_merged_municipality_2020_figure_is_the_sum_of_its_predecessors(registry):
    bilzen_hoeselt = Organisation.objects.get(nis_code="73110")
    figure = PopulationFigure.objects.get(
        organisation=bilzen_hoeselt, reference_date=datetime.date(2020, 1, 1)
    )
    parts = PopulationFigure.objects.filter(
        organisation__nis_code__in=["73006", "73032"], reference_date=datetime.date(2020, 1, 1)
    )
    assert figure.inhabitants == sum(p.inhabitants for p in parts)
    assert figure.inhabitants == 32_477 + 9_730


def test_history_is_readable_from_both_sides(registry):
    borsbeek = Organisation.objects.get(nis_code="11007")
    antwerpen = Organisation.objects.get(nis_code="11002")
    assert antwerpen.is_current and not borsbeek.is_current
    assert borsbeek.valid_until == datetime.date(2024, 12, 31)
    assert [s.successor for s in borsbeek.successions_as_predecessor.all()] == [antwerpen]
    assert borsbeek in [s.predecessor for s in antwerpen.successions_as_successor.all()]
    zwijndrecht = Organisation.objects.get(nis_code="11056")
    assert zwijndrecht.province.nis_code == "10000"
    assert zwijndrecht.successions_as_predecessor.get().successor.province.nis_code == "40000"


def test_every_municipality_has_one_ocmw_that_merged_with_it(registry):
    pajottegem = Organisation.objects.get(nis_code="23106")
    ocmw = pajottegem.linked_organisations.get(type=OrganisationType.OCMW)
    predecessors = {
        s.predecessor.municipality.nis_code for s in ocmw.successions_as_successor.all()
    }
    assert predecessors == {"23023", "23024", "23032"}


def test_loading_twice_duplicates_nothing(registry):
    counts = (
        Organisation.objects.count(),
        Succession.objects.count(),
        PopulationFigure.objects.count(),
    )
    load_flemish_registry()
    assert counts == (
        Organisation.objects.count(),
        Succession.objects.count(),
        PopulationFigure.objects.count(),
    )
