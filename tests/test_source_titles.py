"""Source titles say what the cited article reports, so a reader can tell sources apart."""

from indicators import schema as s
from indicators.build.published import source_title
from indicators.dataset import load_dataset

URL = "https://en.vietnamplus.vn/da-nang-tops-nation-in-administrative-reforms/56332.vnp"


def test_a_title_names_the_topic_years_units_and_site():
    rows = [
        ("vietnam_province_par_index.csv", {"year": "2012", "unit_name": name})
        for name in ("Đà Nẵng", "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh", "Đồng Tháp")
    ] + [("vietnam_par_national_summary.csv", {"year": "2013"})]
    assert source_title(URL, rows) == (
        "PAR INDEX cấp tỉnh; PAR INDEX cả nước 2012–2013: "
        "Đà Nẵng, Bà Rịa - Vũng Tàu, TP. Hồ Chí Minh … (en.vietnamplus.vn)"
    )


def test_bundled_titles_are_distinct_enough_to_tell_apart():
    sources = load_dataset().sources
    # no title made of an address fragment such as "Pic1 (viet-jo.com)" any more
    assert not sources[s.TITLE].str.match(r"^(Pic1|Print|En\.|Viet-jo\.com)").any()
    article = sources.set_index(s.ID).loc["vietnamplus-" + "cf231a", s.TITLE]
    assert article.startswith("Chỉ số CCHC các đơn vị của Hà Nội")
    assert "Quận Đống Đa" in article
