"""Every URL pattern of the project, requested by every kind of person, against a table.

The table below says what each person gets on GET. A pattern without an entry fails the
walk, naming the pattern: a new page cannot be left open by accident. Django's admin is
grouped by the kind of admin page; every other pattern has its own line.
"""

import datetime
import re
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from auditlog.context import set_actor
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import (
    URLPattern,
    URLResolver,
    get_resolver,
    include,
    path,
    resolve,
)
from django.utils import timezone

from atelier.academy.models import (
    BadgeAssertion,
    CalendarFeed,
    CaseSlide,
    Certificate,
    Cohort,
    Course,
    Edition,
    Enrolment,
    FeedbackQuestion,
    Level,
    Milestone,
    PeerReview,
    ReviewCriterion,
    Team,
    Venue,
    WorkshopCase,
)
from atelier.academy.models import Session as AcademySession
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.calendar import calendar_feed_of
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.services.programme import refresh_edition_schedule
from atelier.accounts.models import (
    ErasureRequest,
    Invitation,
    OrganisationSignIn,
    Role,
    User,
)
from atelier.accounts.services import create_api_token
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Link, ShareLink, Snapshot
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import relate
from atelier.canvases.services.sharing import create_share_link
from atelier.canvases.services.versions import take_snapshot
from atelier.canvases.tests.factories import make_journey
from atelier.fees.models import BankImport, FeeRun, Invoice, Tariff
from atelier.fees.payment_matching import import_bank_statement
from atelier.fees.tests.conftest import make_adopted_tariff, make_issued_run
from atelier.governance.models import (
    Attendance,
    Body,
    BodyKind,
    ElectionResult,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Meeting,
    Party,
    Representative,
    Term,
)
from atelier.guidance.models import (
    Bid,
    Criterion,
    ExpertisePlan,
    FitCheck,
    JurorSubmission,
    MaturityResponse,
    Score,
    Tender,
    TenderJuror,
)
from atelier.guidance.rules.fit_check import DEFAULT as FIT_CHECK_QUESTIONS
from atelier.guidance.services.expertise import make_plan, save_skills
from atelier.guidance.services.fit import record_fit_check
from atelier.guidance.services.maturity import invite, open_round
from atelier.guidance.services.rules import current_rules
from atelier.guidance.services.tender import create_tender
from atelier.members.models import Organisation, PopulationImport, Succession
from atelier.method.models import ArtefactKind, Technique
from atelier.notifications.models import Kind
from atelier.notifications.services import notify
from atelier.projects.models import PlannedTechnique, Project, ProjectMember
from atelier.projects.services import open_project, plan_technique, record_decision

# "administrator" is the association's administrator role; "superuser" is a Django superuser
# from `createsuperuser`, the only person the Django admin lets in.
from tests.url_walk_parts import knowledge as knowledge_part  # noqa: E402
from tests.url_walk_parts import members_academy as members_academy_part  # noqa: E402
from tests.url_walk_parts.common import (  # noqa: E402
    OK,
    ROLES,
    TO_HOME,
    TO_LOGIN,
    Answer,
    Redirect,
    answers,
)

TO_REAUTHENTICATE = Redirect("account_reauthenticate")
TO_ADMIN_LOGIN = Redirect("admin:login")


PUBLIC = answers(OK, OK, OK)
SIGNED_IN = answers(TO_LOGIN, OK, OK)
SIGNED_IN_POST_ONLY = answers(TO_LOGIN, 405, 405)
STAFF_ONLY = answers(TO_LOGIN, 403, OK)
ADMINISTRATORS_ONLY = answers(TO_LOGIN, 403, OK, trainer=403)
ADMINISTRATORS_POST_ONLY = answers(TO_LOGIN, 403, 405, trainer=403)
ANONYMOUS_ONLY = answers(OK, TO_HOME, TO_HOME)
# A project and its canvases: the team and the organisation's coordinator read and write,
# staff read only, everyone else gets 404 (not even told it exists).
PROJECT_READ = answers(TO_LOGIN, OK, OK, outsider=404, expert=404)
PROJECT_WRITE = answers(TO_LOGIN, OK, 403, outsider=404, expert=404)
# POST-only pages of a project or canvas look it up first: another organisation gets 404.
PROJECT_POST_ONLY = answers(TO_LOGIN, 405, 405, outsider=404, expert=404)
CANVAS_POST_ONLY = PROJECT_POST_ONLY
TO_CARD_ON_BOARD = Redirect("/canvases/{canvas_pk}/#card-{card_pk}")
API_PROJECT = answers(401, OK, OK, outsider=404, expert=404)
API_NO_GET = answers(405, 405, 405)
TO_RESULTS = Redirect("/guidance/tenders/{tender_pk}/results/")
TO_RESULTS_UNTIL_ALL_SUBMITTED = answers(TO_LOGIN, TO_RESULTS, TO_RESULTS, outsider=404, expert=404)

PAGES: dict[str, dict[str, Answer]] = {
    # The project's own pages.
    "home": PUBLIC,
    "health": PUBLIC,
    "set_language": answers(TO_HOME, TO_HOME, TO_HOME),  # switches on POST only
    "accounts:profile": SIGNED_IN,
    "accounts:api_token_create": SIGNED_IN_POST_ONLY,
    "accounts:api_token_revoke": SIGNED_IN_POST_ONLY,
    "accounts:personal_data": SIGNED_IN,
    "accounts:erasure_request": SIGNED_IN_POST_ONLY,
    "accounts:invitations": answers(TO_LOGIN, 403, OK, coordinator=OK),
    "accounts:invitation_withdraw": SIGNED_IN_POST_ONLY,
    "accounts:accept_invitation": PUBLIC,
    "accounts:audit": STAFF_ONLY,
    "accounts:erasure_requests": ADMINISTRATORS_ONLY,
    "accounts:erasure_execute": answers(TO_LOGIN, 403, 405, trainer=403),
    "notifications:list": SIGNED_IN,
    "notifications:open": answers(TO_LOGIN, 404, 404, participant=Redirect("/projects/")),
    "notifications:read": SIGNED_IN_POST_ONLY,
    "notifications:read_all": SIGNED_IN_POST_ONLY,
    "notifications:preferences": SIGNED_IN,
    "home:start_here_dismiss": SIGNED_IN_POST_ONLY,
    "home:start_here_show": SIGNED_IN_POST_ONLY,
    "members:list": PUBLIC,
    "members:detail": PUBLIC,
    "members:import": STAFF_ONLY,
    "members:imports": STAFF_ONLY,
    "members:import_detail": STAFF_ONLY,
    # Governance: staff read, administrators change.
    "governance:bodies": STAFF_ONLY,
    "governance:body_detail": STAFF_ONLY,
    "governance:body_edit": ADMINISTRATORS_ONLY,
    "governance:mandate_create": ADMINISTRATORS_ONLY,
    "governance:meeting_create": ADMINISTRATORS_ONLY,
    "governance:mandate_edit": ADMINISTRATORS_ONLY,
    "governance:mandate_end": ADMINISTRATORS_ONLY,
    "governance:mandate_seat": ADMINISTRATORS_POST_ONLY,
    "governance:meetings": STAFF_ONLY,
    "governance:meeting_detail": STAFF_ONLY,
    "governance:attendance": ADMINISTRATORS_ONLY,
    "governance:election_results": STAFF_ONLY,
    "governance:election_results_edit": ADMINISTRATORS_ONLY,
    # Fees: administrators only, but a coordinator reads their own organisation's invoices.
    "fees:index": ADMINISTRATORS_ONLY,
    "fees:tariff_create": ADMINISTRATORS_ONLY,
    "fees:tariff_detail": ADMINISTRATORS_ONLY,
    "fees:tariff_edit": ADMINISTRATORS_ONLY,
    "fees:rule_edit": ADMINISTRATORS_ONLY,
    "fees:tariff_preview": ADMINISTRATORS_ONLY,
    "fees:tariff_adopt": ADMINISTRATORS_POST_ONLY,
    "fees:tariff_copy": ADMINISTRATORS_POST_ONLY,
    "fees:tariff_delete": ADMINISTRATORS_POST_ONLY,
    "fees:run_create": ADMINISTRATORS_POST_ONLY,
    "fees:run_detail": ADMINISTRATORS_ONLY,
    "fees:run_issue": ADMINISTRATORS_POST_ONLY,
    "fees:run_delete": ADMINISTRATORS_POST_ONLY,
    "fees:invoice_list": ADMINISTRATORS_ONLY,
    "fees:invoice_export": ADMINISTRATORS_ONLY,
    "fees:invoice_detail": ADMINISTRATORS_ONLY,
    "fees:invoice_pdf": answers(TO_LOGIN, 404, OK, trainer=404, coordinator=OK),  # Geel's
    "fees:invoice_credit": ADMINISTRATORS_POST_ONLY,
    "fees:member_invoices": SIGNED_IN,  # lists only the coordinator's organisation's
    "fees:bank_imports": ADMINISTRATORS_ONLY,
    "fees:bank_import": ADMINISTRATORS_ONLY,
    "fees:bank_import_detail": ADMINISTRATORS_ONLY,
    "fees:invoice_ubl": answers(TO_LOGIN, 404, OK, trainer=404, coordinator=OK),  # Geel's
    "fees:invoice_hold": ADMINISTRATORS_POST_ONLY,
    "fees:charge_list": ADMINISTRATORS_ONLY,
    "fees:charges_run": ADMINISTRATORS_POST_ONLY,
    "fees:payments_follow_up": ADMINISTRATORS_ONLY,
    "fees:match_line": ADMINISTRATORS_POST_ONLY,
    "fees:refund_line": ADMINISTRATORS_POST_ONLY,
    "fees:unmatch_payment": ADMINISTRATORS_POST_ONLY,
    "fees:billing_settings": ADMINISTRATORS_ONLY,
    "fees:accounting": ADMINISTRATORS_ONLY,
    "fees:accounting_export": answers(TO_LOGIN, 403, 400, trainer=403),  # asks for a period
    # The API: the registry is public, people only for their organisation and staff.
    "api-v1:api-root": answers(404, 404, 404),
    "api-v1:openapi-json": PUBLIC,
    "api-v1:openapi-view": PUBLIC,
    "api-v1:list_organisations": PUBLIC,
    "api-v1:get_organisation": PUBLIC,
    "api-v1:list_people": answers(401, OK, OK, outsider=404, expert=404),  # Geel's people
    "api-v1:me": answers(401, OK, OK),
    "api-v1:list_invoices": answers(401, OK, OK),  # each sees only the invoices they may
    "api-v1:list_charges": answers(401, OK, OK),  # each sees only the charges they may
    "api-v1:invoice_ubl_xml": answers(401, 404, OK, trainer=404, coordinator=OK),  # Geel's
    "api-v1:list_editions": PUBLIC,
    "api-v1:create_enrolment": answers(405, 405, 405),  # POST only
    "api-v1:delete_enrolment": answers(405, 405, 405),  # DELETE only
    "api-v1:list_enrolments": answers(401, OK, OK),  # each their own
    # The academy's catalogue: public, but the calendar page and staff overview.
    "academy:catalogue": PUBLIC,
    "academy:edition": PUBLIC,
    "academy:edition_ical": PUBLIC,
    "academy:calendar_feed": SIGNED_IN,
    "academy:calendar_feed_reset": SIGNED_IN_POST_ONLY,
    "academy:calendar_feed_ics": PUBLIC,  # the participant's secret token
    "academy:staff_editions": STAFF_ONLY,
    # The academy's enrolment (the participant holds a seat in the upcoming edition).
    "academy:enrol": SIGNED_IN_POST_ONLY,
    "academy:cancel": SIGNED_IN_POST_ONLY,
    "academy:my_enrolments": SIGNED_IN,
    "academy:enrol_colleagues": answers(TO_LOGIN, 403, 403, coordinator=OK),
    "academy:participants": STAFF_ONLY,
    # The academy's attendance, feedback and certificates (the participant's, in a past edition).
    "academy:attendance": STAFF_ONLY,
    "academy:attendance_export": STAFF_ONLY,
    "academy:feedback": answers(TO_LOGIN, 404, 404, participant=OK),  # confirmed participants
    "academy:feedback_results": STAFF_ONLY,
    "academy:my_certificates": SIGNED_IN,
    "academy:certificate_pdf": answers(TO_LOGIN, 404, OK, participant=OK, coordinator=OK),
    "academy:verify": PUBLIC,
    "academy:issue_certificates": STAFF_ONLY,
    "academy:badge_issuer": PUBLIC,
    "academy:badge_class": PUBLIC,
    "academy:badge_assertion": PUBLIC,
    "academy:badge_png": PUBLIC,  # the baked badge image, public like its assertion
    # The academy's workshop mode, learning path and reports (Geel's team has the participant).
    "academy:workshop_cases": STAFF_ONLY,
    "academy:workshop": STAFF_ONLY,
    "academy:cohorts": SIGNED_IN,  # lists only the cohorts one coaches (staff: all)
    "academy:cohort": answers(TO_LOGIN, 404, OK),
    "academy:assign_reviews": SIGNED_IN_POST_ONLY,
    "academy:team": answers(TO_LOGIN, OK, OK, outsider=404, expert=404),
    "academy:team_progress": SIGNED_IN_POST_ONLY,
    "academy:review": answers(TO_LOGIN, OK, OK, expert=404),  # Geel's review of Lennik's team
    "academy:re_review": SIGNED_IN_POST_ONLY,
    "academy:reports": STAFF_ONLY,
    "academy:reports_export": STAFF_ONLY,
    # The method library: everyone reads it, staff write it.
    "method:library": PUBLIC,
    "method:technique": PUBLIC,
    "method:technique_create": STAFF_ONLY,
    "method:technique_edit": STAFF_ONLY,
    "method:phases": STAFF_ONLY,
    "method:phase_rename": answers(TO_LOGIN, 403, 405),
    "method:phase_move": answers(TO_LOGIN, 403, 405),
    "method:phase_delete": answers(TO_LOGIN, 403, 405),
    # Projects (Geel's, the participant leads it).
    "projects:list": SIGNED_IN,  # lists only the projects one may see
    "projects:create": answers(TO_LOGIN, OK, 403, expert=403),
    "projects:detail": PROJECT_READ,
    "projects:edit": PROJECT_WRITE,
    "projects:set_phase": PROJECT_POST_ONLY,
    "projects:canvas_create": PROJECT_POST_ONLY,
    "projects:team": PROJECT_READ,
    "projects:member_add": PROJECT_POST_ONLY,
    "projects:expert_invite": PROJECT_POST_ONLY,
    "projects:member_remove": PROJECT_POST_ONLY,
    "projects:plan": PROJECT_READ,
    "projects:plan_done": PROJECT_POST_ONLY,
    "projects:plan_remove": PROJECT_POST_ONLY,
    "projects:decisions": PROJECT_READ,
    # The canvas editor (the project's journey, its stakeholder map's relation).
    "canvases:canvas": PROJECT_READ,
    "canvases:board": PROJECT_READ,
    "canvases:settings": PROJECT_WRITE,
    "canvases:delete": CANVAS_POST_ONLY,
    "canvases:portrait": CANVAS_POST_ONLY,
    "canvases:card_new": PROJECT_WRITE,  # asked with ?lane=&step= of the journey
    "canvases:relation_add": CANVAS_POST_ONLY,
    "canvases:stage_add": CANVAS_POST_ONLY,
    "canvases:lane_add": CANVAS_POST_ONLY,
    # A card is an htmx fragment; a plain GET goes to it on the board, for all who read it.
    "canvases:card": answers(
        TO_LOGIN, TO_CARD_ON_BOARD, TO_CARD_ON_BOARD, outsider=404, expert=404
    ),
    "canvases:card_edit": PROJECT_WRITE,
    "canvases:card_move": CANVAS_POST_ONLY,
    "canvases:card_delete": CANVAS_POST_ONLY,
    "canvases:card_evidence": CANVAS_POST_ONLY,
    "canvases:link_delete": CANVAS_POST_ONLY,
    "canvases:part_edit": PROJECT_WRITE,
    "canvases:part_move": CANVAS_POST_ONLY,
    "canvases:part_delete": CANVAS_POST_ONLY,
    "canvases:step_add": CANVAS_POST_ONLY,
    # The canvas's exports, versions and share links.
    "canvases:export_pdf": PROJECT_READ,
    "canvases:export_png": PROJECT_READ,
    "canvases:export_svg": PROJECT_READ,
    "canvases:export_csv": PROJECT_READ,
    "canvases:export_json": PROJECT_READ,
    "canvases:import": PROJECT_WRITE,
    "canvases:versions": PROJECT_READ,
    "canvases:compare": PROJECT_READ,
    "canvases:version": PROJECT_READ,
    "canvases:restore": PROJECT_WRITE,  # asks to confirm; restores on POST only
    "canvases:copy": PROJECT_READ,
    "canvases:share": PROJECT_WRITE,
    "canvases:share_revoke": answers(TO_LOGIN, 405, 403, outsider=404, expert=404),
    "shared:view": PUBLIC,  # the link's secret token
    # The API's method library, projects and canvases.
    "api-v1:list_techniques": PUBLIC,
    "api-v1:list_projects": answers(401, OK, OK),  # each the projects they may see
    "api-v1:create_project": answers(401, OK, OK),
    "api-v1:get_project": API_PROJECT,
    "api-v1:change_project": API_PROJECT,
    "api-v1:list_canvases": API_PROJECT,
    "api-v1:create_canvas": API_PROJECT,
    "api-v1:get_canvas": API_PROJECT,
    "api-v1:change_canvas": API_PROJECT,
    "api-v1:delete_canvas": API_PROJECT,
    "api-v1:add_card": API_NO_GET,
    "api-v1:change_card": API_NO_GET,
    "api-v1:delete_card": API_NO_GET,
    "api-v1:move_card": API_NO_GET,
    "api-v1:add_stage": API_NO_GET,
    "api-v1:add_step": API_NO_GET,
    "api-v1:add_lane": API_NO_GET,
    "api-v1:rename_stage": API_NO_GET,
    "api-v1:delete_stage": API_NO_GET,
    "api-v1:rename_step": API_NO_GET,
    "api-v1:delete_step": API_NO_GET,
    "api-v1:rename_lane": API_NO_GET,
    "api-v1:delete_lane": API_NO_GET,
    "api-v1:move_stage": API_NO_GET,
    "api-v1:move_step": API_NO_GET,
    "api-v1:move_lane": API_NO_GET,
    # Guidance: the tools' rules, staff only.
    "guidance:rules": STAFF_ONLY,
    "guidance:rules_new": answers(TO_LOGIN, 403, 405),
    "guidance:rules_edit": STAFF_ONLY,  # a published version, shown read-only
    "guidance:rules_publish": answers(TO_LOGIN, 403, 405),
    # Guidance on Geel's project: the fit check, the expertise planner and the tender builder.
    "guidance:fit": PROJECT_READ,
    "guidance:fit_result": PROJECT_READ,
    "guidance:fit_pdf": PROJECT_READ,
    "guidance:skills": PROJECT_READ,
    "guidance:expertise": PROJECT_READ,
    "guidance:expertise_plan": PROJECT_READ,
    "guidance:tenders": PROJECT_READ,
    "guidance:tender": PROJECT_READ,
    "guidance:tender_docx": PROJECT_READ,
    "guidance:tender_pdf": PROJECT_READ,
    "guidance:tender_criterion_add": PROJECT_POST_ONLY,
    "guidance:tender_criterion": PROJECT_POST_ONLY,
    "guidance:tender_criterion_remove": PROJECT_POST_ONLY,
    # Bid scoring: the coordinator sits on the jury, another juror has submitted.
    "guidance:bids": PROJECT_READ,
    "guidance:bid_remove": PROJECT_POST_ONLY,
    "guidance:jury": PROJECT_READ,
    "guidance:juror_remove": PROJECT_POST_ONLY,
    "guidance:score": answers(TO_LOGIN, 403, 403, coordinator=OK, outsider=404, expert=404),
    "guidance:results": PROJECT_READ,
    "guidance:report": TO_RESULTS_UNTIL_ALL_SUBMITTED,
    "api-v1:list_tenders": answers(401, OK, OK),  # each the tenders they may see
    # Maturity rounds (Geel's open round with one invitation; a cohort the trainer coaches).
    "guidance:maturity": SIGNED_IN,
    "guidance:maturity_round": answers(TO_LOGIN, OK, OK, outsider=404, expert=404),
    "guidance:maturity_invite": PROJECT_POST_ONLY,  # the round is looked up first
    "guidance:maturity_close": PROJECT_POST_ONLY,
    "guidance:maturity_respond": PUBLIC,  # the respondent's secret token
    "guidance:maturity_cohort": answers(TO_LOGIN, 404, OK),
    # allauth: signing in and out, addresses, passwords.
    "account_login": ANONYMOUS_ONLY,
    "account_signup": ANONYMOUS_ONLY,
    "account_logout": answers(TO_HOME, OK, OK),  # asks to confirm; signs out on POST only
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_request_reauthentication_code": SIGNED_IN,
    "account_confirm_reauthentication_code": answers(
        TO_LOGIN,
        Redirect("account_request_reauthentication_code"),
        Redirect("account_request_reauthentication_code"),
    ),
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,  # confirms on POST only
    "account_change_password": SIGNED_IN,
    "account_set_password": answers(  # everyone here has a password already
        TO_LOGIN, Redirect("account_change_password"), Redirect("account_change_password")
    ),
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": dict.fromkeys(
        ROLES, Redirect("/accounts/password/reset/key/{uidb36}-set-password/")
    ),
    "account_reset_password_from_key_done": PUBLIC,
    # Sign-in by a mailed code: asked for by anyone signed out, confirmed only mid sign-in.
    "account_request_login_code": ANONYMOUS_ONLY,
    "account_confirm_login_code": answers(Redirect("account_request_login_code"), TO_HOME, TO_HOME),
    # allauth: sign-in with an organisation's OpenID Connect provider (chosen by domain).
    "accounts:organisation_sign_in": PUBLIC,
    "socialaccount_login_cancelled": PUBLIC,
    "socialaccount_login_error": answers(401, 401, 401),  # tells that the sign-in failed
    "socialaccount_signup": answers(TO_LOGIN, TO_LOGIN, TO_LOGIN),  # only mid sign-in
    "socialaccount_connections": SIGNED_IN,
    "openid_connect_login": PUBLIC,  # asks to confirm; leaves for the provider on POST only
    "openid_connect_callback": answers(401, 401, 401),  # without the provider's answer
    # allauth: second factors. Only the superuser has a TOTP authenticator in this walk.
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": answers(TO_LOGIN, TO_HOME, TO_HOME),  # only mid sign-in
    "mfa_reauthenticate": answers(TO_LOGIN, TO_REAUTHENTICATE, TO_REAUTHENTICATE, superuser=OK),
    "mfa_activate_totp": answers(TO_LOGIN, TO_REAUTHENTICATE, TO_REAUTHENTICATE),
    "mfa_deactivate_totp": answers(TO_LOGIN, 404, 404, superuser=TO_REAUTHENTICATE),
    "mfa_view_recovery_codes": answers(TO_LOGIN, 404, 404),
    "mfa_generate_recovery_codes": answers(TO_LOGIN, TO_REAUTHENTICATE, TO_REAUTHENTICATE),
    "mfa_download_recovery_codes": answers(TO_LOGIN, 404, 404),
}
PAGES |= knowledge_part.PAGES | members_academy_part.PAGES

# Django's admin: everyone but the superuser is sent to the admin's sign-in page; these are
# what the superuser gets.
ADMIN_SITE_PAGES: dict[str, Answer] = {
    "admin:index": OK,
    "admin:login": Redirect("admin:index"),
    "admin:logout": 405,  # POST only
    "admin:password_change": OK,
    "admin:password_change_done": OK,
    "admin:autocomplete": 403,  # without the field it completes for
    "admin:jsi18n": OK,
    "admin:view_on_site": 404,  # organisations have no public URL of their own
    "admin:app_list": OK,
    "admin:auth_user_password_change": OK,
}
ADMIN_MODEL_PAGES = {"changelist", "add", "history", "delete", "change"}
ADMIN_MODEL_PAGE_EXCEPTIONS: dict[tuple[str, str], Answer] = {
    # The audit trail cannot be written or deleted, not even by a superuser.
    ("auditlog_logentry", "add"): 403,
    ("auditlog_logentry", "delete"): 403,
    # Issued fee runs, invoices and bank imports are evidence: shown, never added or deleted.
    ("fees_feerun", "add"): 403,
    ("fees_feerun", "delete"): 403,
    ("fees_invoice", "add"): 403,
    ("fees_invoice", "delete"): 403,
    ("fees_bankimport", "add"): 403,
    ("fees_bankimport", "delete"): 403,
    # Projects are changed through the site, whose services keep the rules: never added here.
    ("projects_project", "add"): 403,
    ("projects_projectmember", "add"): 403,
    # Guidance is added through the site; published rules and the jury's record stay.
    **{
        (f"guidance_{model}", "add"): 403
        for model in (
            "ruleset",
            "fitcheck",
            "skillassessment",
            "expertiseplan",
            "tender",
            "criterion",
            "bid",
            "tenderjuror",
            "score",
            "jurorsubmission",
            "maturityround",
            "maturityresponse",
        )
    },
    **{
        (f"guidance_{model}", "delete"): 403
        for model in ("ruleset", "criterion", "bid", "tenderjuror", "score", "jurorsubmission")
    },
}


def admin_answer_for_superuser(route: str, name: str) -> Answer | None:
    if name in ADMIN_SITE_PAGES:
        return ADMIN_SITE_PAGES[name]
    if name == "admin:" and route.endswith("/<path:object_id>/"):
        return Redirect("{request_path}change/")
    if name == "admin:" and route.endswith("(?P<url>.*)$"):
        return 404
    model, _, page = name.removeprefix("admin:").rpartition("_")
    if page not in ADMIN_MODEL_PAGES:
        return None
    return ADMIN_MODEL_PAGE_EXCEPTIONS.get((model, page), OK)


# allauth's deprecated /accounts/social/… addresses, unnamed: a permanent redirect each.
UNNAMED_PAGES: dict[str, dict[str, Answer]] = dict.fromkeys(
    (
        "accounts/social/login/cancelled/",
        "accounts/social/login/error/",
        "accounts/social/signup/",
        "accounts/social/connections/",
    ),
    answers(301, 301, 301),
)


def expected_answers(route: str, name: str) -> dict[str, Answer] | None:
    if name in PAGES:
        return PAGES[name]
    if not name and route in UNNAMED_PAGES:
        return UNNAMED_PAGES[route]
    if not name.startswith("admin:"):
        return None
    superuser = admin_answer_for_superuser(route, name)
    if superuser is None:
        return None
    table = dict.fromkeys(ROLES, TO_ADMIN_LOGIN) | {"superuser": superuser}
    others = [role for role in ROLES if role != "superuser"]
    if name == "admin:login":
        # One sign-in door: allauth's, with its throttle and second factor; people signed in
        # without the admin's staff flag are refused.
        table |= dict.fromkeys(others, 403) | {"anonymous": TO_LOGIN}
    if name == "admin:logout":
        table |= dict.fromkeys(others, Redirect("admin:index"))
    return table


def url_patterns(
    patterns=None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    """(route, namespaced name, pattern) for every pattern; unnamed ones as "namespace:"."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, route, inner)
        elif namespace:
            yield route, f"{namespace}:{pattern.name or ''}", pattern
        else:
            yield route, pattern.name or "", pattern


PARAMETER = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:\w+:)?(\w+)>")


def fill(route: str, value_for: Callable[[str], str]) -> str:
    """The route as a path, its parameters filled in (regex routes lose their anchors)."""
    path = PARAMETER.sub(lambda match: value_for(match.group(1) or match.group(2)), route)
    return "/" + path.replace("^", "").replace("$", "")


@dataclass
class World:
    """Real objects to fill path parameters with, plus the people to sign in as; a page that
    needs a query string to show anything (a form for a given place) is asked with it."""

    people: dict[str, User]
    by_url_name: dict[tuple[str, str], Any]
    by_parameter: dict[str, Any]
    query_strings: dict[str, str] = field(default_factory=dict)

    def values_for(self, route: str, name: str) -> dict[str, str]:
        found: dict[str, str] = {}

        def value_for(parameter: str) -> str:
            found[parameter] = self._value(route, name, parameter)
            return found[parameter]

        request_path = fill(route, value_for)
        # Values the page's name has beyond its path's, for the redirect it answers with.
        extra = {p: str(v) for (n, p), v in self.by_url_name.items() if n == name}
        return {**extra, **found, "request_path": request_path}

    def _value(self, route: str, name: str, parameter: str) -> str:
        if (name, parameter) in self.by_url_name:
            return str(self.by_url_name[name, parameter])
        if parameter in self.by_parameter:
            return str(self.by_parameter[parameter])
        admin_object = re.match(r"admin/(\w+)/(\w+)/<", route)
        if parameter in ("object_id", "id") and admin_object:
            model = apps.get_model(admin_object[1], admin_object[2])
            instance = model._default_manager.order_by("pk").first()
            assert instance, f"the walk needs a {model.__name__} to fill {route}"
            return str(instance.pk)
        raise AssertionError(f"the walk has no value for <{parameter}> in {route} ({name})")


@pytest.fixture
def world(
    geel, lennik, participant, outsider, coordinator, expert, trainer, administrator
) -> World:
    cache.clear()  # no rate limit counted by an earlier test
    superuser = User.objects.create_superuser("root@example.org", "root-password-long-enough")
    EmailAddress.objects.create(user=superuser, email=superuser.email, verified=True, primary=True)
    TOTP.activate(superuser, generate_totp_secret())
    newcomer = User.objects.create_user("newcomer@example.org", "newcomer-password-long")
    unverified = EmailAddress.objects.create(user=newcomer, email=newcomer.email, primary=True)
    population_import = PopulationImport.objects.create(
        file_name="population.xlsx",
        reference_date=datetime.date(2024, 1, 1),
        status=PopulationImport.Status.APPLIED,
        created_by=trainer,
    )
    invitation = Invitation.objects.create(
        email="new@geel.example.org",
        role=Role.PARTICIPANT,
        organisation=geel,
        invited_by=coordinator,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    erasure_request = ErasureRequest.objects.create(user=outsider)
    token, _secret = create_api_token(user=participant, name="budget dashboard")
    social_app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id="geel-sso",
        name="Stad Geel",
        client_id="atelier",
        secret="secret",
        settings={"server_url": "http://127.0.0.1:9/"},
    )
    OrganisationSignIn.objects.create(domain="geel.example.org", provider_id="geel-sso")
    social_account = SocialAccount.objects.create(user=coordinator, provider="geel-sso", uid="sara")
    SocialToken.objects.create(app=social_app, account=social_account, token="t")
    notification = notify(
        recipient=participant, kind=Kind.INVITED, key="walk", url="/projects/", params={}
    )
    Group.objects.create(name="Editors")
    Succession.objects.create(
        predecessor=lennik, successor=geel, effective_date=datetime.date(2025, 1, 1)
    )
    with set_actor(administrator):
        geel.postal_code = "2440"
        geel.save()
    governance = make_governance(geel)
    fees = make_fees(administrator)
    academy = make_academy_admin_objects(trainer, participant)
    attendance = make_academy_attendance(academy.edition, trainer, participant)
    learning_path = make_academy_workshop(trainer, geel, lennik, participant, outsider)
    enrolment = make_academy_enrolment(academy.edition, participant)
    work = make_project_work(participant)
    guidance = make_guidance(
        work.project, participant, coordinator, learning_path.review.milestone.cohort
    )
    people = {
        "participant": participant,
        "outsider": outsider,
        "coordinator": coordinator,
        "expert": expert,
        "trainer": trainer,
        "administrator": administrator,
        "superuser": superuser,
    }
    by_url_name = {
        ("accounts:api_token_revoke", "pk"): token.pk,
        ("openid_connect_login", "provider_id"): social_app.provider_id,
        ("openid_connect_callback", "provider_id"): social_app.provider_id,
        ("notifications:open", "pk"): notification.pk,  # type: ignore[union-attr]
        ("notifications:read", "pk"): notification.pk,  # type: ignore[union-attr]
        ("accounts:invitation_withdraw", "pk"): invitation.pk,
        ("accounts:erasure_execute", "pk"): erasure_request.pk,
        ("members:detail", "pk"): geel.pk,
        ("members:import_detail", "pk"): population_import.pk,
        ("account_confirm_email", "key"): EmailConfirmationHMAC(unverified).key,
        # Someone who never signs in during the walk: a sign-in would void the key.
        ("account_reset_password_from_key", "key"): default_token_generator.make_token(newcomer),
        ("admin:view_on_site", "object_id"): geel.pk,
        ("fees:tariff_detail", "pk"): fees.tariff.pk,
        ("fees:tariff_edit", "pk"): fees.tariff.pk,
        ("fees:rule_edit", "pk"): fees.tariff.pk,
        ("fees:rule_edit", "rule_pk"): fees.tariff.rules.get(organisation_type="municipality").pk,
        ("fees:tariff_preview", "pk"): fees.tariff.pk,
        ("fees:tariff_adopt", "pk"): fees.tariff.pk,
        ("fees:tariff_copy", "pk"): fees.tariff.pk,
        ("fees:tariff_delete", "pk"): fees.tariff.pk,
        ("fees:run_create", "pk"): fees.tariff.pk,
        ("fees:run_detail", "pk"): fees.run.pk,
        ("fees:run_issue", "pk"): fees.run.pk,
        ("fees:run_delete", "pk"): fees.run.pk,
        ("fees:invoice_export", "file_format"): "csv",
        ("fees:invoice_detail", "pk"): fees.invoice.pk,
        ("fees:invoice_pdf", "pk"): fees.invoice.pk,
        ("fees:invoice_credit", "pk"): fees.invoice.pk,
        ("fees:bank_import_detail", "pk"): fees.bank_import.pk,
        ("fees:invoice_ubl", "pk"): fees.invoice.pk,
        ("fees:invoice_hold", "pk"): fees.invoice.pk,
        ("fees:match_line", "pk"): fees.bank_import.lines.get().pk,
        ("fees:refund_line", "pk"): fees.bank_import.lines.get().pk,
        ("fees:unmatch_payment", "pk"): fees.invoice.payments.get().pk,
        ("fees:accounting_export", "file_format"): "csv",
        ("api-v1:invoice_ubl_xml", "invoice_id"): fees.invoice.pk,
        ("academy:edition", "pk"): academy.edition.pk,
        ("academy:edition_ical", "pk"): academy.edition.pk,
        ("academy:enrol", "pk"): academy.edition.pk,
        ("academy:cancel", "pk"): enrolment.pk,
        ("api-v1:create_enrolment", "edition_id"): academy.edition.pk,
        ("api-v1:delete_enrolment", "enrolment_id"): enrolment.pk,
        ("academy:enrol_colleagues", "pk"): academy.edition.pk,
        ("academy:participants", "pk"): academy.edition.pk,
        ("academy:calendar_feed_ics", "token"): academy.feed.token,
        ("academy:attendance", "pk"): attendance.session.pk,
        ("academy:attendance_export", "pk"): attendance.edition.pk,
        ("academy:attendance_export", "extension"): "xlsx",
        ("academy:feedback", "pk"): attendance.session.pk,
        ("academy:feedback_results", "pk"): attendance.edition.pk,
        ("academy:certificate_pdf", "code"): attendance.certificate.code,
        ("academy:verify", "code"): attendance.certificate.code,
        ("academy:issue_certificates", "pk"): attendance.edition.pk,
        ("academy:badge_class", "number"): 1,
        ("academy:badge_class", "language"): "en",
        ("academy:badge_assertion", "uid"): attendance.badge.uid,
        ("academy:badge_png", "uid"): attendance.badge.uid,
        ("academy:workshop", "slug"): learning_path.case.slug,
        ("academy:cohort", "pk"): learning_path.review.milestone.cohort_id,
        ("academy:assign_reviews", "pk"): learning_path.review.milestone_id,
        ("academy:team", "pk"): learning_path.review.reviewer_id,
        ("academy:team_progress", "pk"): learning_path.review.reviewer_id,
        ("academy:team_progress", "milestone_pk"): learning_path.review.milestone_id,
        ("academy:review", "pk"): learning_path.review.pk,
        ("academy:re_review", "pk"): learning_path.review.pk,
        ("academy:reports_export", "file_format"): "xlsx",
        ("governance:body_detail", "pk"): governance.body.pk,
        ("governance:body_edit", "pk"): governance.body.pk,
        ("governance:mandate_create", "pk"): governance.body.pk,
        ("governance:meeting_create", "pk"): governance.body.pk,
        ("governance:mandate_edit", "pk"): governance.seated.pk,
        ("governance:mandate_end", "pk"): governance.seated.pk,
        ("governance:mandate_seat", "pk"): governance.reserve.pk,
        ("governance:meeting_detail", "pk"): governance.meeting.pk,
        ("governance:attendance", "pk"): governance.meeting.pk,
        ("governance:election_results", "pk"): governance.term.pk,
        ("governance:election_results_edit", "pk"): governance.term.pk,
        **project_values(work),
        **guidance_values(guidance, work.project),
        **knowledge_part.values(people, geel, lennik),
        **members_academy_part.values(people, geel, lennik),
    }
    by_parameter = {
        "organisation_id": geel.pk,
        "token": invitation.token,
        "uidb36": user_pk_to_url_str(newcomer),
        "content_type_id": ContentType.objects.get_for_model(Organisation).pk,
        "app_label": "members",
        "url": "no-such-page/",
        **api_values(work),
    }
    card = work.card
    query_strings = {"canvases:card_new": f"?lane={card.lane_id}&step={card.step_id}"}
    return World(people, by_url_name, by_parameter, query_strings)


def project_values(work: "ProjectWork") -> dict[tuple[str, str], Any]:
    """The path values of the method, project and canvas pages: <pk> is the project's on a
    project page, the journey's on a canvas page, and the part's on a part page."""
    card = work.card
    assert card.step is not None
    values: dict[tuple[str, str], Any] = {
        (name, "pk"): work.project.pk if name.startswith("projects:") else work.journey.pk
        for _route, name, _pattern in url_patterns()
        if name.startswith(("projects:", "canvases:"))
    }
    parts = {"stage": card.step.stage_id, "step": card.step_id, "lane": work.lane.pk}
    for name, kind in [
        ("part_edit", "stage"),
        ("part_move", "step"),
        ("part_delete", "lane"),
        ("step_add", "stage"),
    ]:
        values[f"canvases:{name}", "kind"] = kind
        values[f"canvases:{name}", "pk"] = parts[kind]
    for action in ("rename", "move", "delete"):
        values[f"method:phase_{action}", "slug"] = "explore"
    return values | {
        ("method:technique", "slug"): "personas",
        ("method:technique_edit", "slug"): "personas",
        ("projects:member_remove", "member_pk"): work.lead.pk,
        ("projects:plan_done", "planned_pk"): work.planned.pk,
        ("projects:plan_remove", "planned_pk"): work.planned.pk,
        ("canvases:card", "canvas_pk"): work.journey.pk,
        ("canvases:link_delete", "link_pk"): work.link.pk,
        ("canvases:share_revoke", "link_pk"): work.share_link.pk,
        ("shared:view", "token"): work.share_link.token,
    }


def api_values(work: "ProjectWork") -> dict[str, Any]:
    """The API's path values, and the canvas pages' that name one kind of object."""
    card = work.card
    assert card.step is not None
    return {
        "project_id": work.project.pk,
        "project_pk": work.project.pk,
        "canvas_id": work.journey.pk,
        "card_id": card.pk,
        "card_pk": card.pk,
        "stage_id": card.step.stage_id,
        "step_id": card.step_id,
        "lane_id": work.lane.pk,
        "snapshot_pk": work.snapshot.pk,
    }


@dataclass
class Governance:
    term: Term
    body: Body
    seated: Mandate
    reserve: Mandate
    meeting: Meeting


def make_governance(organisation: Organisation) -> Governance:
    """One of every governance model: a term with a result, a body, two mandates, a meeting."""
    term = Term.objects.create(
        name="2025–2030", starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2030, 12, 31)
    )
    party = Party.objects.create(name="Lijst Horizon", abbreviation="HOR")
    ElectionResult.objects.create(term=term, party=party, votes=1000)
    body = Body.objects.create(
        name_nl="Raad van bestuur", name_en="Board", kind=BodyKind.BOARD, term=term, seats=3
    )
    statuses: list[tuple[str, dict[str, Any]]] = [
        ("Els", {"status": MandateStatus.SEATED}),
        ("Mira", {"status": MandateStatus.RESERVE, "reserve_rank": 1}),
    ]
    mandates = [
        Mandate.objects.create(
            body=body,
            representative=Representative.objects.create(
                first_name=first_name, last_name="Jacobs", gender=Gender.FEMALE
            ),
            organisation=organisation,
            party=party,
            role=MandateRole.MEMBER,
            starts_on=term.starts_on,
            **status,
        )
        for first_name, status in statuses
    ]
    meeting = Meeting.objects.create(body=body, held_on=datetime.date(2025, 6, 20), title="Juni")
    Attendance.objects.create(meeting=meeting, mandate=mandates[0], status="present")
    return Governance(term, body, mandates[0], mandates[1], meeting)


@dataclass
class Fees:
    tariff: Tariff
    run: FeeRun
    invoice: Invoice
    bank_import: BankImport


def make_fees(administrator: User) -> Fees:
    """An adopted 2026 tariff, its issued run, Geel's invoice and a statement that pays it."""
    tariff = make_adopted_tariff(by=administrator)
    run = make_issued_run(tariff=tariff, by=administrator)
    invoice = Invoice.objects.get(recipient_name="Geel")
    invoice.organisation.company_number = "0209990152"  # so that its e-invoice can be made
    invoice.organisation.save()
    statement = f"datum;bedrag;tegenpartij;mededeling\n27/01/2026;{invoice.amount};Geel;"
    bank_import = import_bank_statement(
        content=(statement + invoice.formatted_reference + "\n").encode(),
        file_name="uittreksel.csv",
        by=administrator,
    )
    return Fees(tariff, run, invoice, bank_import)


@dataclass
class AcademyAdminObjects:
    edition: Edition
    feed: CalendarFeed


def make_academy_admin_objects(trainer: User, participant: User) -> AcademyAdminObjects:
    """One of every model in the academy's admin (levels, questions, criteria are seeded),
    a published edition with a session, and the participant's calendar feed."""
    course = Course.objects.create(
        level=Level.objects.get(number=2), title_nl="Service design in één dag", summary_nl="…"
    )
    venue = Venue.objects.create(name="Stadhuis", street="Markt 1", postal_code="2440", city="Geel")
    start = timezone.now() + datetime.timedelta(days=30)
    edition = Edition.objects.create(
        course=course,
        language="nl",
        status=Edition.Status.PUBLISHED,
        capacity=20,
        registration_deadline=start - datetime.timedelta(days=2),
    )
    AcademySession.objects.create(
        edition=edition,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=7),
        venue=venue,
        trainer=trainer,
    )
    refresh_edition_schedule(edition=edition)
    assert FeedbackQuestion.objects.exists() and ReviewCriterion.objects.exists()
    WorkshopCase.objects.create(slug="geel", title_nl="Eén sociaal huis", authority="Geel")
    Cohort.objects.create(
        name="Leertraject 2026",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        coach=trainer,
        edition=edition,
    )
    feed = calendar_feed_of(person=participant)
    return AcademyAdminObjects(edition, feed)


@dataclass
class AcademyAttendance:
    edition: Edition
    session: AcademySession
    certificate: Certificate
    badge: BadgeAssertion


def make_academy_enrolment(edition: Edition, participant: User) -> Enrolment:
    """The participant's seat in the upcoming edition (written directly, no e-mail)."""
    enrolment = Enrolment.objects.create(
        edition=edition,
        person=participant,
        organisation=participant.organisation,
        status=Enrolment.Status.CONFIRMED,
        enrolled_by=participant,
    )
    edition.confirmed_count += 1
    edition.save(update_fields=["confirmed_count"])
    return enrolment


def make_academy_attendance(
    upcoming: Edition, trainer: User, participant: User
) -> AcademyAttendance:
    """A past edition of the same course: the participant attended and holds a certificate."""
    start = timezone.now() - datetime.timedelta(days=10)
    edition = Edition.objects.create(
        course=upcoming.course,
        language="nl",
        status=Edition.Status.PUBLISHED,
        capacity=20,
        registration_deadline=start - datetime.timedelta(days=2),
    )
    session = AcademySession.objects.create(
        edition=edition,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=7),
        venue=upcoming.sessions.get().venue,
        trainer=trainer,
    )
    enrolment = Enrolment.objects.create(
        edition=edition,
        person=participant,
        organisation=participant.organisation,
        status=Enrolment.Status.CONFIRMED,
    )
    record_attendance(session=session, statuses={enrolment.pk: "present"}, by=trainer)
    (certificate,) = issue_certificates(edition=edition, by=trainer)
    return AcademyAttendance(edition, session, certificate, BadgeAssertion.objects.get())


@dataclass
class AcademyWorkshop:
    case: WorkshopCase
    review: PeerReview


def make_academy_workshop(
    coach: User, geel: Organisation, lennik: Organisation, participant: User, outsider: User
) -> AcademyWorkshop:
    """A workshop case, a cohort with Geel's and Lennik's teams, and Geel's submitted review."""
    case = WorkshopCase.objects.create(slug="walk-case", title_nl="Walk", authority="Geel")
    CaseSlide.objects.create(case=case, position=1, stage="problem", heading_nl="Eén", body_nl="…")
    cohort = Cohort.objects.create(
        name="Leertraject walk",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        coach=coach,
    )
    geel_team = Team.objects.create(cohort=cohort, organisation=geel, challenge="Eén loket")
    geel_team.members.add(participant)
    lennik_team = Team.objects.create(cohort=cohort, organisation=lennik, challenge="Loket")
    lennik_team.members.add(outsider)
    milestone = Milestone.objects.create(
        cohort=cohort,
        title="Onderzoek",
        phase=1,
        due_on=datetime.date(2026, 4, 1),
        peer_review=True,
    )
    review = PeerReview.objects.create(
        milestone=milestone, reviewer=geel_team, reviewed=lennik_team, submitted_at=timezone.now()
    )
    return AcademyWorkshop(case, review)


@dataclass
class ProjectWork:
    project: Project
    lead: ProjectMember
    planned: PlannedTechnique
    journey: Canvas
    lane: Lane
    card: Card
    link: Link
    snapshot: Snapshot
    share_link: ShareLink


def make_project_work(participant: User) -> ProjectWork:
    """Geel's project led by the participant: a planned technique, a decision, a journey with
    a version and a share link, and a stakeholder map with two related stakeholders."""
    project = open_project(title="Eén sociaal huis", by=participant)
    technique = Technique.objects.get(slug="personas")
    planned = plan_technique(project=project, technique=technique, by=participant)
    record_decision(
        project=project,
        decided_on=datetime.date(2026, 2, 1),
        title="Eén loket",
        rationale="…",
        decided_by="Team",
        phase=technique.phase,
        by=participant,
    )
    journey = make_journey(project, participant, stages=1, steps=2)
    card = Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS).first()
    assert card is not None and card.lane is not None
    snapshot = take_snapshot(canvas=journey, name="Eerste versie", by=participant)
    share_link = create_share_link(
        canvas=journey, label="Raad", expires_at=None, password="", by=participant
    )
    return ProjectWork(
        project,
        project.members.get(user=participant),
        planned,
        journey,
        card.lane,
        card,
        make_relation(project, participant),
        snapshot,
        share_link,
    )


def make_relation(project: Project, by: User) -> Link:
    """A stakeholder map of the project with two stakeholders and a relation between them."""
    stakeholder_map = create_canvas(
        project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Actoren", by=by
    )
    desk, ocmw = (
        add_card(
            canvas=stakeholder_map,
            text=text,
            section="stakeholders",
            fields={"ring": "core"},
            by=by,
        )
        for text in ("Loket", "OCMW")
    )
    return relate(source=desk, target=ocmw, relation="money", by=by)


@dataclass
class Guidance:
    fit_check: FitCheck
    plan: ExpertisePlan
    tender: Tender
    criterion: Criterion
    bid: Bid
    seat: TenderJuror
    submitted: JurorSubmission
    response: MaturityResponse  # in Geel's open round


def make_guidance(
    project: Project, participant: User, coordinator: User, cohort: Cohort
) -> Guidance:
    """One of every guidance model on the project: a fit check, the participant's skills and a
    plan, a tender with a bid, the coordinator's open seat on its jury beside another juror's
    submitted one, and Geel's maturity round in the cohort with one invitation."""
    answers = {q["key"]: q["options"][0]["key"] for q in FIT_CHECK_QUESTIONS["questions"]}
    fit_check = record_fit_check(project=project, answers=answers, by=participant)
    areas = current_rules("expertise").data["areas"]
    levels = {area["key"]: 1 for area in areas}
    save_skills(project=project, person=participant, levels=levels, by=participant)
    plan = make_plan(project=project, by=participant)
    tender = create_tender(
        project=project, plan=plan, title="Ontwerpbureau", language="nl", by=participant
    )
    criterion = tender.criteria.order_by("pk").first()
    assert criterion is not None
    bid = Bid.objects.create(tender=tender, bidder="Alpha Design", price=Decimal("40000"))
    seat = TenderJuror.objects.create(tender=tender, person=coordinator, role="The client")
    submitted = submitted_juror(tender, bid, criterion)
    response = make_maturity_invitation(project.organisation, coordinator, cohort)
    return Guidance(fit_check, plan, tender, criterion, bid, seat, submitted, response)


def make_maturity_invitation(
    organisation: Organisation, coordinator: User, cohort: Cohort
) -> MaturityResponse:
    """The organisation's open maturity round in the cohort, with one invitation."""
    round_ = open_round(
        organisation=organisation,
        name="Voor het leertraject",
        opened_on=datetime.date(2026, 1, 5),
        cohort=cohort,
        by=coordinator,
    )
    (response,) = invite(round=round_, labels=["Diensthoofd burgerzaken"], by=coordinator)
    return response


def submitted_juror(tender: Tender, bid: Bid, criterion: Criterion) -> JurorSubmission:
    """A juror from outside the walk's people who scored the bid and submitted."""
    person = User.objects.create_user("juror@example.org", "juror-password-long-enough")
    juror = TenderJuror.objects.create(tender=tender, person=person, role="Expert")
    Score.objects.create(juror=juror, bid=bid, criterion=criterion, value=7)
    return JurorSubmission.objects.create(juror=juror)


def guidance_values(guidance: Guidance, project: Project) -> dict[tuple[str, str], Any]:
    """The guidance pages' path values: <pk> is the project's on a project's guidance page."""
    tender = guidance.tender
    values: dict[tuple[str, str], Any] = {
        (f"guidance:{name}", "pk"): project.pk for name in ("fit", "skills", "expertise", "tenders")
    }
    for name in ("fit_result", "fit_pdf"):
        values[f"guidance:{name}", "check_pk"] = guidance.fit_check.pk
    for name in ("tender_criterion", "tender_criterion_remove"):
        values[f"guidance:{name}", "criterion_pk"] = guidance.criterion.pk
    for name in ("maturity_round", "maturity_invite", "maturity_close"):
        values[f"guidance:{name}", "round_pk"] = guidance.response.round_id
    rules_pk = current_rules("tender").pk
    return values | {
        ("guidance:rules_new", "kind"): "tender",
        ("guidance:rules_edit", "rules_pk"): rules_pk,
        ("guidance:rules_publish", "rules_pk"): rules_pk,
        ("guidance:expertise_plan", "plan_pk"): guidance.plan.pk,
        ("guidance:bid_remove", "bid_pk"): guidance.bid.pk,
        ("guidance:juror_remove", "juror_pk"): guidance.seat.pk,
        ("guidance:maturity_respond", "token"): guidance.response.token,
        ("guidance:maturity_cohort", "cohort_pk"): guidance.response.round.cohort_id,
        **{
            (name, "tender_pk"): tender.pk
            for route, name, _pattern in url_patterns()
            if "<int:tender_pk>" in route
        },
    }


def unknown_patterns() -> list[str]:
    return [
        f"{route} (name {name!r})"
        for route, name, _pattern in url_patterns()
        if expected_answers(route, name) is None
    ]


def test_every_url_pattern_has_an_expected_answer():
    missing = unknown_patterns()

    assert not missing, "URL patterns without an entry in the walk's table:\n" + "\n".join(missing)


def test_a_pattern_missing_from_the_table_is_named(settings, monkeypatch):
    urlconf = types.ModuleType("url_walk_with_a_new_page")
    urlconf.urlpatterns = [  # type: ignore[attr-defined]
        path("", include("atelier.urls")),
        path("reports/<int:pk>/", lambda request, pk: HttpResponse(), name="new_report"),
    ]
    monkeypatch.setitem(sys.modules, urlconf.__name__, urlconf)
    settings.ROOT_URLCONF = urlconf.__name__

    assert unknown_patterns() == ["reports/<int:pk>/ (name 'new_report')"]


def test_table_names_only_patterns_that_exist():
    names = {name for _route, name, _pattern in url_patterns()}

    assert set(PAGES) - names == set()
    assert set(ADMIN_SITE_PAGES) - names == set()


def describe(answer: Answer, values: dict[str, str]) -> str:
    if isinstance(answer, Redirect):
        return f"302 to {answer.location(values)}"
    return str(answer)


def request_as(role: str, world: World, url: str):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if role != "anonymous":
        client.force_login(world.people[role], backend="django.contrib.auth.backends.ModelBackend")
    return client.get(url)


def reaches(url: str, route: str, pattern: URLPattern) -> bool:
    """Whether the path reaches the pattern. The API's operations on one path (a resource's
    GET, PATCH and DELETE) are one view, resolved under the first one's name; a GET there
    gets the GET operation, whichever name the table gives it under."""
    match = resolve(url)
    if match.func == pattern.callback:
        return True
    return match.route == route and match.app_names == ["ninja"]


@pytest.mark.parametrize("role", ROLES)
def test_url_walk(world, role):
    problems = [f"no entry in the table: {pattern}" for pattern in unknown_patterns()]
    for route, name, pattern in url_patterns():
        table = expected_answers(route, name)
        if table is None:
            continue
        values = world.values_for(route, name)
        url = values["request_path"]
        assert reaches(url, route, pattern), f"{url} does not reach {route}"
        response = request_as(role, world, url + world.query_strings.get(name, ""))
        got: Answer = response.status_code
        if got == 302:
            got = Redirect(response["Location"].split("?")[0])
        expected = describe(table[role], values)
        if describe(got, values) != expected:
            problems.append(f"{url} ({route}): expected {expected}, got {describe(got, values)}")

    assert not problems, f"as {role}:\n" + "\n".join(problems)
