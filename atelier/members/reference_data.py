"""The Flemish registry shipped with Atelier: provinces, municipalities, mergers, OCMWs."""

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from auditlog.context import disable_auditlog
from django.db import transaction

from .models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
    Province,
    Succession,
)

DATA = Path(__file__).resolve().parent / "data"
REFERENCE_DATE_2020 = datetime.date(2020, 1, 1)
MERGER_DATE_2019 = datetime.date(2019, 1, 1)
# The seven municipalities that the mergers of 2019-01-01 created (their predecessors are
# not in the shipped data).
CREATED_IN_2019 = {"12041", "44083", "44084", "44085", "45068", "72042", "72043"}

PROVINCES = [
    # nis, Dutch, French, English, ISO 3166-2, NUTS 2
    ("10000", "Antwerpen", "Anvers", "Antwerp", "BE-VAN", "BE21"),
    ("20001", "Vlaams-Brabant", "Brabant flamand", "Flemish Brabant", "BE-VBR", "BE24"),
    ("30000", "West-Vlaanderen", "Flandre-Occidentale", "West Flanders", "BE-VWV", "BE25"),
    ("40000", "Oost-Vlaanderen", "Flandre-Orientale", "East Flanders", "BE-VOV", "BE23"),
    ("70000", "Limburg", "Limbourg", "Limburg", "BE-VLI", "BE22"),
]


@dataclass
class RegistryCounts:
    municipalities: int
    current_municipalities: int
    ocmws: int
    figures: int


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_flemish_registry() -> RegistryCounts:
    """Create or refresh the shipped registry; running it again changes nothing."""
    with disable_auditlog():
        provinces = _load_provinces()
        municipalities = _load_municipalities(provinces)
        _load_mergers(municipalities, provinces)
        figures = _load_population(municipalities)
        ocmws = _load_ocmws()
    current = Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    return RegistryCounts(
        municipalities=len(municipalities),
        current_municipalities=current.count(),
        ocmws=ocmws,
        figures=figures,
    )


def _load_provinces() -> dict[str, Province]:
    result = {}
    for nis, nl, fr, en, iso, nuts in PROVINCES:
        province, _ = Province.objects.update_or_create(
            nis_code=nis,
            defaults={
                "name_nl": nl,
                "name_fr": fr,
                "name_en": en,
                "iso_code": iso,
                "nuts_code": nuts,
            },
        )
        result[nl] = province
        result[nis] = province
    return result


def _load_municipalities(provinces: dict[str, Province]) -> dict[str, Organisation]:
    ended = {row["old_nis_code"] for row in _read("flemish-mergers-2025.csv")}
    ended -= {row["new_nis_code"] for row in _read("flemish-mergers-2025.csv")}
    result = {}
    for row in _read("flemish-municipalities-2020.csv"):
        code = row["nis_code"]
        result[code] = _upsert_municipality(
            code,
            name_nl=row["name_nl"],
            name_fr=row["name_fr"],
            province=provinces[row["province_nl"]],
            postal_code=row["postal_code"],
            valid_from=MERGER_DATE_2019 if code in CREATED_IN_2019 else None,
            valid_until=datetime.date(2024, 12, 31) if code in ended else None,
        )
    return result


def _upsert_municipality(code: str, **fields: object) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        nis_code=code, defaults={"type": OrganisationType.MUNICIPALITY, **fields}
    )
    return organisation


def _load_mergers(municipalities: dict[str, Organisation], provinces: dict[str, Province]) -> None:
    names_2025 = {row["nis_code"]: row for row in _read("flemish-municipalities-2025.csv")}
    for row in _read("flemish-mergers-2025.csv"):
        new_code, old_code = row["new_nis_code"], row["old_nis_code"]
        effective = datetime.date.fromisoformat(row["effective_date"])
        if new_code not in municipalities:
            municipalities[new_code] = _upsert_municipality(
                new_code,
                name_nl=names_2025[new_code]["name_nl"],
                name_fr=names_2025[new_code]["name_fr"],
                province=provinces[row["new_province_nis"]],
                valid_from=effective,
                valid_until=None,
            )
        if new_code != old_code:
            Succession.objects.update_or_create(
                predecessor=municipalities[old_code],
                successor=municipalities[new_code],
                defaults={"effective_date": effective},
            )


def _load_population(municipalities: dict[str, Organisation]) -> int:
    count = 0
    for row in _read("flemish-municipalities-2020.csv"):
        _set_figure(
            municipalities[row["nis_code"]], int(row["inhabitants"]), PopulationSource.REFERENCE
        )
        count += 1
    for successor in Organisation.objects.filter(
        type=OrganisationType.MUNICIPALITY, valid_from__gt=REFERENCE_DATE_2020
    ):
        predecessors = [s.predecessor for s in successor.successions_as_successor.all()]
        total = PopulationFigure.objects.filter(
            organisation__in=predecessors, reference_date=REFERENCE_DATE_2020
        ).values_list("inhabitants", flat=True)
        if predecessors:
            _set_figure(successor, sum(total), PopulationSource.PREDECESSORS)
            count += 1
    return count


def _set_figure(organisation: Organisation, inhabitants: int, source: str) -> None:
    PopulationFigure.objects.update_or_create(
        organisation=organisation,
        reference_date=REFERENCE_DATE_2020,
        defaults={"inhabitants": inhabitants, "source": source},
    )


def _load_ocmws() -> int:
    """One OCMW per municipality, living as long as it does and merging as it did."""
    ocmw_of = {}
    for municipality in Organisation.objects.filter(type=OrganisationType.MUNICIPALITY):
        ocmw, _ = Organisation.objects.update_or_create(
            type=OrganisationType.OCMW,
            municipality=municipality,
            defaults={
                "name_nl": f"OCMW {municipality.name_nl}",
                "name_fr": f"CPAS {municipality.name_fr or municipality.name_nl}",
                "province": municipality.province,
                "valid_from": municipality.valid_from,
                "valid_until": municipality.valid_until,
            },
        )
        ocmw_of[municipality.pk] = ocmw
    for succession in Succession.objects.filter(predecessor__type=OrganisationType.MUNICIPALITY):
        Succession.objects.update_or_create(
            predecessor=ocmw_of[succession.predecessor_id],
            successor=ocmw_of[succession.successor_id],
            defaults={"effective_date": succession.effective_date},
        )
    return len(ocmw_of)
