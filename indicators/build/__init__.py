"""Builds the bundled dataset in data/ from the published figures in data/published/.

Run with `python -m indicators build`. The published layer is copied as it was published; the
demo layer comes from a seeded generator (`demo.py`) and is tagged demo=True, source 'demo'.
"""
