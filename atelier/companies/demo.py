"""Demo intermunicipal companies: about fifty, with participants from the demo municipalities.

The five real names of the demo registry keep their made-up numbers; the others are
fictitious names of a purpose and a region, with made-up company numbers (valid check digits).
"""

import datetime

from django.db import transaction

from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import Organisation, OrganisationType, PopulationFigure, Province

from .models import CompanyProfile, LegalForm, Participation, Purpose

REGIONS = {
    "10000": ["Kempen", "Rupelstreek", "Voorkempen", "Zuiderkempen", "Scheldeland"],
    "20001": ["Hageland", "Pajottenland", "Noordrand", "Dijleland", "Druivenstreek"],
    "30000": ["Westhoek", "Leiestreek", "Kust", "Houtland", "Mandelstreek"],
    "40000": ["Meetjesland", "Waasland", "Vlaamse Ardennen", "Leievallei", "Denderstreek"],
    "70000": ["Maasland", "Haspengouw", "Noord-Limburg", "Midden-Limburg", "Kolenstreek"],
}
NAMES = {
    Purpose.WASTE: ("Afvalbeheer {}", LegalForm.SERVICE),
    Purpose.ENERGY: ("Energiehuis {}", LegalForm.PROJECT),
    Purpose.WATER: ("Waterzuivering {}", LegalForm.MANDATED),
    Purpose.DEVELOPMENT: ("Streekontwikkeling {}", LegalForm.SERVICE),
    Purpose.IT: ("ICT-samenwerking {}", LegalForm.INTERLOCAL),
    Purpose.SAFETY: ("Hulpverlening {}", LegalForm.MANDATED),
    Purpose.HEALTH: ("Zorgnetwerk {}", LegalForm.SERVICE),
    Purpose.CULTURE: ("Cultuurregio {}", LegalForm.PROJECT),
    Purpose.CREMATORIUM: ("Crematorium {}", LegalForm.MANDATED),
    Purpose.MOBILITY: ("Mobiliteitsvereniging {}", LegalForm.INTERLOCAL),
}
# The demo registry's five companies (atelier/demo/people.py) and what they do.
KNOWN: dict[str, str] = {
    "IOK": Purpose.DEVELOPMENT,
    "Interleuven": Purpose.DEVELOPMENT,
    "Leiedal": Purpose.DEVELOPMENT,
    "Veneco": Purpose.DEVELOPMENT,
    "Limburg.net": Purpose.WASTE,
}
FICTITIOUS = 45
LEFT_ON = datetime.date(2018, 12, 31)


def _fictitious() -> list[tuple[str, str, str, str]]:
    """(name, province NIS code, purpose, legal form) for each made-up company."""
    regions = [(nis, region) for nis, names in REGIONS.items() for region in names]
    purposes = list(NAMES)
    companies: list[tuple[str, str, str, str]] = []
    for index in range(FICTITIOUS):
        province, region = regions[index % len(regions)]
        purpose = purposes[(index * 3 + index // len(regions)) % len(purposes)]
        pattern, legal_form = NAMES[purpose]
        companies.append((pattern.format(region), province, purpose, legal_form))
    return companies


@transaction.atomic
def load_demo_companies() -> int:
    """Profiles and participants for every demo company; running it again adds nothing."""
    for index, (name, purpose) in enumerate(KNOWN.items(), start=FICTITIOUS + 1):
        company = Organisation.objects.filter(
            type=OrganisationType.INTERMUNICIPAL, name_nl=name
        ).first()
        if company is not None:
            _profile_and_participants(company, purpose, LegalForm.SERVICE, index)
    for index, (name, province_nis, purpose, legal_form) in enumerate(_fictitious(), start=1):
        base = f"0206{index:04d}"
        company, _created = Organisation.objects.update_or_create(
            company_number=base + company_number_check_digits(base),
            defaults={
                "type": OrganisationType.INTERMUNICIPAL,
                "name_nl": name,
                "province": Province.objects.get(nis_code=province_nis),
            },
        )
        _profile_and_participants(company, purpose, legal_form, index)
    return Organisation.objects.filter(type=OrganisationType.INTERMUNICIPAL).count()


def _profile_and_participants(
    company: Organisation, purpose: str, legal_form: str, index: int
) -> None:
    CompanyProfile.objects.update_or_create(
        organisation=company, defaults={"purpose": purpose, "legal_form": legal_form}
    )
    if Participation.objects.filter(company=company).exists() or company.province is None:
        return
    municipalities = list(
        Organisation.objects.current()
        .filter(type=OrganisationType.MUNICIPALITY, province=company.province)
        .order_by("nis_code")
    )
    if not municipalities:
        return
    count = min(4 + index % 9, len(municipalities))
    start = index * 7 % len(municipalities)
    chosen = (municipalities * 2)[start : start + count]
    inhabitants = _latest_inhabitants(chosen)
    joined_on = datetime.date(1990 + index % 30, 1, 1)
    participations = [
        Participation(
            company=company,
            participant=municipality,
            shares=inhabitants.get(municipality.pk, 10_000) // 1_000 + 1,
            votes=max(1, inhabitants.get(municipality.pk, 10_000) // 10_000),
            joined_on=joined_on,
            left_on=LEFT_ON if position == 0 and index % 6 == 0 else None,
        )
        for position, municipality in enumerate(chosen)
    ]
    Participation.objects.bulk_create(participations)


def _latest_inhabitants(municipalities: list[Organisation]) -> dict[int, int]:
    figures = PopulationFigure.objects.filter(organisation__in=municipalities).order_by(
        "organisation", "reference_date"
    )
    return dict(figures.values_list("organisation_id", "inhabitants"))
