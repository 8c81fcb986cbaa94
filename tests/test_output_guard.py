"""Nothing a user types destroys a ledger: output paths, demo --force, unwritable places, full disks.

Each case is a command a careless or unlucky user could type; each must end in a clear message,
a non-zero exit and the ledger exactly as it was.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cli import main as cli_main
from safety_helpers import file_digest, run_cli, write_ledger
from planner.services.backups import back_up
from planner.services.outputs import OutputRefused, check_output
from planner.store.backup import backup_folder, list_backups
from planner.store.db import open_database

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "ledger.sqlite"
    db = open_database(path)
    write_ledger(db, 5, 1)
    db.close()
    return path


@pytest.mark.parametrize("command", [
    ["export", "{L}", "--db", "{L}"],
    ["template", "{L}"],
    ["solve", "--db", "{L}", "--json", "{L}"],
    ["solve", "--db", "{L}", "--xlsx", "{L}"],
    ["solve", "--db", "{L}", "--pdf", "{L}"],
    ["solve", "--db", "{L}", "--json", "{L}-wal"],
    ["export", "{B}", "--db", "{L}"],
    ["export", "{OTHER}", "--db", "{L}"],
    ["template", "{OTHER}"],
], ids=["export-over-db", "template-over-db", "json-over-db", "xlsx-over-db", "pdf-over-db",
        "json-over-wal", "export-into-backups", "export-over-another-ledger", "template-over-another-ledger"])
def test_no_output_is_written_over_a_ledger(ledger, tmp_path, capsys, command):
    backup = back_up(ledger)  # a file in the backups folder
    other = tmp_path / "other.sqlite"
    db = open_database(other)
    write_ledger(db, 3, 2)
    db.close()
    before = {p: p.read_bytes() for p in (ledger, backup, other)}
    argv = [a.format(L=ledger, B=backup, OTHER=other) for a in command]
    code, text = run_cli(capsys, *argv)
    assert code == 2, text
    assert "不能写入" in text, text
    if command[0] == "solve":  # the Excel commands speak one language, --lang's; solve speaks both
        assert "refusing to write" in text, text
    else:
        assert "refusing to write" in text or run_cli(capsys, "--lang", "en", *argv)[1].startswith("error: refusing")
    assert {p: p.read_bytes() for p in before} == before


def test_check_output_names_the_reason(ledger, tmp_path):
    with pytest.raises(OutputRefused, match="database in use"):
        check_output(ledger.with_name("ledger.sqlite-shm"), ledger)
    with pytest.raises(OutputRefused, match="folder"):
        check_output(tmp_path, ledger)
    link = tmp_path / "link.xlsx"
    link.symlink_to(ledger)
    with pytest.raises(OutputRefused):
        check_output(link, ledger)
    assert check_output(tmp_path / "fine.xlsx", ledger) == tmp_path / "fine.xlsx"


def test_demo_over_a_ledger_needs_force_and_backs_it_up(ledger, capsys):
    before = file_digest(ledger)
    code, text = run_cli(capsys, "demo", "--db", ledger)
    assert code == 2 and "--force" in text and "untouched" in text
    assert file_digest(ledger) == before and not list_backups(backup_folder(ledger))
    code, text = run_cli(capsys, "demo", "--db", ledger, "--force")
    assert code == 0, text
    [backup] = list_backups(backup_folder(ledger))
    assert file_digest(backup) == before and str(backup) in text
    assert file_digest(ledger) != before


def test_demo_on_an_empty_database_needs_no_force(tmp_path, capsys):
    code, text = run_cli(capsys, "demo", "--db", tmp_path / "new.sqlite")
    assert code == 0, text


def test_demo_on_a_read_only_database_is_a_message(ledger, capsys):
    url = f"sqlite:///file:{ledger}?mode=ro&uri=true"
    before = file_digest(ledger)
    code, text = run_cli(capsys, "demo", "--db", url, "--force")
    assert code == 2 and "Traceback" not in text and "错误" in text, text
    assert file_digest(ledger) == before


def test_demo_on_a_locked_database_is_a_message(ledger, capsys):
    before = file_digest(ledger)
    ready, done = threading.Event(), threading.Event()

    def hold():
        con = sqlite3.connect(str(ledger), timeout=0, check_same_thread=False)
        con.execute("BEGIN EXCLUSIVE")
        ready.set()
        done.wait(30)
        con.rollback()
        con.close()

    holder = threading.Thread(target=hold)
    holder.start()
    ready.wait(5)
    try:
        code, text = run_cli(capsys, "demo", "--db", ledger, "--force")
    finally:
        done.set()
        holder.join()
    assert code == 2 and "locked" in text and "Traceback" not in text, text
    assert file_digest(ledger) == before


@pytest.mark.parametrize("command", [
    ["demo", "--db", "{F}/ledger.sqlite"],
    ["import", "{X}", "--db", "{F}/ledger.sqlite"],
    ["restore", "{G}", "--db", "{F}/ledger.sqlite"],
    ["export", "{F}/out.xlsx", "--db", "{L}"],
    ["backup", "--db", "{L}", "--to", "{F}/copy.sqlite"],
])
def test_a_folder_that_cannot_be_written_is_a_message(ledger, tmp_path, capsys, command):
    """A path whose parent is a regular file: unwritable even for root."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    workbook = tmp_path / "ledger.xlsx"
    assert cli_main(["export", str(workbook), "--db", str(ledger)]) == 0
    good = back_up(ledger, tmp_path / "good.sqlite")
    capsys.readouterr()
    argv = [a.format(F=blocker, X=workbook, G=good, L=ledger) for a in command]
    code, text = run_cli(capsys, *argv)
    assert code == 2, text
    assert "Traceback" not in text and "错误" in text and str(blocker) in text, text
    assert blocker.read_text() == "not a folder"


# ---------------------------------------------------------------- a full disk

def _full_disk_run(limit: int, *argv) -> subprocess.CompletedProcess:
    """main.py in a child whose files cannot grow past `limit` bytes (EFBIG, as a full disk)."""
    def limit_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, argv)], preexec_fn=limit_files,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("limit", [60_000, 200_000])
def test_demo_on_a_full_disk_is_a_message(tmp_path, limit):
    target = tmp_path / "new.sqlite"
    out = _full_disk_run(limit, "demo", "--db", target)
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr and "错误" in out.stderr, out.stderr


def test_demo_force_on_a_full_disk_leaves_the_ledger(ledger):
    before = file_digest(ledger)
    out = _full_disk_run(ledger.stat().st_size // 2, "demo", "--db", ledger, "--force")
    assert out.returncode == 2 and "备份" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert file_digest(ledger) == before


def test_import_whose_backup_fills_the_disk_changes_nothing(ledger, tmp_path):
    workbook = tmp_path / "in.xlsx"
    assert cli_main(["export", str(workbook), "--db", str(ledger)]) == 0
    before = file_digest(ledger)
    size = max(ledger.stat().st_size, workbook.stat().st_size)
    out = _full_disk_run(size // 2 + workbook.stat().st_size, "import", workbook, "--db", ledger)
    assert out.returncode == 2, out.stderr
    assert "could not back up" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert file_digest(ledger) == before


def test_solve_on_a_full_disk_says_so_once_without_a_traceback(ledger, tmp_path):
    out = _full_disk_run(60_000, "solve", "--db", ledger, "--xlsx", tmp_path / "p.xlsx",
                         "--json", tmp_path / "p.json")
    assert out.returncode == 1, out.stderr
    assert "could not write Excel" in out.stderr and "could not write JSON" in out.stderr
    assert "Traceback" not in out.stderr and "Exception ignored" not in out.stderr, out.stderr
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*"))


# ---------------------------------------------------------------- private files

def test_every_written_file_is_private_whatever_the_umask(ledger, tmp_path, capsys):
    old = os.umask(0o022)
    try:
        outputs = [tmp_path / name for name in ("l.xlsx", "t.xlsx", "p.json", "p.xlsx", "p.pdf")]
        assert cli_main(["export", str(outputs[0]), "--db", str(ledger)]) == 0
        assert cli_main(["template", str(outputs[1])]) == 0
        assert cli_main(["solve", "--db", str(ledger), "--json", str(outputs[2]), "--xlsx", str(outputs[3]),
                         "--pdf", str(outputs[4])]) == 0
        backup = back_up(ledger)
    finally:
        os.umask(old)
    for path in [*outputs, backup]:
        assert (path.stat().st_mode & 0o777) == 0o600, path
    assert (backup.parent.stat().st_mode & 0o777) == 0o700


def test_an_export_replacing_a_public_file_makes_it_private(ledger, tmp_path):
    target = tmp_path / "l.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o644)
    assert cli_main(["export", str(target), "--db", str(ledger)]) == 0
    assert (target.stat().st_mode & 0o777) == 0o600
