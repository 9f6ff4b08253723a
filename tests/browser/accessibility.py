"""An axe-core audit of the page in the browser: serious and critical WCAG 2.1 AA problems fail."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def blocking_violations(page: Page) -> list[dict]:
    """The serious and critical WCAG 2.1 AA violations axe finds in the page as it is now."""
    options = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS},
        "resultTypes": ["violations"],
    }
    results = _axe.run(page, options=options)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe_violations(url: str, violations: list[dict]) -> str:
    """One paragraph per violation, with every element it was found on."""
    lines = [f"axe found {len(violations)} serious or critical violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)
