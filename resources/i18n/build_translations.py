"""Refresh the Qt Linguist catalogues and compile them: `python resources/i18n/build_translations.py`.

1. pyside6-lupdate collects the tr()/translate() strings of each catalogue's
   ui/ modules into its .ts file (existing translations are kept);
2. pyside6-lrelease compiles every *.ts here into the .qm that ui/i18n.py loads.

Each group of modules keeps its own catalogue, so engineers working on
different parts do not edit the same .ts file: add a line to CATALOGUES for a
new one. A ui/ module that no catalogue claims is reported, because its
strings would stay English. Then open the .ts in pyside6-linguist (or an
editor), translate every entry and run this script again; commit .ts and .qm.

    --check   only compile into a temporary folder and report .qm files that
              differ from their .ts (what the test suite checks)
    --only planner_zh_CN.ts [...]   refresh and compile just these catalogues
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
UI = ROOT / "ui"

# catalogue -> the ui/ modules (globs relative to ui/) whose strings it holds.
CATALOGUES: dict[str, list[str]] = {
    "planner_zh_CN.ts": ["__init__.py", "app.py", "settings.py", "i18n.py", "fonts.py", "labels.py",
                         "main_window.py", "file_menu.py", "ledger_model.py", "ledger_filter.py",
                         "ledger_panel.py", "detail_models.py", "detail_view.py", "commands.py", "delegates.py",
                         "parameters_dialog.py", "help_dialog.py", "screen_fit.py"],
    "report_zh_CN.ts": ["print_actions.py", "report/*.py"],
    "excel_zh_CN.ts": ["excel_actions.py", "excel_dialogs.py"],
    "safety_zh_CN.ts": ["safety_actions.py", "audit_view.py"],
    "scenario_zh_CN.ts": ["scenario_*.py", "compare_view.py", "compare_report.py"],
    "results_zh_CN.ts": ["solve_panel.py", "results_view.py", "results_models.py", "charts_view.py",
                         "apply_action.py", "tasks.py", "solve_runner.py"],
    "assess_zh_CN.ts": ["assessment_*.py", "rules_dialog.py", "decisions_view.py"],
    "posts_zh_CN.ts": ["posts_view.py", "cover_dialog.py"],
    "time_zh_CN.ts": ["people_view.py", "time_*.py", "forecast_view.py", "plan_*.py"],
}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to the running Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 (pip install PySide6-Essentials)")
    return found


def sources(patterns: list[str]) -> list[Path]:
    files: list[Path] = []
    for pattern in patterns:
        matched = sorted(UI.glob(pattern))
        if not matched:
            print(f"warning: no ui/{pattern}", file=sys.stderr)
        files += matched
    return files


def unclaimed() -> list[Path]:
    claimed = {p for patterns in CATALOGUES.values() for p in sources(patterns)}
    return [p for p in sorted(UI.rglob("*.py")) if p not in claimed]


def lupdate(only: list[str] | None = None) -> None:
    for ts_name, patterns in CATALOGUES.items():
        if only and ts_name not in only:
            continue
        files = [str(p) for p in sources(patterns)]
        # No source locations: line numbers would change the .ts on every edit of the code.
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-target-language", "zh_CN", *files, "-ts", str(HERE / ts_name)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def stale_qm_files() -> list[str]:
    """.ts files whose .qm is missing or not what lrelease makes of them now."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(HERE.glob("*.ts")):
            fresh = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, fresh)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or not filecmp.cmp(fresh, committed, shallow=False):
                stale.append(committed.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale .qm files, change nothing")
    parser.add_argument("--only", nargs="+", metavar="TS", help="refresh and compile just these catalogues")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_qm_files()
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    lupdate(args.only)
    for ts in sorted(HERE.glob("*.ts")):
        if not args.only or ts.name in args.only:
            lrelease(ts, ts.with_suffix(".qm"))
    for path in unclaimed():
        if path.name != "__init__.py":
            print(f"note: ui/{path.relative_to(UI)} is in no catalogue", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
