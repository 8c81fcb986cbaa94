"""The demo county is deterministic and realistic (domain.md's ranges)."""

from planner.domain.county import KINDS
from planner.demo.county import generate_demo
from planner.domain.workload import duty_hours, post_capacity_hours, required_fte


def test_same_seed_same_county_other_seed_other_county():
    assert generate_demo(14, seed=3) == generate_demo(14, seed=3)
    assert generate_demo(14, seed=3) != generate_demo(14, seed=4)


def test_demo_within_realistic_ranges():
    county = generate_demo(14, seed=1)
    assert len(county.townships) == 14
    assert len({t.name for t in county.townships}) == 14
    over_quota = 0
    vacancies = 0
    for t in county.townships:
        assert t.type in ("乡", "镇", "街道") and t.category in ("一类", "二类", "三类")
        assert 10_000 <= t.population <= 80_000
        assert 4 <= t.villages <= 30
        assert set(t.quotas) <= set(KINDS)
        admin, inst = t.quotas["administrative"], t.quotas["institutional"]
        assert 15 <= admin.approved <= 45 and 20 <= inst.approved <= 55
        assert 0 <= t.quota("support").approved <= 5
        assert 8 <= admin.leadership <= 13 and admin.approved >= admin.leadership
        assert 80 <= len(t.duties) <= 200
        # Cases at the counter (5–30 minutes each); field trips and paperwork are counted apart.
        cases = sum(d.annual_volume for d in t.duties if 0 < d.minutes_per_case <= 30)
        assert 1_000 <= cases <= 15_000
        assert all(d.minutes_per_case == 0 or 5 <= d.minutes_per_case <= 240 for d in t.duties)
        assert all(duty_hours(d) >= 0 for d in t.duties)
        assert {d.office for d in t.duties} <= {o.name for o in t.offices}
        for q in t.quotas.values():
            over_quota += q.over_quota > 0
            vacancies += q.vacancy > 0
        assert sum(1 for p in t.people if p.kind == "administrative") == admin.staff
    assert vacancies >= 10
    assert 1 <= over_quota <= 10


def test_scales_to_thousands_of_unique_names():
    county = generate_demo(2000, seed=1)
    assert len({t.name for t in county.townships}) == 2000


def test_workload_comes_first_and_looks_like_a_real_duty_list():
    """Mostly case-based counter and field items, a handful of fixed-hour duties, rarely a duty
    larger than one person, and quotas that drift from the workload (some short, some spare)."""
    county = generate_demo(200, seed=1, with_people=False, time_ledger=False)
    capacity = post_capacity_hours(county.params)
    duties = [d for t in county.townships for d in t.duties]
    assert sum(duty_hours(d) > capacity for d in duties) / len(duties) < 0.05
    assert max(duty_hours(d) for d in duties) < 5 * capacity
    short = spare = 0
    for t in county.townships:
        fixed = [d for d in t.duties if d.minutes_per_case == 0 and d.office != "后勤保障组"]
        assert len(fixed) <= 8
        hours = sum(duty_hours(d) for d in t.duties)
        assert sum(duty_hours(d) for d in fixed) < 0.3 * hours
        kind_of = {o.name: o.kind for o in t.offices}
        admin = t.quotas["administrative"]
        fte = required_fte(sum(duty_hours(d) for d in t.duties if kind_of[d.office] == "administrative"),
                           county.params, admin.leadership)
        short += admin.approved < fte
        spare += admin.approved > fte * 1.3
    # History, not the workload, set the quotas: both kinds of township are common.
    assert short >= 20 and spare >= 20
