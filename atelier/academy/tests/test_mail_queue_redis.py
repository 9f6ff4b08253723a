"""With TASKS_BACKEND=rq the academy's e-mails wait in Redis until an RQ worker sends them.

Redis is part of the stack (CI runs it): these tests use a database of their own (15 on
127.0.0.1:6379, or TEST_REDIS_URL), emptied before and after each test.
"""

import os
import subprocess
import sys

import django_rq
import pytest
from django.conf import settings as django_settings
from django.core import mail
from django_tasks import TaskResultStatus, task_backends
from django_tasks_rq import Job
from rq import SimpleWorker

from atelier.academy.services.enrolment import enrol
from atelier.academy.services.mail import CONFIRMATION, send_enrolment_mail

from .factories import make_course, make_edition

THROWAWAY_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def rq_queue(settings):
    """The settings that TASKS_BACKEND=rq gives, on the throw-away Redis database."""
    settings.RQ_QUEUES = {"default": {"URL": THROWAWAY_REDIS}}
    settings.RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    queue = django_rq.get_queue("default", job_class=Job)
    queue.connection.flushdb()
    yield queue
    queue.connection.flushdb()


def test_confirmation_waits_in_redis_until_a_worker_sends_it(
    participant, rq_queue, django_capture_on_commit_callbacks
):
    edition = make_edition(course=make_course(title="Dienstverlening ontwerpen"))
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = enrol(edition=edition, person=participant, by=participant)
        assert rq_queue.count == 0  # nothing is queued before the commit

    (job_id,) = rq_queue.job_ids
    job = rq_queue.fetch_job(job_id)
    assert job.func_name == send_enrolment_mail.module_path
    assert list(job.args) == [CONFIRMATION, enrolment.pk]
    assert mail.outbox == []  # queued, not sent

    worker = SimpleWorker([rq_queue], connection=rq_queue.connection, job_class=Job)
    assert worker.work(burst=True)

    (message,) = mail.outbox
    assert message.to == [participant.email]
    assert "Dienstverlening ontwerpen" in message.subject
    assert message.attachments[0][0] == "edition.ics"
    assert rq_queue.count == 0
    result = task_backends["default"].get_result(job_id)
    assert result.status == TaskResultStatus.SUCCESSFUL


def settings_in_a_process(**environment: str) -> list[str]:
    """The task backend, its queue and its check errors as a process with this environment
    sees them (settings are read once, at start-up)."""
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django_tasks import task_backends\n"
        "print(settings.TASKS['default']['BACKEND'],\n"
        "      getattr(settings, 'RQ_QUEUES', {}).get('default', {}).get('URL', '-'),\n"
        "      'django_rq' in settings.INSTALLED_APPS,\n"
        "      list(task_backends['default'].check()))\n"
    )
    inherited = {k: v for k, v in os.environ.items() if k not in {"TASKS_BACKEND", "REDIS_URL"}}
    completed = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        env=inherited | {"DJANGO_SETTINGS_MODULE": "atelier.settings"} | environment,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.split()


def test_tasks_backend_rq_configures_the_queue_and_passes_the_checks():
    assert settings_in_a_process(TASKS_BACKEND="rq", REDIS_URL=THROWAWAY_REDIS) == [
        "django_tasks_rq.RQBackend",
        THROWAWAY_REDIS,
        "True",
        "[]",
    ]


def test_redis_for_the_cache_alone_keeps_the_mails_inline():
    assert settings_in_a_process(REDIS_URL=THROWAWAY_REDIS) == [
        "django_tasks.backends.immediate.ImmediateBackend",
        "-",
        "False",
        "[]",
    ]
