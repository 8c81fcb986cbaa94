"""Workload arithmetic checked against figures computed by hand."""

import math

import pytest
from hypothesis import given, strategies as st

from planner.domain.county import QuotaData
from planner.domain.workload import (
    ParameterError, WorkParams, available_hours, case_hours, post_capacity_hours, pressure,
    required_fte, shared_allowance_factor,
)


def test_available_working_time_by_hand():
    # (248 − 10 − 5 − 10) days × 8 h = 223 × 8 = 1,784 h
    assert available_hours(WorkParams()) == pytest.approx(1784.0)


def test_who_wisn_case_by_hand():
    # WHO WISN manual: 100,000 consultations a year at 15 minutes each, with
    # 179 available days of 8 hours: 100,000 × 15 / 60 = 25,000 h;
    # 179 × 8 = 1,432 h; 25,000 / 1,432 = 17.458 FTE before allowances.
    params = WorkParams(working_days=179, annual_leave_days=0, other_absence_days=0,
                        training_days=0, hours_per_day=8, shared_duty_share=0.0)
    hours = case_hours(100_000, 15)
    assert hours == pytest.approx(25_000.0)
    assert available_hours(params) == pytest.approx(1432.0)
    assert required_fte(hours, params) == pytest.approx(17.4581, abs=1e-4)
    assert round(required_fte(hours, params), 2) == 17.46


def test_allowances_by_hand():
    params = WorkParams(shared_duty_share=0.2)
    assert shared_allowance_factor(params) == pytest.approx(1.25)
    # 3,568 h of duties = 2 AWT; × CAF 1.25 = 2.5; + individual 892 h = 0.5 FTE; + 9 leaders
    assert required_fte(3568, params, leadership=9, individual_hours=892) == pytest.approx(12.0)
    # A post's capacity for duties is AWT less the shared share: 1,784 × 0.8
    assert post_capacity_hours(params) == pytest.approx(1427.2)


def test_case_hours_with_fixed_hours():
    assert case_hours(120, 30, 40) == pytest.approx(100.0)


def test_pressure_ratio():
    assert pressure(18, 20) == pytest.approx(0.9)
    assert pressure(3, 0) is None


@pytest.mark.parametrize("field,value,fragment", [
    ("working_days", 2480, "年工作日"),
    ("hours_per_day", 0, "每日工时"),
    ("shared_duty_share", 1.0, "公共事务时间占比"),
    ("backup_load_factor", -0.1, "备岗负荷系数"),
    ("max_backup_roles", 0, "每人最多B岗数"),
    ("max_backup_roles", 2.5, "整数"),
    ("annual_leave_days", float("nan"), "年休假天数"),
    ("training_days", "ten", "培训天数"),
])
def test_parameters_out_of_range_are_rejected_by_name(field, value, fragment):
    with pytest.raises(ParameterError, match=fragment):
        WorkParams(**{field: value}).validate()


def test_absences_cannot_exceed_working_days():
    with pytest.raises(ParameterError, match="不少于年工作日"):
        WorkParams(working_days=100, annual_leave_days=60, other_absence_days=40).validate()


@given(approved=st.integers(0, 2000), staff=st.integers(0, 2000))
def test_vacancy_and_over_quota_never_both_positive(approved, staff):
    q = QuotaData("institutional", approved, staff)
    assert not (q.vacancy > 0 and q.over_quota > 0)
    assert q.vacancy - q.over_quota == approved - staff


@given(volume=st.floats(0, 1e6), extra=st.floats(0.001, 1e5), minutes=st.floats(0.1, 600),
       share=st.floats(0, 0.9))
def test_fte_grows_with_volume(volume, extra, minutes, share):
    params = WorkParams(shared_duty_share=share)
    low = required_fte(case_hours(volume, minutes), params)
    high = required_fte(case_hours(volume + extra, minutes), params)
    assert high > low or math.isclose(high, low, rel_tol=1e-12)
    assert high >= low


@given(st.builds(WorkParams,
                 working_days=st.floats(100, 366), annual_leave_days=st.floats(0, 30),
                 other_absence_days=st.floats(0, 30), training_days=st.floats(0, 30),
                 hours_per_day=st.floats(1, 16), shared_duty_share=st.floats(0, 0.9),
                 backup_load_factor=st.floats(0, 1), max_backup_roles=st.integers(1, 50)))
def test_valid_parameters_give_positive_capacity(params):
    params.validate()
    assert available_hours(params) > 0
    assert post_capacity_hours(params) > 0
