"""Helpers shared by the tests (no tests here): importable as `support.<module>`, since pytest
puts tests/ on sys.path."""
