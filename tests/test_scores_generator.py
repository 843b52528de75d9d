"""The demo score generator honours published ranks, ties, "last", bands and averages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.build.scores import Anchor, Band, fill_scores
from indicators.rankings import competition_rank

CODES = [f"{i:03d}" for i in range(1, 11)]


def ranks(scores: dict[str, float]) -> dict[str, int]:
    series = pd.Series(scores, dtype="Float64")
    return dict(zip(series.index, competition_rank(series), strict=True))


def test_anchors_ties_and_last_are_kept():
    anchors = [
        Anchor("005", rank=1, score=96.3),
        Anchor("002", rank=2, score=95.7),
        Anchor("003", rank=2, score=95.7),
        Anchor("007", rank=6),  # rank known, score not
        Anchor("010", score=91.61, last=True),
    ]
    scores = fill_scores(CODES, anchors, lo=90.0, hi=97.0, rng=np.random.default_rng(1))
    r = ranks(scores)
    assert (r["005"], r["002"], r["003"], r["007"], r["010"]) == (1, 2, 2, 6, 10)
    assert scores["005"] == 96.3 and scores["010"] == 91.61
    assert sorted(r.values()) == [1, 2, 2, 4, 5, 6, 7, 8, 9, 10]


def test_average_and_band_are_hit():
    # 10 units averaging 85.00, with exactly 3 at 90 or more
    scores = fill_scores(CODES, [Anchor("001", rank=1, score=95.0)], lo=70.0, hi=96.0,
                         rng=np.random.default_rng(2), bands=(Band(3, 90.0),), mean=85.0)  # fmt: skip
    values = np.array(list(scores.values()))
    assert round(values.mean(), 2) == 85.0
    assert (values >= 90).sum() == 3
    assert len(set(values)) == 10  # no accidental ties
