"""The window's reads of saved scenarios: each opens one short session and returns plain records or names.

The ledger's and the audit log's are in planner.store.reads.
"""

from __future__ import annotations

from planner.scenarios import store
from planner.store.db import Database


def scenario_records(db: Database) -> list[store.ScenarioRecord]:
    with db.session() as session:
        return store.list_scenarios(session)


def scenario_names(db: Database) -> list[str]:
    return [record.name for record in scenario_records(db)]


def unique_scenario_name(db: Database, base: str) -> str:
    """`base`, or `base 2`, `base 3`… whichever no saved scenario has yet."""
    with db.session() as session:
        return store.unique_name(session, base)


def scenarios_with_states(db: Database) -> list[tuple[store.ScenarioRecord, str]]:
    """Every scenario with its state; "unsolved" for all when the states cannot be worked out."""
    with db.session() as session:
        records = store.list_scenarios(session)
        try:
            states = store.scenario_states(session, records)
        except Exception:  # states are a marker only; callers compare what is stored regardless
            states = {}
    return [(record, states.get(record.name, "unsolved")) for record in records]
