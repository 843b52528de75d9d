"""The query parameters of the data routes, read strictly: a parameter the route does not take,
one given twice, a year that is not one, a bad `demo` or `lang` is refused with a bilingual
message (HTTP 400), never silently replaced by a default as the dashboard's URL does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from indicators import schema as s
from indicators.errors import BilingualError, Both
from indicators.i18n import LANGS, t
from indicators.views.filters import param_int

YEAR_COLUMN = s.PAR_SCORES.column(s.YEAR)
FIRST_YEAR, LAST_YEAR = int(YEAR_COLUMN.minimum or 1990), int(YEAR_COLUMN.maximum or 2100)
DEMO_VALUES = ("0", "1")


class ApiError(BilingualError, ValueError):
    """A request the routes refuse: `status` (400, 404) and what is wrong in vi and en."""

    status = 400

    @classmethod
    def with_status(cls, status: int, key: str, /, **values: Any) -> ApiError:
        error = cls.of(key, **values)
        error.status = status
        return error


def query(pairs: Iterable[tuple[str, str]], allowed: Sequence[str]) -> dict[str, str]:
    """The query string's (name, value) pairs as a dict; ApiError for a name outside
    `allowed` or a name given twice."""
    params: dict[str, str] = {}
    unknown: list[str] = []
    for name, value in pairs:
        if name not in allowed:
            unknown.append(name)
        elif name in params:
            raise ApiError.of("api_repeated_param", name=name)
        else:
            params[name] = value
    if unknown:
        names = ", ".join(sorted(set(unknown)))
        raise ApiError.of("api_unknown_param", names=names, allowed=", ".join(allowed))
    return params


def year(params: Mapping[str, str], name: str, *, required: bool = False) -> int | None:
    """The year parameter `name`: ASCII digits, FIRST_YEAR to LAST_YEAR (the dataset's year
    bounds, indicators.schema); None when absent and not `required`."""
    if name not in params:
        if required:
            raise ApiError.of("api_missing_param", name=name, example=f"{name}=2023")
        return None
    value = param_int(params[name])
    if value is None or not FIRST_YEAR <= value <= LAST_YEAR:
        raise ApiError.of(
            "api_bad_year", name=name, value=params[name], low=FIRST_YEAR, high=LAST_YEAR
        )
    return value


def unit(params: Mapping[str, str], *, required: bool = False) -> str | None:
    """The unit as given (a code or a name: indicators.units.find_unit resolves it)."""
    value = params.get("unit", "").strip()
    if not value and required:
        raise ApiError.of("api_missing_param", name="unit", example="unit=019")
    return value or None


def demo(params: Mapping[str, str]) -> bool:
    """`demo=1`: read the generated demo layer too (marked); absent or `demo=0`: not."""
    value = params.get("demo", "0")
    if value not in DEMO_VALUES:
        raise ApiError.of(
            "api_bad_value", name="demo", value=value, expected=expected("api_expected_demo")
        )
    return value == "1"


def lang(params: Mapping[str, str]) -> str:
    """`lang=vi` (the default) or `lang=en`."""
    value = params.get("lang", "vi")
    if value not in LANGS:
        raise ApiError.of(
            "api_bad_value", name="lang", value=value, expected=expected("api_expected_lang")
        )
    return value


def expected(key: str, **values: Any) -> Both:
    """What a parameter takes (the registry's `key`), in both languages."""
    return Both(t(key, "vi", **values), t(key, "en", **values))
