"""The demo companies: about fifty, varied, each with participants, loaded twice without harm."""

import pytest

from atelier.companies.demo import load_demo_companies
from atelier.companies.models import CompanyProfile, Participation
from atelier.demo.people import load_demo_intermunicipals
from atelier.lib.company_number import is_valid_company_number
from atelier.members.models import Organisation, OrganisationType
from atelier.members.reference_data import load_flemish_registry


@pytest.mark.django_db
def test_demo_companies_have_profiles_and_participants_and_load_twice():
    load_flemish_registry()
    load_demo_intermunicipals()
    assert load_demo_companies() == 50
    participations = Participation.objects.count()

    load_demo_companies()

    companies = Organisation.objects.filter(type=OrganisationType.INTERMUNICIPAL)
    assert companies.count() == 50
    assert Participation.objects.count() == participations
    assert CompanyProfile.objects.count() == 50
    assert len(set(CompanyProfile.objects.values_list("purpose", flat=True))) >= 8
    assert all(is_valid_company_number(c.company_number) for c in companies)
    for company in companies:
        current = Participation.objects.filter(company=company, left_on__isnull=True)
        assert current.count() >= 3, company
        assert all(p.participant.province_id == company.province_id for p in current)
    assert Participation.objects.filter(left_on__isnull=False).exists()
