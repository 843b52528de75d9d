"""The map page and the method & sources page."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- map page --------------------------------------------------------------------------
    "map_indicator": {"vi": "Chỉ tiêu trên bản đồ", "en": "Indicator on the map"},
    "map_all_missing": {
        "vi": "Không có dữ liệu «{indicator}» cho các đơn vị này năm {year}: mọi đơn vị được tô màu xám.",
        "en": "There is no data for «{indicator}» for these units in {year}: every unit is grey.",
    },
    "map_communes_heading": {
        "vi": "126 xã, phường của Hà Nội theo quận, huyện cũ",
        "en": "Hanoi's 126 communes and wards by former district",
    },
    "map_communes_count": {
        "vi": "{rows} dòng: {new} xã, phường mới và {old} quận, huyện cũ. Một xã, phường hình thành từ nhiều quận, huyện cũ có một dòng dưới mỗi quận, huyện đó. Điểm và thứ hạng của quận, huyện cũ không chuyển sang các đơn vị mới.",
        "en": "{rows} rows: {new} new communes and wards and {old} former districts. A commune or ward formed from several former districts has one row under each of them. The former districts' scores and ranks do not carry over to the new units.",
    },
    "map_see_districts": {
        "vi": "Xem bản đồ 30 quận, huyện năm {year}",
        "en": "See the map of the 30 districts in {year}",
    },
    # --- about page ------------------------------------------------------------------------
    "about_demo_title": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "about_demo": {
        "vi": "Mặc định, bảng điều khiển chỉ hiển thị số liệu đã công bố (kèm nguồn và trích đoạn) và số liệu do cơ quan nhập. Nơi chưa có số liệu công bố, trang ghi rõ «chưa có số liệu công bố» và chỉ ra năm hoặc đơn vị có số liệu. Công tắc «Dữ liệu minh họa» ở thanh bên (hoặc `demo=1` trên địa chỉ) thêm số liệu do máy sinh ra vào các chỗ trống để xem thử biểu đồ: số liệu này không phải số liệu chính thức, được tạo sao cho không mâu thuẫn với bất kỳ số liệu công bố nào (thứ hạng, danh sách dẫn đầu và cuối bảng, số trung bình, số đơn vị tăng điểm…), và được vẽ nhạt, có gạch chéo hoặc điểm rỗng; mọi thẻ số liệu, trang trình chiếu và tệp tải về có số liệu minh họa đều ghi rõ. Câu nhận định không bao giờ nêu số liệu minh họa như sự thật.",
        "en": "By default the dashboard shows only published figures (with their source and excerpt) and data an office imported. Where nothing is published, the page says so and points to the years or units that have figures. The “Demo data” switch in the sidebar (or `demo=1` in the address) fills the gaps with generated figures to try the charts out: they are not official figures, are made so that they never contradict a published one (ranks, top and bottom lists, averages, counts of units that improved…), and are drawn faded, hatched or hollow; every card, slide and downloaded file they reach says so. No key-message sentence states a generated figure as a fact.",
    },
    "about_caveats_title": {"vi": "Lưu ý khi đọc số liệu", "en": "Caveats"},
    "caveat_indexes": {
        "vi": "**Hai bộ chỉ số khác nhau.** Chỉ số CCHC của Hà Nội do UBND Thành phố đánh giá các quận, huyện, thị xã (và sở, ngành); PAR INDEX do Bộ Nội vụ đánh giá 63 tỉnh, thành phố. Tiêu chí và cách chấm khác nhau, nên hai bộ chỉ số không bao giờ được vẽ trên cùng một trục.",
        "en": "**Two different instruments.** Hanoi's PAR index is the City People's Committee's assessment of its districts (and departments); the PAR INDEX is the Ministry of Home Affairs' assessment of the 63 provinces. Criteria and scoring differ, so the two are never drawn on one axis.",
    },
    "caveat_methods": {
        "vi": "**Thay đổi phương pháp năm 2017 và 2022.** Năm 2017 PAR INDEX cấp tỉnh gồm 8 lĩnh vực, 38 tiêu chí (65,5 điểm tự đánh giá, 34,5 điểm điều tra xã hội học); năm 2022 gồm 8 lĩnh vực, 37 tiêu chí, 88 tiêu chí thành phần (68 và 32 điểm). So sánh điểm qua các mốc này chỉ mang tính tham khảo.",
        "en": "**Method changes in 2017 and 2022.** In 2017 the provincial PAR INDEX had 8 fields and 38 criteria (65.5 points of self-assessment, 34.5 from the survey); in 2022 8 fields, 37 criteria and 88 sub-criteria (68 and 32 points). Comparing scores across these years is indicative only.",
    },
    "caveat_levels": {
        "vi": "**Mức độ dịch vụ công trực tuyến.** Đến năm 2022 thủ tục được phân theo mức độ 1–4 (Nghị định 43/2011/NĐ-CP). Nghị định 42/2022/NĐ-CP (hiệu lực từ 1/8/2022) thay bằng dịch vụ công trực tuyến «toàn trình» và «một phần». Hai cách phân loại không cộng dồn và không so sánh trực tiếp.",
        "en": "**Online service levels.** Until 2022 procedures were classed in levels 1–4 (Decree 43/2011). Decree 42/2022 (in force from 1 August 2022) replaced them with «full» (toàn trình) and «partial» (một phần) online services. The two classifications are never added up or compared directly.",
    },
    "caveat_reorg": {
        "vi": "**Sắp xếp đơn vị hành chính từ 1/7/2025.** Cấp huyện chấm dứt hoạt động; cả nước từ 63 còn 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15); Hà Nội có 126 xã, phường. Điểm và thứ hạng của các quận, huyện không chuyển sang các xã, phường mới (nhiều phường mới trải trên nhiều quận cũ), nên lịch sử được trình bày theo 30 quận, huyện cũ và các đơn vị mới hiện «Không có dữ liệu».",
        "en": "**Reorganisation of 1 July 2025.** The district level was abolished; the country went from 63 to 34 provinces (Resolution 202/2025/QH15); Hanoi now has 126 communes and wards. District scores and ranks do not carry over to the new units (many new wards span several former districts), so history is shown on the 30 former districts and the new units show «No data».",
    },
    "caveat_ranks": {
        "vi": "**Thứ hạng.** Năm chỉ công bố một phần bảng xếp hạng thì hiển thị đúng thứ hạng đã công bố trong tổng số đơn vị (ví dụ «thứ 2/30»), không tính lại giữa vài đơn vị có số liệu. Năm có đủ điểm của mọi đơn vị thì thứ hạng được tính từ điểm theo cách xếp hạng cạnh tranh (1, 2, 2, 4) sau khi làm tròn 2 chữ số, chỉ giữa các đơn vị cùng cấp và cùng thời kỳ, và phải khớp với thứ hạng đã công bố.",
        "en": "**Ranks.** A year of which only part of the ranking was published shows the published ranks among all units (e.g. “2nd of 30”), never recomputed among the few units with figures. A year with every unit's score is ranked from the scores by competition ranking (1, 2, 2, 4) after rounding to 2 decimals, only among units of one level and period, and must agree with the published ranks.",
    },
    "about_sources_title": {"vi": "Nguồn dữ liệu ({n})", "en": "Data sources ({n})"},
    "about_maps_title": {
        "vi": "Bản đồ: ranh giới hành chính và giấy phép",
        "en": "Maps: administrative boundaries and licences",
    },
    "about_maps": {
        "vi": "Các tệp ranh giới nằm trong thư mục data/geo; nguồn gốc và những thay đổi đã thực hiện được ghi trong data/geo/SOURCES.md. Giấy phép của chúng (CC BY 3.0 IGO, CC BY-SA 4.0) yêu cầu ghi nguồn như sau. Chưa có tệp ranh giới có giấy phép mở cho 126 xã, phường của Hà Nội từ 1/7/2025, nên trang Bản đồ trình bày các đơn vị này dưới dạng bảng.",
        "en": "The boundary files are in data/geo; where they come from and what was changed is recorded in data/geo/SOURCES.md. Their licences (CC BY 3.0 IGO, CC BY-SA 4.0) require the following attribution. There is no openly licensed boundary file for Hanoi's 126 communes and wards from 1 July 2025, so the Map page shows them as a table.",
    },
    "source_kind_published": {"vi": "công bố chính thức", "en": "official publication"},
    "source_kind_article": {"vi": "bài báo", "en": "press article"},
    "source_kind_demo": {"vi": "minh họa", "en": "demo"},
    # --- boundary files and Hanoi after 1 July 2025 (indicators.geo) ---
    "map_successor_old_district_name": {
        "vi": "Quận, huyện cũ (đến 30/6/2025)",
        "en": "Former district (until 30 June 2025)",
    },
    "map_successor_new_name": {
        "vi": "Xã, phường mới (từ 1/7/2025)",
        "en": "New commune or ward (from 1 July 2025)",
    },
    "map_successor_new_code": {"vi": "Mã đơn vị mới", "en": "New unit code"},
    "map_successor_relation": {"vi": "Quan hệ", "en": "Relation"},
    "map_successor_old_districts": {"vi": "Hình thành từ", "en": "Formed from"},
    "map_successor_whole": {
        "vi": "nằm trọn trong quận, huyện này",
        "en": "wholly within this district",
    },
    "map_successor_part": {
        "vi": "một phần (từ nhiều quận, huyện)",
        "en": "in part (from several districts)",
    },
    "map_attribution_districts": {
        "vi": "Ranh giới quận/huyện Hà Nội: OCHA ROAP / Chính phủ Việt Nam, qua geoBoundaries (Runfola et al. 2020, www.geoboundaries.org), giấy phép CC BY 3.0 IGO (https://creativecommons.org/licenses/by/3.0/igo/). Đã lọc, bổ sung tên tiếng Việt và làm tròn toạ độ.",
        "en": "Hanoi district boundaries: OCHA ROAP / Government of Viet Nam, via geoBoundaries (Runfola et al. 2020, www.geoboundaries.org), licence CC BY 3.0 IGO (https://creativecommons.org/licenses/by/3.0/igo/). Filtered, Vietnamese names added, coordinates rounded.",
    },
    "map_attribution_provinces": {
        "vi": 'Ranh giới tỉnh: Open Development Mekong, "Địa phận tỉnh" (nguồn gốc: Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam), giấy phép CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Đã đơn giản hoá (0,0005°), sửa tên và bổ sung mã tỉnh; bản chuyển thể phát hành theo CC BY-SA 4.0.',
        "en": 'Province boundaries: Open Development Mekong, "Địa phận tỉnh" (original source: Department of Survey and Mapping of Viet Nam), licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Simplified (0.0005°), names corrected and province codes added; the adaptation is released under CC BY-SA 4.0.',
    },
    "map_attribution_merged": {
        "vi": " Ranh giới 34 tỉnh: gộp theo NQ 202/2025/QH15.",
        "en": " The 34 provinces: merged per Resolution 202/2025/QH15 (gộp theo NQ 202/2025/QH15).",
    },
}
