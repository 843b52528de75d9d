"""One bilingual error class: every error shown to a person says it in Vietnamese and English."""

from __future__ import annotations

import pytest

from indicators.errors import BilingualError, bilingual
from indicators.geo import BoundaryUnavailable
from indicators.importing.references import CellProblem
from indicators.importing.values import Unparsable
from indicators.rankings import RankingError
from indicators.selection import SelectionError
from indicators.settings import SettingInvalid
from indicators.units import UnitAmbiguous, UnitNotFound


def test_both_languages_text_and_str() -> None:
    err = BilingualError("lỗi", "error")
    assert (err.vi, err.en) == ("lỗi", "error")
    assert err.text("vi") == "lỗi" and err.text("en") == "error"
    assert str(err) == "lỗi / error"


def test_of_fills_the_registry_text_in_both_languages() -> None:
    err = SelectionError.of("err_years_reversed", first=2020, last=2019)
    assert err.vi == "năm bắt đầu (2020) sau năm kết thúc (2019)"
    assert err.en == "the first year (2020) is after the last year (2019)"
    assert (err.vi, err.en) == bilingual("err_years_reversed", first=2020, last=2019)


@pytest.mark.parametrize(
    ("cls", "base"),
    [
        (RankingError, ValueError),
        (SelectionError, ValueError),
        (SettingInvalid, ValueError),
        (Unparsable, ValueError),
        (UnitNotFound, LookupError),
        (UnitAmbiguous, LookupError),
        (BoundaryUnavailable, LookupError),
        (CellProblem, Exception),
    ],
)
def test_the_errors_derive_from_it_and_keep_their_base(cls: type, base: type) -> None:
    assert issubclass(cls, BilingualError) and issubclass(cls, base)


def test_unit_errors_keep_their_fields() -> None:
    err = UnitNotFound("Ba Dinh", ("Quận Ba Đình",))
    assert err.query == "Ba Dinh" and err.suggestions == ("Quận Ba Đình",)
    assert str(err) == (
        "Không tìm thấy đơn vị 'Ba Dinh'. Gần nhất: Quận Ba Đình / "
        "Unit 'Ba Dinh' not found. Closest: Quận Ba Đình"
    )
