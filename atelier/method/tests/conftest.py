import pytest

from atelier.method.services import load_library


@pytest.fixture(autouse=True)
def _library(db):
    """The shipped library, as the data migration leaves it (also under --nomigrations)."""
    load_library()
