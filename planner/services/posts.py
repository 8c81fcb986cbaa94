"""Posts: the use cases the window and the `roster` command call.

Reads give a township as plain data with its posts; the checks, the named
roster, who covers whom and the wall table are computed from it by
planner.domain. The single edits (add, replace, remove a post; name a backup
office) work inside the caller's transaction, as ui.undo's steps want.
"""

from __future__ import annotations

from datetime import date

from planner.domain.county import CountyData, TownshipData
from planner.domain.vocabulary import progress_words
from planner.errors import UserError
from planner.domain.posts_check import Finding, check_posts
from planner.domain.posts_cover import CoverReport, who_covers
from planner.domain.posts_office import OfficeBackup, office_backups, propose_pairing
from planner.domain.posts_roster import NamedRoster, named_roster
from planner.domain.posts_wall import WallRow, WallTable, wall_table
from planner.store.ledger import county_row, load_county, load_params
from planner.store.posts import load_township, add_post, remove_post, replace_post, set_backup_office

__all__ = [
    "WallRow", "WallTable", "add_post", "check_township", "county_with_posts", "cover_report", "remove_post",
    "replace_post", "roster_for", "roster_job", "set_backup_office", "township_with_posts", "wall_table", "wall_tables",
]


def county_with_posts(db) -> CountyData:
    with db.session() as session:
        return load_county(session)


def _township(county: CountyData, name: str) -> TownshipData:
    try:
        return county.township(name)
    except KeyError:
        raise UserError(f"没有名为“{name}”的乡镇", message_en=f"no township named \"{name}\"") from None


def township_with_posts(db, name: str) -> tuple[TownshipData, CountyData]:
    """One township with its posts, and the county (its name and parameters only: no other township)."""
    with db.session() as session:
        township = load_township(session, name)
        params = load_params(session)
        county_name = county_row(session).name
    if township is None:
        raise UserError(f"没有名为“{name}”的乡镇", message_en=f"no township named \"{name}\"")
    return township, CountyData(name=county_name, params=params, townships=[township])


def check_township(db, name: str) -> tuple[list[Finding], list[OfficeBackup], list[OfficeBackup]]:
    """The gaps of the township's posts, its office backups, and pairings proposed where none is named."""
    township, county = township_with_posts(db, name)
    return (check_posts(township, county.params), office_backups(township, county.params),
            propose_pairing(township, county.params))


def roster_for(db, name: str) -> NamedRoster:
    township, county = township_with_posts(db, name)
    return named_roster(township, county.params)


def roster_job(db, name: str, state) -> tuple[TownshipData, NamedRoster]:
    """The named roster as a long task (ui.tasks.run_task): the design may take seconds."""
    state.set_progress(0.05, progress_words("load"))
    township, county = township_with_posts(db, name)
    state.check_cancelled()
    state.set_progress(0.2, progress_words("workload"))
    roster = named_roster(township, county.params)
    state.set_progress(1.0, progress_words("done"))
    return township, roster


def cover_report(db, name: str, away: list[str]) -> CoverReport:
    township, county = township_with_posts(db, name)
    return who_covers(township, county.params, away)


def wall_tables(db, township: str | None = None, on: date | None = None) -> list[WallTable]:
    """The wall table of one township (by name) or of every township, in ledger order."""
    county = county_with_posts(db)
    towns = [_township(county, township)] if township else county.townships
    return [wall_table(county, t, on) for t in towns]

