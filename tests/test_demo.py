"""The demo county is deterministic and realistic (domain.md's ranges)."""

from planner.domain.county import KINDS
from planner.demo.county import generate_demo
from planner.domain.workload import duty_hours


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
        cases = sum(d.annual_volume for d in t.duties)
        assert 1_000 <= cases <= 15_000
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
