"""Pages that bring their own scripts still work under the Content-Security-Policy: the
API's Swagger UI and the Django admin (reached through the one sign-in, with its TOTP).
Every Visit also fails on any policy violation the browser reports (see browsing.py)."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from playwright.sync_api import expect

from conftest import PASSWORD


@pytest.mark.browser
def test_swagger_ui_renders_the_api_under_the_strict_policy(visit, db):
    page = visit.page
    page.goto("/api/v1/docs", timeout=60_000)  # a large bundle, on a busy CI machine
    # Swagger UI is third-party markup: it is checked for working, not audited with axe.
    visit.audited.add(page.url)

    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert not visit.csp_violations, visit.csp_violations


@pytest.mark.browser
def test_administrator_signs_in_to_the_admin_with_password_and_totp(
    visit, administrator, settings, live_server
):
    settings.REQUIRE_STAFF_MFA = True
    settings.MFA_TOTP_TOLERANCE = 1
    administrator.is_staff = administrator.is_superuser = True  # as the demo makes them
    administrator.set_password(PASSWORD)
    administrator.save()
    secret = generate_totp_secret()
    TOTP.activate(administrator, secret)
    page = visit.page

    page.goto("/admin/", timeout=60_000)  # → /admin/login/ → allauth's sign-in, next=/admin/
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    visit.audit()
    page.locator("input[name=login]").fill(administrator.email)
    page.locator("input[name=password]").fill(PASSWORD)
    visit.follow(page.locator("main form [type=submit]"))
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()

    expect(page).to_have_url(f"{live_server.url}/admin/")
    # The admin is Django's own markup: checked for working under the policy, not audited.
    visit.audited.add(page.url)
    expect(page.locator("#site-name")).to_be_visible()
    with page.expect_navigation():
        page.locator("a[href$='/accounts/user/']").first.click()
    visit.audited.add(page.url)
    expect(page.locator("#result_list")).to_be_visible()
    assert not visit.csp_violations, visit.csp_violations
