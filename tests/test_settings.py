"""Every setting is documented where operators look: the README's configuration table."""

from __future__ import annotations

from indicators.settings import PROJECT_ROOT, SETTINGS


def test_every_setting_has_a_row_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(" `") for line in table.splitlines() if line.startswith("| `")}
    assert rows == {setting.name for setting in SETTINGS}
