from __future__ import annotations

import pytest
from support.units import units_frame

from indicators import schema as s
from indicators.units import UnitAmbiguous, UnitNotFound, ascii_fold, find_unit, name_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Quận Nam Từ Liêm", "nam tu liem"),
        ("nam tu liem", "nam tu liem"),
        ("TP. Hồ Chí Minh", "ho chi minh"),
        ("Thành phố Hồ Chí Minh", "ho chi minh"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
        ("Thị xã Sơn Tây", "son tay"),
        ("Huyện Đông Anh", "dong anh"),
        ("Xã", "xa"),  # a bare prefix is a name, not an empty key
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


def test_ascii_fold_handles_d_with_stroke():
    assert ascii_fold("Đống Đa") == "Dong Da"


def test_find_unit_prefers_the_version_valid_in_the_year():
    units = units_frame()
    assert find_unit(units, "Ba Vì", 2019)[s.LEVEL] == "district"
    assert find_unit(units, "Ba Vì", 2026)[s.LEVEL] == "commune"
    with pytest.raises(UnitAmbiguous) as info:
        find_unit(units, "Ba Vì", 2025)  # both existed in 2025: the code decides
    assert "271" in str(info.value) and "09700" in str(info.value)


def test_unknown_name_lists_the_closest():
    with pytest.raises(UnitNotFound) as info:
        find_unit(units_frame(), "Ba Vi xyz")
    assert "Huyện Ba Vì" in info.value.suggestions
