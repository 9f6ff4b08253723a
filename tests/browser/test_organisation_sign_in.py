"""Sign-in with the organisation's own account through a real OpenID Connect provider.

The provider is tests/oidc/provider.mjs (the npm package oidc-provider, installed with
`npm ci` on first use), started on this machine for these tests. Its development login
form takes any login name: the name is the e-mail address it vouches for, or, prefixed
with "unverified:", an address it passes on without vouching for it.
"""

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.socialaccount.models import SocialAccount, SocialApp
from playwright.sync_api import expect

from atelier.accounts.models import OrganisationSignIn

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
PORT = int(os.environ.get("OIDC_TEST_PORT", "8165"))
PROVIDER_ID = "geel-test"
DOMAIN = "geel.example.org"


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def oidc_provider(live_server) -> Iterator[str]:
    """The local provider, knowing the live server's callback as its client's redirect URI."""
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=OIDC_DIR, check=True)  # noqa: S607
    callback = f"{live_server.url}/accounts/oidc/{PROVIDER_ID}/login/callback/"
    env = {**os.environ, "OIDC_PORT": str(PORT), "OIDC_REDIRECT_URIS": callback}
    process = subprocess.Popen(  # noqa: S603
        ["node", "provider.mjs"],  # noqa: S607
        cwd=OIDC_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if _answers(PORT):
                break
            assert process.poll() is None, "the OIDC test provider stopped"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{PORT}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def geel_sign_in(oidc_provider, geel) -> SocialApp:
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=PROVIDER_ID,
        name="Stad Geel",
        client_id="atelier",
        secret="atelier-test-secret",
        settings={"server_url": oidc_provider, "oauth_pkce_enabled": True},
    )
    OrganisationSignIn.objects.create(domain=DOMAIN, provider_id=PROVIDER_ID, organisation=geel)
    return app


def through_the_provider(visit, email: str, login: str) -> None:
    """From Atelier's sign-in page through the provider's login and consent, and back."""
    visit.page.set_default_timeout(30_000)  # two servers and five pages on a busy machine
    page = visit.open("/accounts/login/")
    visit.follow(page.get_by_role("link", name="Aanmelden met het account van je organisatie"))
    page.get_by_label("Je werk-e-mailadres").fill(email)
    visit.follow(page.get_by_role("button", name="Verder"))
    # allauth asks before it leaves for the provider (no sign-in on a plain GET).
    with page.expect_navigation(url=f"http://127.0.0.1:{PORT}/**"):
        page.locator("main form [type=submit]").click()
    # The provider's own development pages are not Atelier's to audit.
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    visit.audited.add(page.url)
    with page.expect_navigation(url=f"{visit.base_url}/**"):
        page.locator("button[type=submit]").click()
    visit.audited.update(url for url in visit.loaded if url.startswith(f"http://127.0.0.1:{PORT}"))
    visit.audit()


@pytest.mark.browser
def test_a_coordinator_signs_in_with_the_organisations_account(visit, geel_sign_in, coordinator):
    coordinator.email = f"sara@{DOMAIN}"
    coordinator.save()
    coordinator.emailaddress_set.update(email=coordinator.email)

    through_the_provider(visit, coordinator.email, login=coordinator.email)

    expect(visit.page).to_have_url(f"{visit.base_url}/")
    expect(visit.page.locator("main h1")).to_contain_text("Hallo")
    expect(visit.page.locator("header").get_by_role("link", name="Mijn account")).to_be_visible()
    assert SocialAccount.objects.get(provider=PROVIDER_ID).user == coordinator


@pytest.mark.browser
def test_an_unverified_address_from_the_provider_does_not_take_over_an_account(
    visit, geel_sign_in, coordinator
):
    coordinator.email = f"sara@{DOMAIN}"
    coordinator.save()
    coordinator.emailaddress_set.update(email=coordinator.email)

    through_the_provider(visit, coordinator.email, login=f"unverified:{coordinator.email}")

    expect(visit.page.locator("header").get_by_role("link", name="Mijn account")).to_have_count(0)
    assert not SocialAccount.objects.filter(user=coordinator).exists()


@pytest.mark.browser
def test_staff_still_give_their_second_factor_after_the_provider(visit, geel_sign_in, trainer):
    trainer.email = f"tom@{DOMAIN}"
    trainer.save()
    trainer.emailaddress_set.update(email=trainer.email)
    TOTP.activate(trainer, generate_totp_secret())

    through_the_provider(visit, trainer.email, login=trainer.email)

    expect(visit.page).to_have_url(f"{visit.base_url}/accounts/2fa/authenticate/")
    expect(visit.page.locator("header").get_by_role("link", name="Mijn account")).to_have_count(0)
