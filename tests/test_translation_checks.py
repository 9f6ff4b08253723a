"""The translation lint catches a string marked under a name makemessages does not extract."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "untranslatable-marks"


def run_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script with fixed arguments
        [sys.executable, str(SCRIPT), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_planted_lazy_alias_fails_the_check(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text(
        'from django.utils.translation import gettext_lazy as _lazy\nLABEL = _lazy("in house")\n'
    )

    result = run_check(tmp_path)

    assert result.returncode == 1
    assert "planted.py:2" in result.stderr
    assert "'in house'" in result.stderr


def test_the_names_makemessages_knows_pass(tmp_path):
    (tmp_path / "fine.py").write_text(
        "from django.utils.translation import gettext as _, gettext_lazy, pgettext_lazy\n"
        'A = gettext_lazy("in house")\nB = pgettext_lazy("verb", "Share")\nC = _("Yes")\n'
    )

    assert run_check(tmp_path).returncode == 0


def test_no_string_of_the_product_hides_from_makemessages():
    result = run_check(ROOT / "atelier")

    assert result.returncode == 0, result.stderr


def test_check_translations_runs_the_alias_check():
    assert "scripts/untranslatable-marks" in (ROOT / "scripts" / "check-translations").read_text()
