"""The fingerprint of a proposal's inputs: it tells a current proposal from a stale one."""

from __future__ import annotations

import hashlib
import json

from planner.domain.county import CountyData
from planner.domain.options import SolveOptions


def county_fingerprint(county: CountyData, options: SolveOptions | None = None) -> str:
    """sha256 of a canonical JSON of everything the proposal depends on.

    Names of people and how hard the solver worked (time limit, processes) do
    not change the proposal's inputs and are left out. The JSON is hashed one
    township at a time (one line each), so a province-sized ledger never
    holds the interpreter for long in one call (the window stays responsive).
    """
    options = options or SolveOptions()
    digest = hashlib.sha256()

    def feed(value) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())
        digest.update(b"\n")

    # Numbers are fed as floats so that 248 typed in memory and 248.0 read back
    # from the database give the same fingerprint.
    params = {k: float(v) for k, v in county.params.as_dict().items()}
    feed({"county": county.name, "params": params, "options": options.as_dict(),
          "townships": len(county.townships)})
    for t in county.townships:
        feed([t.name, t.type, t.category, int(t.population), float(t.area_km2), int(t.villages), bool(t.locked),
              sorted([q.kind, q.approved, q.staff, q.leadership] for q in t.quotas.values()),
              [[o.name, o.kind] for o in t.offices],
              [[d.office, d.name, float(d.annual_volume), float(d.minutes_per_case), float(d.fixed_hours),
                bool(d.needs_backup)]
               for d in t.duties]])
    return digest.hexdigest()
