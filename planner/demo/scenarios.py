"""Example scenarios shipped with the demo county, ready to open and solve.

They are built from the county just generated (real township names, real
totals) so that a newcomer sees each kind of change at work on data that fits.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from planner.domain.county import CountyData
from planner.store.models import Scenario
from planner.scenarios.changes import DutyGrowth, Reserve, TotalCut, county_total
from planner.scenarios.merge import Merge
from planner.scenarios.store import check_changes, create_scenario

CUT_NAME = "事业编制压减5%"
GROWTH_NAME = "应急管理事项增加20%"
MERGE_NAME = "两乡合并"
RESERVE_NAME = "预留机动编制"
EXAMPLE_NAMES = (CUT_NAME, GROWTH_NAME, MERGE_NAME, RESERVE_NAME)


def _merge_pair(county: CountyData):
    """The two smallest unlocked townships by population: the usual candidates for a merger."""
    candidates = sorted((t for t in county.townships if not t.locked), key=lambda t: (t.population, t.name))
    return (candidates[0], candidates[1]) if len(candidates) >= 2 else None


def _floor(county: CountyData, kind: str) -> int:
    """The least total the hard rules allow: staff (and leadership) everywhere, locked quota as it is."""
    return sum(t.quota(kind).approved if t.locked else max(t.quota(kind).staff, t.quota(kind).leadership)
               for t in county.townships)


def example_scenarios(county: CountyData) -> list[tuple[str, str, list]]:
    """(name, description, changes) of each example that fits this county and can be solved as it is."""
    examples: list[tuple[str, str, list]] = []
    cut = TotalCut(kind="institutional", percent=5)
    if _floor(county, "institutional") <= cut.cap(county_total(county, "institutional")):
        # Only where the cut can be met without dismissing anyone (rule 4): an example must solve.
        examples.append((CUT_NAME, "事业编制总量压减 5%，看各乡镇如何消化。 (Institutional total cut by 5%.)",
                         [cut]))
    if any("应急管理" in d.name or "应急管理" in d.office for t in county.townships for d in t.duties):
        examples.append((GROWTH_NAME, "全县应急管理类事项工作量增加 20%。 "
                                      "(Emergency-management workload +20% everywhere.)",
                         [DutyGrowth(match="应急管理", percent=20)]))
    pair = _merge_pair(county)
    if pair is not None:
        a, b = pair
        # One leadership team for the merged township, the size of the larger of the two.
        leadership = max(a.quota("administrative").leadership, b.quota("administrative").leadership)
        new_name = a.name[:2] + b.name[:2] + ("镇" if "镇" in (a.type, b.type) else a.type)
        if any(t.name == new_name for t in county.townships):
            new_name = a.name  # the merged township keeps the first one's name
        examples.append((MERGE_NAME, f"{a.name}与{b.name}合并为{new_name}。 (Two townships merged into one.)",
                         [Merge(a=a.name, b=b.name, new_name=new_name, leadership=leadership)]))
    admin_vacancy = sum(t.quota("administrative").vacancy for t in county.townships)
    room = county_total(county, "administrative") - _floor(county, "administrative")
    reserve = min(10, admin_vacancy // 2, room)
    if reserve > 0:
        examples.append((RESERVE_NAME, f"县级保留 {reserve} 名行政机动编制。 "
                                       f"(Keep {reserve} administrative slots in county reserve.)",
                         [Reserve(kind="administrative", slots=reserve)]))
    return examples


def add_example_scenarios(session: Session, county: CountyData) -> list[str]:
    """(Re)write the example scenarios for `county`; other saved scenarios are left alone.

    An example of the same name from an earlier demo is replaced: it named
    townships of the county that was there before.
    """
    names = []
    session.execute(delete(Scenario).where(Scenario.name.in_(EXAMPLE_NAMES)))
    for name, description, changes in example_scenarios(county):
        # Checked against `county` itself, the ledger this demo has just written.
        check_changes(county, changes)
        create_scenario(session, name, changes, description, validate=False)
        names.append(name)
    return names
