"""Retirement months under the 2024 decision, against hand-computed months at every band's edges."""

from __future__ import annotations

import pytest

from planner.domain.months import Month
from planner.domain.retirement import (
    age_text, is_overdue, retirement_age_months, retirement_month, rule_for,
)

# (sex, status, birth, age in months, age as shown, retirement month): each computed by hand
# as birth + base + delay, delay = (months since the first affected birth month) // step + 1.
CASES = [
    # men: base 60, from 1965-01, one month per 4, at most 36
    ("男", "干部", "1964-12", 720, "60岁", "2024-12"),          # born before the first affected month
    ("男", "干部", "1965-01", 721, "60岁1个月", "2025-02"),     # the first affected month
    ("男", "工人", "1965-04", 721, "60岁1个月", "2025-05"),     # last month of the first band
    ("男", "干部", "1965-05", 722, "60岁2个月", "2025-07"),     # first step
    ("男", "干部", "1965-08", 722, "60岁2个月", "2025-10"),
    ("男", "干部", "1965-09", 723, "60岁3个月", "2025-12"),
    ("男", "干部", "1970-01", 736, "61岁4个月", "2031-05"),     # 60 months in: 60 // 4 + 1 = 16
    ("男", "干部", "1976-08", 755, "62岁11个月", "2039-07"),    # last band before the cap
    ("男", "干部", "1976-09", 756, "63岁", "2039-09"),          # the cap
    ("男", "干部", "1980-01", 756, "63岁", "2043-01"),          # after the cap
    # women cadres: base 55, from 1970-01, one month per 4, at most 36
    ("女", "干部", "1969-12", 660, "55岁", "2024-12"),
    ("女", "干部", "1970-01", 661, "55岁1个月", "2025-02"),
    ("女", "干部", "1970-04", 661, "55岁1个月", "2025-05"),
    ("女", "干部", "1970-05", 662, "55岁2个月", "2025-07"),
    ("女", "干部", "1981-08", 695, "57岁11个月", "2039-07"),
    ("女", "干部", "1981-09", 696, "58岁", "2039-09"),
    ("女", "干部", "1990-06", 696, "58岁", "2048-06"),
    # women workers: base 50, from 1975-01, one month per 2, at most 60
    ("女", "工人", "1974-12", 600, "50岁", "2024-12"),
    ("女", "工人", "1975-01", 601, "50岁1个月", "2025-02"),
    ("女", "工人", "1975-02", 601, "50岁1个月", "2025-03"),
    ("女", "工人", "1975-03", 602, "50岁2个月", "2025-05"),
    ("女", "工人", "1984-10", 659, "54岁11个月", "2039-09"),
    ("女", "工人", "1984-11", 660, "55岁", "2039-11"),
    ("女", "工人", "1984-12", 660, "55岁", "2039-12"),
    ("女", "工人", "1995-01", 660, "55岁", "2050-01"),
]


@pytest.mark.parametrize("sex,status,birth,age,shown,month", CASES)
def test_retirement_month_at_every_edge(sex, status, birth, age, shown, month):
    born = Month.parse(birth)
    assert retirement_age_months(sex, status, born) == age
    assert age_text(age) == shown
    assert str(retirement_month(sex, status, born)) == month


def test_months_walk_one_band_at_a_time():
    """Within the reform's span each step of births adds exactly one month, never more."""
    for sex, status, first, step, cap in (("男", "干部", Month(1965, 1), 4, 36), ("女", "干部", Month(1970, 1), 4, 36),
                                          ("女", "工人", Month(1975, 1), 2, 60)):
        base = rule_for(sex, status).base_years * 12
        ages = [retirement_age_months(sex, status, first.plus(i)) - base for i in range(-3, step * cap + 10)]
        assert ages[:3] == [0, 0, 0] and max(ages) == cap
        assert all(b - a in (0, 1) for a, b in zip(ages, ages[1:]))
        assert ages.count(1) == step


def test_unknown_sex_or_birth_has_no_retirement_and_status_defaults_to_cadre():
    assert retirement_month(None, "干部", Month(1970, 1)) is None
    assert retirement_month("男", "干部", None) is None
    assert retirement_age_months("女", None, Month(1970, 1)) == 661


def test_english_age_and_overdue():
    assert age_text(721, "en") == "60 years 1 month" and age_text(756, "en") == "63 years"
    assert age_text(662, "en") == "55 years 2 months"
    # retires 2024-06: past it in 2026-11; someone retiring in the as-of month is not yet overdue
    assert is_overdue("男", "干部", Month(1964, 6), Month(2026, 11))
    assert not is_overdue("男", "干部", Month(1966, 7), Month(2026, 11))   # 1966-07 + 60y5m = 2026-12
    assert not is_overdue("男", "干部", Month(1966, 7), Month(2026, 12))


def test_month_parsing():
    assert Month.parse("1972-05") == Month.parse("1972年5月") == Month.parse("1972.05") == Month(1972, 5)
    assert Month.parse("197205") == Month.parse("1972-05-17") == Month(1972, 5)
    for bad in ("1972-13", "72-05", "五月", "1972-02-30"):
        with pytest.raises(ValueError):
            Month.parse(bad)
    assert Month(2026, 11).plus(3) == Month(2027, 2) and Month(2027, 2).minus(Month(2026, 11)) == 3
