"""`python -m indicators deck`: a PowerPoint deck of one unit over a range of years.

Slides: title, key messages, PAR score and rank, the unit among every unit of its index, the map
of that year's scores, procedures online per level, on-time / early / late rates, shortened
procedures; native (editable) charts in the dashboard's colours, sources and a demo-data banner
on each slide, key messages in the speaker notes. The map is drawn by Chromium (as chart images
are): without it the command fails and says how to get one. See indicators/deck/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from indicators.cli.export import add_common, fail

HELP = "a PowerPoint deck of one unit / bản trình chiếu PowerPoint của một đơn vị"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pptx", help="the deck to write")
    add_common(parser, required=True)


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.deck import build_deck, deck_figures, key_messages
    from indicators.selection import SelectionError, select

    dataset = load_dataset(args.source, demo=args.demo)
    try:
        figures = deck_figures(dataset, select(dataset, args.unit, args.year_from, args.year_to))
    except SelectionError as exc:
        return fail(exc.vi, exc.en)
    out = Path(args.out)
    out.write_bytes(build_deck(figures, args.lang))
    print(out)
    for message in key_messages(figures, args.lang):
        print(f"- {message.text}")
    return 0
