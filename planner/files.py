"""Every file the planner writes: whole or not at all, and readable by its owner only.

The ledger, its exports, proposals, PDFs, JSON results, backups and logs all
hold staff names and an office's plans; one policy (PRIVATE_MODE, 0600)
covers them whatever the umask. A file is written to a temporary file in the
target's folder (same file system, so the rename is atomic), flushed to disk,
given the private mode, then renamed over the target: a crash, a full disk or
a failed export leaves the old file or none, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PRIVATE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the rename is done all the same
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yields a private temporary path beside `path`; on success it replaces `path`.

    The caller writes the temporary file by name (openpyxl, Qt, …); when the block
    ends without an error the file is synced, set to PRIVATE_MODE and renamed into
    place. On any error the temporary file is removed and `path` is untouched.
    """
    target = Path(path).expanduser().absolute()
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(temp, PRIVATE_MODE)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def write_bytes_atomically(path: str | os.PathLike, data: bytes) -> Path:
    with atomic_output(path) as temp:
        temp.write_bytes(data)
    return Path(path)


def write_text_atomically(path: str | os.PathLike, text: str, encoding: str = "utf-8",
                          newline: str | None = None) -> Path:
    with atomic_output(path) as temp:
        with open(temp, "w", encoding=encoding, newline=newline) as fh:
            fh.write(text)
    return Path(path)


def make_private(path: str | os.PathLike) -> None:
    """Give a file written by a library that renames its own temporary file the private mode."""
    os.chmod(path, PRIVATE_MODE)
