"""Named people for every test: a staff trainer, a coordinator, participants, an outsider."""

import datetime

import pytest
from allauth.account.models import EmailAddress

from atelier.accounts.models import Role, User
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
    Province,
)
from atelier.members.reference_data import PROVINCES

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Production requires TOTP for staff (tests that check it turn it back on), hashes
    passwords slowly on purpose and serves hashed static files after collectstatic; tests
    need none of that."""
    settings.REQUIRE_STAFF_MFA = False
    # A test's changes are rolled back, never committed: the page caches would not hear of
    # them (their own tests turn them on).
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PROJECT_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"  # archived invoice PDFs and other uploads
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_province(nis_code: str) -> Province:
    """A province as the shipped reference data describes it."""
    nis, nl, fr, en, iso, nuts = next(p for p in PROVINCES if p[0] == nis_code)
    province, _ = Province.objects.get_or_create(
        nis_code=nis,
        defaults={"name_nl": nl, "name_fr": fr, "name_en": en, "iso_code": iso, "nuts_code": nuts},
    )
    return province


@pytest.fixture
def antwerp(db) -> Province:
    return make_province("10000")


@pytest.fixture
def flemish_brabant(db) -> Province:
    return make_province("20001")


def make_municipality(
    nis_code: str, name: str, province: Province, inhabitants: int | None = None, **fields
) -> Organisation:
    organisation = Organisation.objects.create(
        type=OrganisationType.MUNICIPALITY,
        nis_code=nis_code,
        name_nl=name,
        name_fr=name,
        province=province,
        **fields,
    )
    if inhabitants is not None:
        PopulationFigure.objects.create(
            organisation=organisation,
            reference_date=datetime.date(2020, 1, 1),
            inhabitants=inhabitants,
            source=PopulationSource.REFERENCE,
        )
    return organisation


@pytest.fixture
def geel(antwerp) -> Organisation:
    return make_municipality("13008", "Geel", antwerp, 40709)


@pytest.fixture
def lennik(flemish_brabant) -> Organisation:
    return make_municipality("23104", "Lennik", flemish_brabant, 9096)


def make_person(email: str, role: str, organisation: Organisation | None = None) -> User:
    user = User.objects.create_user(
        email,
        PASSWORD,
        first_name=email.split("@")[0].split(".")[0].capitalize(),
        last_name="Test",
        role=role,
        organisation=organisation,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def administrator(db) -> User:
    return make_person("admin@example.org", Role.ADMINISTRATOR)


@pytest.fixture
def trainer(db) -> User:
    return make_person("trainer@example.org", Role.TRAINER)


@pytest.fixture
def coordinator(geel) -> User:
    return make_person("coordinator@geel.example.org", Role.COORDINATOR, geel)


@pytest.fixture
def participant(geel) -> User:
    return make_person("participant@geel.example.org", Role.PARTICIPANT, geel)


@pytest.fixture
def outsider(lennik) -> User:
    """A participant of another municipality (Lennik)."""
    return make_person("participant@lennik.example.org", Role.PARTICIPANT, lennik)


@pytest.fixture
def expert(db) -> User:
    return make_person("expert@example.org", Role.EXPERT)


@pytest.fixture
def registry(db):
    """The full shipped Flemish registry (312 municipalities, 312 OCMWs, mergers)."""
    from atelier.members.reference_data import load_flemish_registry

    return load_flemish_registry()
