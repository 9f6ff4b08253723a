"""scripts/system-packages decides what to install from what is present; make uses it.

The script runs with a PATH of stubs, so the tests choose what "is installed" and record
what apt-get would have been asked, without installing anything.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-packages"
LIBRARIES = {
    "pango": "libpangoft2-1.0.so.0 (libc6,x86-64) => /usr/lib/libpangoft2-1.0.so.0",
    "harfbuzz": "libharfbuzz-subset.so.0 (libc6,x86-64) => /usr/lib/libharfbuzz-subset.so.0",
}
TOOLS = ("chromedriver", "libreoffice", "msgfmt", "node", "npm", "redis-server")
EVERYTHING_FOR_TESTS = [
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz-subset0",
    "chromium",
    "chromium-driver",
    "libreoffice-writer-nogui",
    "gettext",
    "nodejs",
    "npm",
    "redis-server",
]


class Machine:
    """A PATH of stub programs standing for what a machine has installed."""

    def __init__(self, directory: Path) -> None:
        self.bin = directory / "bin"
        self.bin.mkdir()
        self.apt_log = directory / "apt.log"
        self.chromium = directory / "chromium"
        self.libraries: list[str] = []
        for needed in ("grep", "id"):  # what the script itself runs
            (self.bin / needed).symlink_to(shutil.which(needed) or f"/usr/bin/{needed}")

    def stub(self, name: str, body: str = "exit 0") -> None:
        path = self.bin / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)

    def install_everything(self) -> None:
        for tool in TOOLS:
            self.stub(tool)
        self.stub("chromium")
        shutil.copy(self.bin / "chromium", self.chromium)
        self.libraries = list(LIBRARIES.values())

    def with_apt(self) -> None:
        self.stub("apt-get", f'echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> {self.apt_log}')

    def run(self, *args: str, as_root: str = "no") -> subprocess.CompletedProcess[str]:
        self.stub("ldconfig", "".join(f"echo '{line}'\n" for line in self.libraries))
        environment = {
            "PATH": str(self.bin),
            "CHROMIUM": str(self.chromium),
            "SYSTEM_PACKAGES_AS_ROOT": as_root,
        }
        return subprocess.run(  # noqa: S603 - our own script
            ["/bin/bash", str(SCRIPT), *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )


@pytest.fixture
def machine(tmp_path) -> Machine:
    return Machine(tmp_path)


def planned(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip()
    prefix = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
    assert command.startswith(prefix), command
    return command.removeprefix(prefix).split()


def test_a_complete_machine_needs_nothing_and_says_nothing(machine):
    machine.install_everything()

    assert machine.run("test", "--print").stdout.strip() == "nothing to install"
    quiet = machine.run("test")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_a_bare_machine_needs_every_package_for_the_tests(machine):
    assert planned(machine.run("test", "--print")) == EVERYTHING_FOR_TESTS


def test_serving_needs_only_pango_and_harfbuzz(machine):
    assert planned(machine.run("run", "--print")) == [
        "libpango-1.0-0",
        "libpangoft2-1.0-0",
        "libharfbuzz-subset0",
    ]


def test_only_what_is_missing_is_installed(machine):
    machine.install_everything()
    (machine.bin / "msgfmt").unlink()
    machine.chromium.unlink()

    assert planned(machine.run("test", "--print")) == ["chromium", "gettext"]


def test_ci_adds_its_tools_and_the_servers_it_asks_for(machine):
    machine.install_everything()

    packages = planned(machine.run("ci", "--print", "--also", "redis-server"))

    assert {"make", "postgresql-client", "redis-server"} <= set(packages)


def test_without_root_it_stops_at_once_with_the_command_to_run(machine):
    machine.install_everything()
    machine.chromium.unlink()
    machine.with_apt()

    result = machine.run("test", as_root="no")

    assert result.returncode == 1
    assert (
        "sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
        "--no-install-recommends chromium" in result.stderr
    )
    assert not machine.apt_log.exists()


def test_as_root_it_updates_once_then_installs_noninteractively(machine):
    machine.with_apt()

    result = machine.run("test", as_root="yes")

    assert result.returncode == 0, result.stderr
    calls = machine.apt_log.read_text().splitlines()
    assert calls == [
        "DEBIAN_FRONTEND=noninteractive update -qq",
        "DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends "
        + " ".join(EVERYTHING_FOR_TESTS),
    ]


def make_dry_run(*args: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ALLOWED_HOSTS")}
    result = subprocess.run(  # noqa: S603 - make with fixed arguments
        ["make", "--dry-run", "--always-make", *args],  # noqa: S607 - make from PATH
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_make_test_checks_the_system_packages_before_the_suite():
    commands = make_dry_run("test")

    assert "./scripts/system-packages test" in commands
    assert commands.index("./scripts/system-packages test") < commands.index("-m pytest")


def test_make_run_serves_without_debug_on_its_own_port_with_collected_static_files():
    commands = make_dry_run("run", "PORT=8101")

    assert "./scripts/system-packages run" in commands
    assert "collectstatic --noinput" in commands
    server = commands[commands.index("DEBUG=false") :]
    assert "SITE_URL=http://127.0.0.1:8101" in server
    assert "runserver --noreload 127.0.0.1:8101" in server


def test_make_run_on_every_interface_accepts_any_host_name():
    commands = make_dry_run("run", "HOST=0.0.0.0", "PORT=8101")

    assert "ALLOWED_HOSTS='*'" in commands
    assert "SITE_URL=http://127.0.0.1:8101" in commands


def test_make_dev_is_the_debugging_server():
    commands = make_dry_run("dev", "PORT=8101")

    assert "DEBUG=true SITE_URL=http://127.0.0.1:8101" in commands
    assert "runserver 127.0.0.1:8101" in commands


def test_ci_installs_through_the_same_script():
    ci = (ROOT / ".ci" / "run").read_text()

    assert "./scripts/system-packages ci" in ci
    assert "apt-get install" not in ci
