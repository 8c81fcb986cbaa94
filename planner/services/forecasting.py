"""The retirement and leavers forecast of the ledger in a database, as JSON and as a workbook.

The `forecast` command and the window call these; the figures come from
planner.domain.forecast alone.
"""

from __future__ import annotations

from planner.domain.forecast import Forecast, forecast
from planner.domain.months import Month
from planner.store.ledger import load_county


def forecast_job(db, years: int | None = None, as_of: Month | None = None) -> Forecast:
    """The forecast of the ledger in `db` from `as_of` (default this month) for `years` years
    (default the county's plan horizon)."""
    with db.session() as session:
        county = load_county(session)
    return forecast(county, as_of or Month.today(), years)


def _text(month: Month | None) -> str | None:
    return None if month is None else str(month)


def forecast_json(result: Forecast) -> dict:
    """The JSON of interfaces.md; leavers as Forecast.leaver_rows counts them."""
    leavers = [{"township": township, "kind": kind, "year": year, "retirements": retirements, "other": other}
               for township, kind, year, retirements, other in result.leaver_rows()]
    return {
        "as_of": str(result.as_of),
        "years": list(result.years),
        "people": [{
            "township": p.township, "kind": p.kind, "name": p.person.name, "sex": p.person.sex,
            "birth_month": _text(p.person.birth_month), "status": p.person.status,
            "retirement_age_months": p.retirement_age_months, "retirement_age": p.retirement_age,
            "retirement_month": _text(p.retirement_month),
        } for p in result.people],
        "leavers": leavers,
    }
