"""axe-core (from npm, `make setup` installs it) run in a Playwright page: WCAG 2.1 AA."""

from .paths import REPOSITORY

AXE_SCRIPT = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_results(page):
    """axe's violations and count of passed rules for the page as it stands."""
    assert AXE_SCRIPT.exists(), "run `make setup` (npm ci) to install axe-core"
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return {
                passes: results.passes.length,
                violations: results.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
                })),
            };
        }""",
        WCAG_21_AA,
    )


def describe(name, results):
    found = ", ".join(f"{v['id']} ({', '.join(v['targets'])})" for v in results["violations"])
    return (
        f"axe WCAG 2.1 AA  {name:<40} {len(results['violations'])} violations, "
        f"{results['passes']} rules passed{': ' + found if found else ''}"
    )
