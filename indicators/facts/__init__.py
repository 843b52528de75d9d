"""Published facts about PAR totals as constraints, and the checker.

`load_facts(published_dir, units)` reads every statement of data/published/ that constrains
the total scores of Hanoi's PAR index of its districts and of the national PAR INDEX;
`check(par_scores, units, facts)` reports which of them a table contradicts.
"""

from indicators.facts.check import CheckReport, Violation, check
from indicators.facts.load import index_units, load_facts
from indicators.facts.model import REGIONS, Fact

__all__ = ["REGIONS", "CheckReport", "Fact", "Violation", "check", "index_units", "load_facts"]
