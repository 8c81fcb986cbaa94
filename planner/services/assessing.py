"""The township assessment of the ledger in a database: computed, and as the JSON `assess` writes.

The figures come from planner.domain.assessment alone; the window, the printed pages, the
workbook and the command line all read the same CountyAssessment.
"""

from __future__ import annotations

from planner.domain.assessment import CountyAssessment, KindAssessment, TownshipAssessment, assess_county
from planner.domain.months import Month
from planner.errors import UserError
from planner.services.rules import rules_in
from planner.store.ledger import load_county
from planner.store.ledger_view import pressure_status


class UnknownTownship(UserError, LookupError):
    """A township the ledger does not hold."""


def assessment_job(db, township: str | None = None, as_of: Month | None = None) -> CountyAssessment:
    """The assessment of every township (or of `township`) from `as_of` (default this month)."""
    with db.session() as session:
        county = load_county(session)
        rules = rules_in(session)
    names = None
    if township is not None:
        if township not in {t.name for t in county.townships}:
            raise UnknownTownship(f"台账中没有乡镇“{township}”", message_en="the ledger holds no such township")
        names = [township]
    return assess_county(county, rules, as_of or Month.today(), names, status_of=pressure_status)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _kind_json(k: KindAssessment) -> dict:
    return {"kind": k.kind, "approved": k.approved, "staff": k.staff, "leadership": k.leadership,
            "vacancy": k.vacancy, "usable_vacancy": k.usable_vacancy, "over_quota": k.over_quota, "pool": k.pool,
            "required_fte": _round(k.need_fte, 2), "wisn_ratio": _round(k.wisn_ratio, 3), "status": k.status,
            "band_min": k.band.low, "band_max": k.band.high}


def _township_json(t: TownshipAssessment) -> dict:
    return {
        "township": t.name, "type": t.type, "category": t.category, "population": t.population,
        "villages": t.villages, "kinds": [_kind_json(k) for k in t.kinds],
        "leadership": t.leadership, "leadership_min": t.leadership_standard.low,
        "leadership_max": t.leadership_standard.high,
        "offices": dict(t.offices), "office_limits": dict(t.office_limits),
        "age": {"on_file": t.age.on_file, "birth_known": t.age.known, "under_30": t.age.young,
                "aged_55_or_more": t.age.old, "retiring_5_years": t.age.retiring,
                "under_30_share": _round(t.age.young_share, 3), "aged_55_or_more_share": _round(t.age.old_share, 3)},
        "slots_per_10k_residents": _round(t.comparison.per_10k, 2),
        "slots_per_village": _round(t.comparison.per_village, 2),
        "warnings": [w.zh for w in t.warnings], "warnings_en": [w.en for w in t.warnings],
    }


def assessment_json(result: CountyAssessment) -> dict:
    """The JSON of `assess --json` (docs/interfaces.md)."""
    return {"county": result.county, "as_of": str(result.as_of),
            "median_slots_per_10k_residents": _round(result.median_per_10k, 2),
            "median_slots_per_village": _round(result.median_per_village, 2),
            "townships": [_township_json(t) for t in result.townships]}
