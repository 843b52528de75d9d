"""How a table of the dataset is described: its columns (type, allowed values, limits) and
the rules across columns of a row. The tables themselves are in indicators.schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from indicators.i18n import t

TEXT, INT, FLOAT, BOOL, DATE = "text", "int", "float", "bool", "date"
PANDAS_DTYPE = {
    TEXT: "string",
    INT: "Int64",
    FLOAT: "Float64",
    BOOL: "boolean",
    DATE: "datetime64[ns]",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    nullable: bool = False
    allowed: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None  # a regular expression the whole text must match
    help_en: str = ""
    optional: bool = False  # may be absent from a stored table (added later): read as empty


@dataclass(frozen=True)
class RowRule:
    """A check across columns of one row; `bad` returns True on the rows that break it."""

    name: str  # its texts are the registry's `rule_<name>` (indicators.i18n.errors)
    column: str  # the column the report points at
    bad: Callable[[pd.DataFrame], pd.Series]

    @property
    def vi(self) -> str:
        return t(f"rule_{self.name}", "vi")

    @property
    def en(self) -> str:
        return t(f"rule_{self.name}", "en")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[RowRule, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def greater(a: str, b: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A rule's test: the rows where column `a` is greater than column `b`."""
    return lambda df: (df[a] > df[b]).fillna(False)


def empty_frame(table: Table) -> pd.DataFrame:
    """A table with no rows, typed like the loaded ones."""
    return pd.DataFrame({c.name: pd.Series(dtype=PANDAS_DTYPE[c.kind]) for c in table.columns})
