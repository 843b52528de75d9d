"""What a session's chart downloads cost: every chart of the registry for one unit, drawn and
rendered as a captioned PNG one after the other, as the download buttons do on click.

    .venv/bin/python bench/images.py [--unit 019] [--year 2018] [--from 2016] [--to 2019]

Prints one line of JSON: each image's seconds (rendering only, the figure is built before
the clock starts), the first, the median of the others and the total. Run it in two checkouts
to compare revisions; the first image includes starting the browser.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indicators import chart_images, sources  # noqa: E402
from indicators.charts import registry  # noqa: E402
from indicators.dataset import load_dataset  # noqa: E402
from indicators.views import build_catalog, make_filters  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", default="019")
    parser.add_argument("--year", type=int, default=2018)
    parser.add_argument("--from", dest="first", type=int, default=2016)
    parser.add_argument("--to", dest="last", type=int, default=2019)
    args = parser.parse_args()
    dataset = load_dataset(demo=True)
    filters = make_filters(
        build_catalog(dataset),
        lang="vi",
        index_id="hanoi_par",
        year=args.year,
        year_from=args.first,
        year_to=args.last,
        unit_code=args.unit,
        demo=True,
    )
    seconds: dict[str, float] = {}
    for key in registry.SPECS:
        rows = registry.frame(key, dataset, filters)
        if rows.empty:
            continue
        fig = registry.figure(key, rows, filters)
        cited = sources.line(sources.of_rows(dataset, rows), "vi")
        start = time.perf_counter()
        png = chart_images.chart_image(fig, title=key, sources=cited, demo=True)
        seconds[key] = round(time.perf_counter() - start, 3)
        assert png.startswith(chart_images.PNG_SIGNATURE)
    times = list(seconds.values())
    print(
        json.dumps(
            {
                "images": len(times),
                "first_s": times[0],
                "others_median_s": statistics.median(times[1:]),
                "total_s": round(sum(times), 2),
                "each_s": seconds,
            }
        )
    )


if __name__ == "__main__":
    main()
