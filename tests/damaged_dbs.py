"""A corpus of damaged ledgers for the tests: each builder turns a sound ledger file into one
kind of damage a disk, a crash or a careless copy leaves behind.

`DAMAGES` maps a name to a function (path) -> None that damages the file in place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def settle(path: Path) -> None:
    """Fold the WAL into the file and leave a single self-contained file (no -wal, -shm)."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def _page_size(path: Path) -> int:
    with open(path, "rb") as fh:
        header = fh.read(100)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def zero_pages(path: Path, first: int = 2, count: int = 4) -> None:
    """Pages `first` .. `first + count - 1` (1-based) overwritten with zeros, as a torn write leaves them."""
    settle(path)
    size = _page_size(path)
    with open(path, "r+b") as fh:
        fh.seek((first - 1) * size)
        fh.write(b"\0" * size * count)


def zero_middle(path: Path) -> None:
    """A run of zeroed pages in the middle of the file, where the ledger's rows are."""
    settle(path)
    pages = path.stat().st_size // _page_size(path)
    zero_pages(path, max(2, pages // 2), max(1, min(8, pages // 4)))


def zero_header(path: Path) -> None:
    """The first page (header and schema) zeroed: SQLite no longer sees a database."""
    zero_pages(path, 1, 1)


def truncate_half(path: Path) -> None:
    """The file cut in half, as an interrupted copy leaves it."""
    settle(path)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def garbage(path: Path) -> None:
    """Not a database at all: a document saved over it."""
    path.write_bytes(b"PK\x03\x04 this is a workbook, not a ledger " * 200)


DAMAGES = {
    "zeroed-pages": lambda p: zero_pages(p, 2, 4),
    "zeroed-middle": zero_middle,
    "zeroed-header": zero_header,
    "truncated": truncate_half,
    "garbage": garbage,
}
