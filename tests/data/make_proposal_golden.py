"""The golden proposal in tests/data, and how it is made.

    python tests/data/make_proposal_golden.py

solves generate_demo(6, 4) with golden_options() and writes its to_json()
with the timings and the time of writing blanked, the A/B roster cut to its
first posts (its whole length and sha256 kept). Rewrite it only when the
proposal is meant to change (a new demo county, a new level of the
reallocation), and say why in ABOUT.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOLDEN = Path(__file__).with_name("proposal_golden.json")
TIMINGS = ("seconds", "stage_seconds", "model_seconds", "ab_design_seconds_summed")
ROSTER_KEPT = 4
ABOUT = ("to_json() of solve_county(generate_demo(6, 4), golden_options()) (tests/data/make_proposal_golden.py); "
         "timings blanked, the A/B roster cut to its first posts and the whole roster's sha256 kept; rewritten "
         "when the demo county became workload-first (duties drawn from population and villages, quotas "
         "drifting from the workload)")


def golden_options(county):
    """A reserve, a duty exempt everywhere and one in the first township, and a band."""
    from planner.domain.options import SolveOptions

    first = county.townships[0].name
    return SolveOptions(reserve={"institutional": 1}, exempt_duties={"财务报账", (first, "信访接待与办理")},
                        bands={(first, "administrative"): (None, 60)}, time_limit=60.0)


def golden_proposal():
    from planner.demo.county import generate_demo
    from planner.solving.solve import solve_county

    county = generate_demo(6, 4)
    return solve_county(county, golden_options(county))


def main() -> None:
    written = golden_proposal().to_json()
    for key in TIMINGS:
        written["solver"][key] = None
    written["generated_at"] = None
    roster = written["ab_roster"]
    written["ab_roster"] = roster[:ROSTER_KEPT]
    for design in written["ab_designs"]:
        design.pop("part_hours", None)   # added after the file's first form: checked apart
    for totals in written["totals"].values():
        totals.pop("fewest_lines", None)
    golden = {"about": ABOUT,
              "roster_sha256": hashlib.sha256(json.dumps(roster, ensure_ascii=False).encode()).hexdigest(),
              "roster_posts": len(roster), "result": written}
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(GOLDEN)


if __name__ == "__main__":
    main()
