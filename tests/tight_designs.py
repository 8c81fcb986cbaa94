"""Tight A/B designs kept as data (tests/data/*.json): duty hours with the rules of one design each."""

from __future__ import annotations

import json
from pathlib import Path

from optimizer.inputs import DesignInput, DutyLoad

DATA = Path(__file__).parent / "data"


def load_designs(file_name: str, township: str) -> list[tuple[DesignInput, int]]:
    """(design, its lower bound) of each design in the file; townships named `township` with a number."""
    found = []
    for k, raw in enumerate(json.loads((DATA / file_name).read_text(encoding="utf-8"))["designs"]):
        duties = tuple(DutyLoad(f"职责{i}", h, backed)
                       for i, (h, backed) in enumerate(zip(raw["hours"], raw["needs_backup"])))
        found.append((DesignInput(township.format(k), "institutional", duties, raw["capacity_hours"],
                                  raw["backup_load_factor"], raw["max_backup_roles"]), raw["lower_bound"]))
    return found
