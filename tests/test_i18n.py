"""Every UI text exists in Vietnamese and English, with the same placeholders, and is used."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from indicators import schema as s
from indicators.export import VALUE_KEYS
from indicators.i18n import AREAS, LANGS, STRINGS, t
from indicators.views import DATA_TABLES, ERA_KEYS, INDEXES

ROOT = Path(__file__).resolve().parent.parent
CODE = [
    ROOT / "dashboard.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "ui").glob("*.py")),
    *sorted((ROOT / "indicators").rglob("*.py")),
]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key


# Messages whose English names a detail the Vietnamese leaves out (an error's type, a field's
# name in the data).
ONE_SIDED = {
    "imp_damaged_zip": {"error"},
    "imp_damaged_xlsx": {"error"},
    "imp_missing_column": {"name"},
}


def test_both_languages_have_the_same_placeholders() -> None:
    for key, texts in STRINGS.items():
        extra = ONE_SIDED.get(key, set())
        assert _placeholders(texts["vi"]) | extra == _placeholders(texts["en"]), key


def test_t_fills_placeholders_and_refuses_unknowns() -> None:
    assert t("no_data", "vi") == "Không có dữ liệu"  # also what formatting prints for NA
    assert t("no_data", "en") == "No data"
    assert t("changes_since", "vi", year=2017) == "Mũi tên: thay đổi so với năm 2017."
    assert t("changes_since", "en", year=2017) == "Arrows: change since 2017."
    with pytest.raises(KeyError):
        t("no_such_key", "vi")
    with pytest.raises(ValueError):
        t("no_data", "fr")


def _literals_and_prefixes() -> tuple[set[str], set[str]]:
    """String constants in the code, and the constant starts of f-strings (dynamic keys) and
    of the coded values shown in words (export.VALUE_KEYS)."""
    literals: set[str] = set()
    prefixes: set[str] = set(VALUE_KEYS.values())
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
    return literals, prefixes


# The calls that look a text up by key: t(key, …), SomeError.of(key, …), bilingual(key, …).
LOOKUPS = {"t", "of", "bilingual"}


def _lookup_name(call: ast.Call) -> str | None:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", None)


def test_every_literal_key_looked_up_exists() -> None:
    missing, seen = [], 0
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _lookup_name(node) in LOOKUPS and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    seen += 1
                    if arg.value not in STRINGS:
                        missing.append(f"{path.name}: {arg.value}")
    assert not missing
    assert seen > 200  # the check finds the lookups


def test_every_area_module_is_in_the_registry() -> None:
    areas = {p.stem for p in (ROOT / "indicators" / "i18n").glob("*.py")} - {"__init__"}
    assert areas == {area.__name__.rsplit(".", 1)[1] for area in AREAS}
    assert sum(len(area.TEXTS) for area in AREAS) == len(STRINGS)  # no key in two modules


def test_dynamic_keys_exist() -> None:
    keys = [f"lang_{lang}" for lang in LANGS]
    keys += [f"index_{i}" for i in INDEXES] + [f"index_{i}_short" for i in INDEXES]
    keys += [f"level_{level}" for level in s.ONLINE_LEVELS]
    keys += [f"source_kind_{kind}" for kind in s.SOURCE_KINDS]
    keys += [f"table_{name}" for name in DATA_TABLES]
    for a, b in ERA_KEYS.values():
        keys += [f"m_proc_{a}", f"m_proc_{b}", f"m_share_{a}", f"m_share_{b}"]
    assert [k for k in keys if k not in STRINGS] == []


def test_every_key_is_used_somewhere() -> None:
    literals, prefixes = _literals_and_prefixes()
    unused = [
        key
        for key in STRINGS
        if key not in literals and not any(key.startswith(p) for p in prefixes)
    ]
    assert unused == []
