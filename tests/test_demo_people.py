"""The demo county's people, hiring plans and pool loans are realistic and consistent."""

from __future__ import annotations

from planner.demo.county import generate_demo
from planner.demo.people import DEMO_MONTH
from planner.domain.forecast import forecast
from planner.domain.time_rules import hiring_findings, loan_findings, pool_overdrawn, roster_gaps


def test_people_on_file_equal_the_staff_and_leaders_the_posts():
    for seed in (1, 2, 3):
        county = generate_demo(14, seed)
        assert roster_gaps(county) == []
        for t in county.townships:
            assert sum(p.leader for p in t.people) == t.quota("administrative").leadership
            assert all(p.sex in ("男", "女") and p.birth_month is not None for p in t.people)
            assert all(p.status == ("工人" if p.kind == "support" else "干部") for p in t.people)


def test_age_structure_and_retirements_per_year():
    county = generate_demo(14, 1)
    ages = [DEMO_MONTH.minus(p.birth_month) // 12 for t in county.townships for p in t.people]
    share = lambda low, high: sum(low <= a <= high for a in ages) / len(ages)  # noqa: E731
    assert share(45, 55) > 0.4 and share(22, 29) < 0.1 and 0 < share(56, 70) < 0.2
    assert min(ages) >= 22
    result = forecast(county, DEMO_MONTH, 5)
    assert result.overdue() == []
    staff = len(result.people)
    for seed in (1, 2):
        result = forecast(generate_demo(14, seed), DEMO_MONTH, 5)
        staff = len(result.people)
        by_year = result.retirements_by_year()
        # Some 2–4% a year on average; one year may stray, as a real roll's does.
        assert 0.02 <= sum(by_year.values()) / len(by_year) / staff <= 0.04, (seed, by_year, staff)
        for year, retirements in by_year.items():
            assert 0.01 <= retirements / staff <= 0.05, (seed, year, retirements, staff)
    assert generate_demo(14, 1).townships[3].people == county.townships[3].people  # deterministic


def test_hiring_plans_within_usable_vacancy_and_two_lawful_loans():
    county = generate_demo(14, 1)
    planned = [(t, h) for t in county.townships for h in t.hiring]
    assert planned and all(h.year == DEMO_MONTH.year + 1 for _, h in planned)
    assert all(hiring_findings(t, h.kind) == [] for t, h in planned)
    loans = [(t, loan) for t in county.townships for loan in t.pool_loans]
    assert len(loans) == 2
    for t, loan in loans:
        assert loan_findings(loan, county.time) == []
        assert t.usable_vacancy(loan.kind) == 0
    assert pool_overdrawn(county) == []
    assert sum(p.planned_leave is not None for t in county.townships for p in t.people) >= 2


def test_demo_figures_are_those_of_a_county_without_the_time_ledger():
    with_time, without = generate_demo(14, 1), generate_demo(14, 1, time_ledger=False)
    for a, b in zip(with_time.townships, without.townships):
        assert (a.quotas, a.offices, a.duties) == (b.quotas, b.offices, b.duties)
        assert [(p.name, p.kind, p.office, p.quota_since) for p in a.people] == [
            (p.name, p.kind, p.office, p.quota_since) for p in b.people]
