"""Browser fixtures: one Debian Chromium for the browser tests, a fresh context per test,
axe-core run on every page a test reaches, and no Content-Security-Policy violation."""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .browsing import Visit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Dutch is the default interface language; an explicit locale keeps Accept-Language fixed.
DEFAULT_CONTEXT_OPTIONS = {"locale": "nl-BE", "viewport": {"width": 1280, "height": 800}}
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    """Keep each phase's report on the test, so that fixtures know in teardown whether it
    passed (unaudited pages are reported only then; screenshots are kept otherwise)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for all the browser tests.

    Playwright's sync API keeps an asyncio loop running in the test thread while it is open.
    Package scope closes it before the tests outside this folder run, where that loop would
    break async_to_sync; meanwhile Django must allow the plain sync ORM calls that fixtures
    and assertions make next to that loop.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def open_visit(
    browser: Browser, live_server, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Visit]]:
    """Open a tab in a new browser context; options override the Dutch desktop defaults."""
    contexts: list[BrowserContext] = []
    visits: list[Visit] = []

    def open_(**context_options: object) -> Visit:
        options = {**DEFAULT_CONTEXT_OPTIONS, **context_options}
        context = browser.new_context(base_url=live_server.url, **options)  # type: ignore[arg-type]
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        visits.append(Visit(context.new_page(), live_server.url))
        return visits[-1]

    yield open_
    call_report = getattr(request.node, "report_call", None)
    passed = call_report is not None and call_report.passed
    if not passed:
        for number, visit in enumerate(visits):
            visit.keep_artefacts(f"{request.node.nodeid}-{number}")
    for context in contexts:
        context.close()
    if passed:
        unaudited = [url for visit in visits for url in visit.unaudited()]
        assert not unaudited, f"pages shown without an axe audit: {unaudited}"
        refused = [violation for visit in visits for violation in visit.csp_violations]
        assert not refused, "the Content-Security-Policy refused:\n" + "\n".join(refused)


@pytest.fixture
def visit(open_visit: Callable[..., Visit]) -> Visit:
    """A tab in a fresh Dutch desktop browser context."""
    return open_visit()


@pytest.fixture(autouse=True)
def _project_pages_stored(settings):
    """People click through projects and canvases as deployed: with their pages stored
    between changes (the test's own writes commit here, so every change is heard)."""
    settings.PROJECT_PAGE_CACHE_SECONDS = 60
