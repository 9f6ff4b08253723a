"""A browser tab that audits every document it shows with axe-core."""

import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from playwright.sync_api import ConsoleMessage, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError

from atelier.accounts.models import User

from .accessibility import blocking_violations, describe_violations

FAILURE_ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results"
HTMX_AT_WORK = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"


def settled(page: Page) -> None:
    """Wait until htmx has swapped, settled and wired up what it brought in.

    A locator, not page.wait_for_function: that evaluates a string in the page, which the
    Content-Security-Policy (no 'unsafe-eval') refuses, as it should.
    """
    expect(page.locator(HTMX_AT_WORK)).to_have_count(0)
    page.wait_for_timeout(50)


class Visit:
    """One browser tab that audits every document it shows with axe before a test goes on."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.loaded: list[str] = []
        self.audited: set[str] = set()
        self.csp_violations: list[str] = []
        page.on("load", lambda loaded: self.loaded.append(loaded.url))
        page.on("console", self._note_csp_violation)

    def _note_csp_violation(self, message: ConsoleMessage) -> None:
        # Chromium reports every script, style or connection the policy refused this way.
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def open(self, path: str) -> Page:
        """Go to a path of the live server and audit the page."""
        self.page.goto(path)
        self.audit()
        return self.page

    def follow(self, target: Locator) -> Page:
        """Click a link or button that loads a new document (directly, through redirects or
        through htmx), wait for that document and audit it."""
        with self.page.expect_navigation():
            target.click()
        self.audit()
        return self.page

    def audit(self) -> None:
        """Fail with every serious or critical WCAG 2.1 AA violation on the page as it is."""
        self.page.wait_for_load_state()
        violations = blocking_violations(self.page)
        self.audited.add(self.page.url)
        assert not violations, describe_violations(self.page.url, violations)
        assert not self.csp_violations, "\n".join(self.csp_violations)

    def sign_in(self, user: User) -> None:
        """Give the tab a session for the user (the login form has its own test)."""
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies(
            [{"name": session.key, "value": session.value, "url": self.base_url}]
        )

    def unaudited(self) -> list[str]:
        return [url for url in dict.fromkeys(self.loaded) if url not in self.audited]

    def keep_artefacts(self, name: str) -> None:
        """Save a screenshot and the HTML of the tab, for a failed test on CI."""
        folder = FAILURE_ARTEFACTS / re.sub(r"[^\w.-]+", "_", name)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self.page.screenshot(path=folder / "screenshot.png", full_page=True)
            (folder / "page.html").write_text(self.page.content(), encoding="utf-8")
        except PlaywrightError:  # a crashed or closed tab has nothing more to show
            pass
