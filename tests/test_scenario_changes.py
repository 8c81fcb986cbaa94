"""Each kind of scenario change against figures worked out by hand on a three-township county."""

from __future__ import annotations

import copy
import json

import pytest

from planner.domain.county import KINDS
from planner.scenarios.store import (
    CHANGE_TYPES, Band, DutyAdded, DutyGrowth, DutyRemoved, Horizon, LibraryBands, LockTownship, Merge, ParamChange,
    Reserve, ScenarioError, Split, TotalCut, change_from_dict, check_changes, dump_changes, parse_changes,
)
from planner.domain.workload import available_hours, duty_hours
from tests.scenario_fixtures import ADMIN, INST, small_county


def hours(township, name):
    return sum(duty_hours(d) for d in township.duties if d.name == name)


def total_hours(county):
    return sum(duty_hours(d) for t in county.townships for d in t.duties)


def test_no_changes_gives_an_equal_copy_and_empty_options():
    base = small_county()
    county, options = check_changes(base, [])
    assert county == base and county is not base
    assert options.total_cap == {} and options.reserve == {} and options.bands == {}


def test_total_cut_by_percent_floors_the_cut_total():
    # Σ institutional approved = 30 + 25 + 27 = 82; 82 × 0.95 = 77.9 → 77.
    _, options = check_changes(small_county(), [TotalCut(INST, percent=5)])
    assert options.total_cap == {INST: 77}
    # 10%: 82 × 0.9 = 73.8 → 73; administrative 20 + 16 + 22 = 58, 58 × 0.9 = 52.2 → 52.
    _, options = check_changes(small_county(), [TotalCut(INST, percent=10), TotalCut(ADMIN, percent=10)])
    assert options.total_cap == {INST: 73, ADMIN: 52}


def test_total_cut_arithmetic_is_exact_where_floats_are_not():
    # In floats 100 × (1 − 0.07) = 92.99999999999999, which would floor to 92.
    assert TotalCut(INST, percent=7).cap(100) == 93
    assert TotalCut(INST, percent=5).cap(200) == 190
    assert TotalCut(INST, percent=12.5).cap(41) == 35  # 35.875


def test_total_cut_by_slots_and_its_errors():
    _, options = check_changes(small_county(), [TotalCut(ADMIN, slots=4)])
    assert options.total_cap == {ADMIN: 54}  # 58 − 4
    with pytest.raises(ScenarioError, match="percent or a number of slots"):
        check_changes(small_county(), [TotalCut(ADMIN, percent=5, slots=2)])
    with pytest.raises(ScenarioError, match="outside 0–58"):
        check_changes(small_county(), [TotalCut(ADMIN, slots=59)])
    with pytest.raises(ScenarioError, match="one per kind"):
        check_changes(small_county(), [TotalCut(ADMIN, slots=1), TotalCut(ADMIN, percent=3)])
    with pytest.raises(ScenarioError, match="unknown quota kind"):
        check_changes(small_county(), [TotalCut("行政", percent=3)])


def test_reserve_is_kept_inside_the_total():
    _, options = check_changes(small_county(), [Reserve(ADMIN, 3), TotalCut(INST, slots=2)])
    assert options.reserve == {ADMIN: 3} and options.total_cap == {INST: 80}
    # The reserve is part of the (cut) total, so it cannot exceed it: 58 − 50 = 8 left.
    with pytest.raises(ScenarioError, match="reserved slots 9 is outside 0–8"):
        check_changes(small_county(), [TotalCut(ADMIN, slots=50), Reserve(ADMIN, 9)])


def test_duty_growth_in_one_township_by_office_name():
    base = small_county()
    county, _ = check_changes(base, [DutyGrowth(match="应急管理", percent=20, townships=["甲镇"])])
    jia, yi = county.township("甲镇"), county.township("乙乡")
    assert hours(jia, "应急值守") == pytest.approx(360.0)   # 300 fixed h × 1.2
    assert hours(jia, "防汛抗旱") == pytest.approx(180.0)   # (100 × 60 / 60 + 50) × 1.2
    assert [d.annual_volume for d in jia.duties if d.name == "防汛抗旱"] == [pytest.approx(120.0)]
    assert hours(jia, "公文收发与办理") == pytest.approx(200.0)
    assert total_hours(county) - total_hours(base) == pytest.approx(90.0)  # 60 + 30
    assert county.township("乙乡") == base.township("乙乡") and yi is not base.township("乙乡")


def test_duty_growth_everywhere_by_duty_name_and_a_decline():
    base = small_county()
    county, _ = check_changes(base, [DutyGrowth(match="社保", percent=-50)])
    # 甲 150 h → 75, 乙 85 h → 42.5, 丙 500 × 12 / 60 = 100 h → 50.
    assert [hours(t, "社保登记") for t in county.townships] == pytest.approx([75.0, 42.5, 50.0])
    with pytest.raises(ScenarioError, match="no duty or office name contains '不存在'"):
        check_changes(base, [DutyGrowth(match="不存在", percent=10)])
    with pytest.raises(ScenarioError, match="no township named '丁镇'"):
        check_changes(base, [DutyGrowth(match="社保", percent=10, townships=["丁镇"])])


def test_duty_added_everywhere_creates_the_office_where_missing():
    base = small_county()
    change = DutyAdded(office="应急管理办公室", office_kind=ADMIN, name="森林防灭火", annual_volume=0,
                       minutes_per_case=0, fixed_hours=120)
    county, _ = check_changes(base, [change])
    for t in county.townships:
        assert hours(t, "森林防灭火") == 120.0
        assert t.office_kinds()["应急管理办公室"] == ADMIN
        assert t.duties_of_kind(ADMIN)[-1].name == "森林防灭火"
    assert total_hours(county) - total_hours(base) == pytest.approx(360.0)
    assert len(county.township("乙乡").offices) == 3 and len(county.township("甲镇").offices) == 3
    with pytest.raises(ScenarioError, match="is administrative, not institutional"):
        check_changes(base, [DutyAdded(office="应急管理办公室", office_kind=INST, name="x", fixed_hours=1)])
    with pytest.raises(ScenarioError, match="already has duty '应急值守'"):
        check_changes(base, [DutyAdded(office="应急管理办公室", office_kind=ADMIN, name="应急值守",
                                       fixed_hours=1, townships=["甲镇"])])


def test_duty_removed_from_chosen_townships_or_all():
    base = small_county()
    county, _ = check_changes(base, [DutyRemoved(name="社保登记", townships=["乙乡"])])
    assert hours(county.township("乙乡"), "社保登记") == 0 and hours(county.township("甲镇"), "社保登记") == 150
    assert total_hours(base) - total_hours(county) == pytest.approx(85.0)
    county, _ = check_changes(base, [DutyRemoved(name="公文收发与办理")])
    assert total_hours(base) - total_hours(county) == pytest.approx(200 + 200 + 150)
    with pytest.raises(ScenarioError, match="乙乡 has no duty '应急值守'"):
        check_changes(base, [DutyRemoved(name="应急值守", townships=["甲镇", "乙乡"])])


def test_parameter_change():
    county, _ = check_changes(small_county(), [ParamChange("working_days", 240), ParamChange("max_backup_roles", 2)])
    assert available_hours(county.params) == (240 - 25) * 8 == 1720
    assert county.params.max_backup_roles == 2 and county.params.backup_load_factor == 0.15
    with pytest.raises(ScenarioError, match="working_days.*2480"):
        check_changes(small_county(), [ParamChange("working_days", 2480)])
    with pytest.raises(ScenarioError, match="no parameter named 'coffee_breaks'"):
        check_changes(small_county(), [ParamChange("coffee_breaks", 3)])


def test_lock_and_unlock():
    county, _ = check_changes(small_county(), [LockTownship("甲镇", True), LockTownship("丙镇", False)])
    assert [t.locked for t in county.townships] == [True, False, False]


def test_band_for_a_category_then_an_exception_for_one_township():
    county, options = check_changes(small_county(), [
        Band(kind=ADMIN, category="一类", min=18, max=40), Band(kind=INST, township="乙乡", min=None, max=24),
        Band(kind=ADMIN, township="甲镇", min=19, max=None)])
    assert options.bands == {("甲镇", ADMIN): (19, None), ("乙乡", INST): (None, 24)}
    with pytest.raises(ScenarioError, match="minimum 30 is above maximum 20"):
        check_changes(small_county(), [Band(kind=ADMIN, township="甲镇", min=30, max=20)])
    with pytest.raises(ScenarioError, match="either a township or a category"):
        check_changes(small_county(), [Band(kind=ADMIN, township="甲镇", category="一类", min=1)])


def test_merge_combines_quota_staff_offices_and_duties():
    base = small_county()
    county, _ = check_changes(base, [Merge(a="甲镇", b="乙乡", new_name="甲乙镇", leadership=11)])
    assert [t.name for t in county.townships] == ["甲乙镇", "丙镇"]
    merged = county.township("甲乙镇")
    assert (merged.quotas[ADMIN].approved, merged.quotas[ADMIN].staff, merged.quotas[ADMIN].leadership) == (36, 34, 11)
    assert (merged.quotas[INST].approved, merged.quotas[INST].staff) == (55, 45)
    assert [o.name for o in merged.offices] == ["党政综合办公室", "应急管理办公室", "便民服务中心"]
    # The shared duty becomes one: 1,200 + 600 cases; the weighted standard time keeps 200 + 200 h.
    doc = [d for d in merged.duties if d.name == "公文收发与办理"]
    assert len(doc) == 1 and doc[0].annual_volume == 1800
    assert doc[0].minutes_per_case == pytest.approx((1200 * 10 + 600 * 20) / 1800)
    assert duty_hours(doc[0]) == pytest.approx(400.0)
    assert hours(merged, "社保登记") == pytest.approx(150 + 85)
    assert total_hours(county) == pytest.approx(total_hours(base))
    assert (merged.population, merged.villages, merged.category) == (52000, 18, "一类")
    assert len(merged.people) == 43
    for kind in KINDS:
        assert sum(t.quota(kind).approved for t in county.townships) == \
            sum(t.quota(kind).approved for t in base.townships)


def test_merge_errors_name_the_change():
    base = small_county()
    with pytest.raises(ScenarioError) as info:
        check_changes(base, [LockTownship("甲镇"), Merge(a="甲镇", b="丙镇", new_name="新镇", leadership=10)])
    text = str(info.value)
    assert "第 2 项变动（甲镇与丙镇合并为新镇（领导职数 10））" in text and "unlock it first" in text
    with pytest.raises(ScenarioError, match="outside 0–36"):
        check_changes(base, [Merge(a="甲镇", b="乙乡", new_name="新镇", leadership=37)])
    with pytest.raises(ScenarioError, match="'丙镇' already exists"):
        check_changes(base, [Merge(a="甲镇", b="乙乡", new_name="丙镇", leadership=9)])
    # Unlocking first, in the same scenario, makes the merger possible.
    county, _ = check_changes(base, [LockTownship("丙镇", False),
                                     Merge(a="甲镇", b="丙镇", new_name="甲镇", leadership=10)])
    assert [t.name for t in county.townships] == ["甲镇", "乙乡"]


def test_split_divides_volumes_staff_and_quota():
    base = small_county()
    change = Split(township="甲镇", new_a="甲东镇", new_b="甲西镇", share_a=0.4,
                   approved_a={ADMIN: 9}, leadership_a=7, leadership_b=8)
    county, _ = check_changes(base, [change])
    assert [t.name for t in county.townships] == ["甲东镇", "甲西镇", "乙乡", "丙镇"]
    east, west = county.township("甲东镇"), county.township("甲西镇")
    # Administrative 20/18: approved 9 as given, staff round(18 × 0.4) = 7; the rest to the west.
    assert (east.quotas[ADMIN].approved, east.quotas[ADMIN].staff, east.quotas[ADMIN].leadership) == (9, 7, 7)
    assert (west.quotas[ADMIN].approved, west.quotas[ADMIN].staff, west.quotas[ADMIN].leadership) == (11, 11, 8)
    # Institutional 30/25 by the share: 12/10 and 18/15.
    assert (east.quotas[INST].approved, east.quotas[INST].staff) == (12, 10)
    assert (west.quotas[INST].approved, west.quotas[INST].staff) == (18, 15)
    assert hours(east, "应急值守") == pytest.approx(120.0) and hours(west, "应急值守") == pytest.approx(180.0)
    assert hours(east, "防汛抗旱") == pytest.approx(60.0)
    assert total_hours(county) == pytest.approx(total_hours(base))
    assert east.population + west.population == 40000 and east.villages + west.villages == 12
    assert sum(p.kind == ADMIN for p in east.people) == 7 and len(east.people) + len(west.people) == 43
    with pytest.raises(ScenarioError, match="strictly between 0 and 1"):
        check_changes(base, [Split(township="甲镇", new_a="a", new_b="b", share_a=1)])
    with pytest.raises(ScenarioError, match="leadership posts of 甲东镇 9 is outside 0–8"):
        check_changes(base, [Split(township="甲镇", new_a="甲东镇", new_b="甲西镇", share_a=0.4,
                                   approved_a={ADMIN: 8}, leadership_a=9)])


def test_the_baseline_county_is_never_mutated():
    base = small_county()
    before = copy.deepcopy(base)
    check_changes(base, [
        DutyGrowth(match="社保", percent=30), DutyAdded(office="新办", office_kind=ADMIN, name="新事项", fixed_hours=5),
        DutyRemoved(name="户籍证明开具"), ParamChange("hours_per_day", 7.5), LockTownship("甲镇"),
        LockTownship("丙镇", False), Merge(a="乙乡", b="丙镇", new_name="乙丙镇", leadership=10),
        Split(township="乙丙镇", new_a="乙", new_b="丙", share_a=0.5), TotalCut(INST, percent=5),
        Reserve(ADMIN, 2), Band(kind=ADMIN, category="一类", min=15, max=45)])
    assert base == before


def test_every_change_type_round_trips_through_json():
    changes = [
        TotalCut(INST, percent=5), TotalCut(ADMIN, slots=3), Reserve(ADMIN, 4),
        Band(kind=INST, category="二类", min=35, max=45),
        DutyGrowth(match="应急", percent=20, townships=["甲镇"]),
        DutyAdded(office="应急管理办公室", office_kind=ADMIN, name="新事项", annual_volume=10, minutes_per_case=30),
        DutyRemoved(name="社保登记", townships=None), ParamChange("backup_load_factor", 0.2),
        LockTownship("乙乡", False), Merge(a="甲镇", b="乙乡", new_name="甲乙镇", leadership=10),
        Split(township="丙镇", new_a="丙东", new_b="丙西", share_a=0.3, approved_a={ADMIN: 7}, staff_a={INST: 9}),
        LibraryBands(bands=[["一类", ADMIN, None, 40], ["二类", INST, 30, 40]]), Horizon(years=3),
    ]
    assert {c.TYPE for c in changes} == set(CHANGE_TYPES)
    text = dump_changes(changes)
    assert parse_changes(text) == changes
    assert json.loads(text)[0] == {"type": "total_cut", "kind": INST, "percent": 5, "slots": None}
    for change in changes:
        assert change.describe("zh") and change.describe("en") and change.describe("zh") != change.describe("en")


def test_bad_json_is_refused_by_name():
    with pytest.raises(ScenarioError, match="unknown change type 'teleport'"):
        change_from_dict({"type": "teleport"})
    with pytest.raises(ScenarioError, match=r"unknown fields for 'reserve'"):
        change_from_dict({"type": "reserve", "kind": ADMIN, "slots": 2, "colour": "red"})
    with pytest.raises(ScenarioError, match="not valid JSON"):
        parse_changes("[{")


def test_the_working_copy_equals_the_county_and_shares_nothing_mutable_with_it():
    import itertools

    from planner.demo.county import generate_demo
    from planner.scenarios.store import copy_county

    base = generate_demo(14, 1)
    work = copy_county(base)
    assert work == base  # every field of every row, so a new field left out of the copy fails here

    def objects(county):
        return {id(o) for t in county.townships for o in itertools.chain(
            [t, t.quotas, t.offices, t.duties, t.people], t.quotas.values(), t.offices, t.duties, t.people)}

    assert not objects(base) & objects(work)


def test_every_public_name_of_the_scenarios_module_exists():
    import planner.scenarios.store as scenarios

    assert [name for name in scenarios.__all__ if not hasattr(scenarios, name)] == []


def test_merge_and_split_keep_hiring_plans_and_pool_loans():
    from planner.domain.county import HiringPlanData, PoolLoanData
    from planner.domain.months import Month

    base = small_county()
    base.township("甲镇").hiring = [HiringPlanData(INST, 2027, 2)]
    base.township("乙乡").pool_loans = [PoolLoanData(ADMIN, 1, Month(2026, 1), Month(2028, 1))]
    merged, _ = check_changes(base, [Merge(a="甲镇", b="乙乡", new_name="甲镇", leadership=9)])
    assert merged.township("甲镇").hiring == base.township("甲镇").hiring
    assert merged.township("甲镇").pool_loans == base.township("乙乡").pool_loans
    split, _ = check_changes(base, [Split(township="甲镇", new_a="甲东镇", new_b="甲西镇", share_a=0.4)])
    assert split.township("甲东镇").hiring == base.township("甲镇").hiring
    assert split.township("甲西镇").hiring == []
