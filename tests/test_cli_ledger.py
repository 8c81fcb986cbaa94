"""The `demo`, `summary` and `--version` commands as a user runs them."""

import subprocess
import sys
from pathlib import Path

from planner import __version__

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_demo_then_summary_prints_every_township_and_kind(tmp_path):
    db = tmp_path / "county.sqlite"
    out = run("demo", "--db", str(db), "--townships", "20", "--seed", "5")
    assert out.returncode == 0, out.stderr
    summary = run("summary", "--db", str(db))
    assert summary.returncode == 0, summary.stderr
    lines = summary.stdout.strip().splitlines()
    rows = [line.split("\t") for line in lines[2:]]
    assert len({r[0] for r in rows}) == 20
    assert {r[1] for r in rows} <= {"行政", "事业", "工勤"}
    for name, _kind, approved, staff, vacancy, over, fte, ratio in rows:
        approved, staff, vacancy, over = map(int, (approved, staff, vacancy, over))
        assert vacancy == max(0, approved - staff) and over == max(0, staff - approved)
        if ratio != "—":
            # Both figures are printed to two places: the ratio is within the rounding of each.
            fte = float(fte)
            assert staff / (fte + 0.005) - 0.005 <= float(ratio) <= staff / (fte - 0.005) + 0.005


def test_summary_of_missing_database_is_a_clear_error(tmp_path):
    out = run("summary", "--db", str(tmp_path / "nope.sqlite"))
    assert out.returncode == 2
    assert "不存在" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "nope.sqlite").exists()
