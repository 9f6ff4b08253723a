"""The workspace's tests read pages and messages in English, the source language.

Without a request's Accept-Language the interface speaks Dutch; the Dutch catalogue has
its own check (scripts/check-translations) and the language tests in tests/.
"""

import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
