"""Statutory retirement months under the 2024 decision on raising the retirement age.

The Standing Committee of the National People's Congress decided on
13 September 2024 (in force 1 January 2025) to raise the statutory retirement
age gradually over fifteen years. Each group keeps its former age for those
born before its first affected month; from that month on, every `step` months
of birth add one month, up to `cap` months:

- men: 60, from births in January 1965, one month per 4, at most 36 (63);
- women cadres (former age 55): from January 1970, one per 4, at most 36 (58);
- women workers (former age 50): from January 1975, one per 2, at most 60 (55).

Retirement month = birth month + base age + delay, as in the official
month-by-month table (a man born January 1965 retires in February 2025, at
60 years and 1 month).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.months import Month

MALE, FEMALE = "男", "女"
CADRE, WORKER = "干部", "工人"
SEXES = (MALE, FEMALE)
STATUSES = (CADRE, WORKER)


@dataclass(frozen=True)
class RetirementRule:
    group: str           # "male" | "female_cadre" | "female_worker"
    base_years: int
    first_affected: Month
    step_months: int
    cap_months: int

    def delay_months(self, birth: Month) -> int:
        if birth < self.first_affected:
            return 0
        return min(self.cap_months, birth.minus(self.first_affected) // self.step_months + 1)

    def age_months(self, birth: Month) -> int:
        return self.base_years * 12 + self.delay_months(birth)


RULES: dict[str, RetirementRule] = {
    "male": RetirementRule("male", 60, Month(1965, 1), 4, 36),
    "female_cadre": RetirementRule("female_cadre", 55, Month(1970, 1), 4, 36),
    "female_worker": RetirementRule("female_worker", 50, Month(1975, 1), 2, 60),
}


def rule_for(sex: str | None, status: str | None) -> RetirementRule | None:
    """The group of a person; None when the sex is not known. Status defaults to cadre."""
    if sex == MALE:
        return RULES["male"]
    if sex == FEMALE:
        return RULES["female_worker" if status == WORKER else "female_cadre"]
    return None


def retirement_age_months(sex: str | None, status: str | None, birth: Month | None) -> int | None:
    """Statutory retirement age in months (721 = 60 years 1 month); None when unknown."""
    rule = rule_for(sex, status)
    if rule is None or birth is None:
        return None
    return rule.age_months(birth)


def retirement_month(sex: str | None, status: str | None, birth: Month | None) -> Month | None:
    age = retirement_age_months(sex, status, birth)
    return None if age is None else birth.plus(age)


def age_text(months: int, lang: str | None = "zh") -> str:
    """721 → 60岁1个月 / 60 years 1 month; whole years without the months."""
    years, rest = divmod(months, 12)
    if lang and not str(lang).lower().startswith("zh"):
        text = f"{years} years"
        return text + (f" {rest} month{'s' if rest > 1 else ''}" if rest else "")
    return f"{years}岁" + (f"{rest}个月" if rest else "")


def age_at(birth: Month, when: Month) -> int:
    """Age in whole months at `when`."""
    return when.minus(birth)


def is_overdue(sex: str | None, status: str | None, birth: Month | None, as_of: Month) -> bool:
    """Past the retirement month and still on file."""
    month = retirement_month(sex, status, birth)
    return month is not None and month < as_of
