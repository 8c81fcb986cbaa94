"""The layers of the code, as pyproject.toml's import contracts state them, hold."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    # lint-imports reads [tool.importlinter] from pyproject.toml; a broken contract names
    # the chain of imports that breaks it.
    run = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports;"
                          " sys.exit(lint_imports(no_cache=True, no_logo=True))"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "BROKEN" not in run.stdout
    assert "Contracts: " in run.stdout and " 0 broken" in run.stdout


def test_no_module_is_too_long_to_read():
    long = [f"{p.relative_to(ROOT)} ({n} lines)"
            for pkg in ("planner", "optimizer", "ui", "cli")
            for p in (ROOT / pkg).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500]
    assert not long, long


def test_planner_top_level_holds_sub_packages_not_a_drawer():
    modules = [p.name for p in (ROOT / "planner").glob("*.py")]
    assert len(modules) <= 12, modules
