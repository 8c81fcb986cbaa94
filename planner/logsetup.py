"""The planner's log: one rotating file in the user's data folder, set up once per process.

`logs/planner.log` beside the default database (1 MB, five old files kept),
readable by its owner only (PRIVATE_MODE). PLANNER_LOG_DIR points it
elsewhere (tests, a shared machine). Error lines and dialogs name the file
(`log_file()`), so a user can send it to whoever maintains the planner; a
database URL is never written with its password (display_url).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from planner.files import PRIVATE_FOLDER_MODE, PRIVATE_MODE
from planner.store.location import default_database_path

LOG_ENV = "PLANNER_LOG_DIR"
LOG_NAME = "planner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


def log_folder() -> Path:
    override = os.environ.get(LOG_ENV)
    return Path(override) if override else default_database_path().parent / "logs"


def log_file() -> Path:
    """Where the log is (or would be) written."""
    if _handler is not None:
        return Path(_handler.baseFilename)
    return log_folder() / LOG_NAME


class _PrivateRotatingHandler(RotatingFileHandler):
    """A rotating file whose every generation is created readable by its owner only."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_MODE)
        os.close(fd)
        os.chmod(self.baseFilename, PRIVATE_MODE)
        return super()._open()


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send the planner's log records to the rotating file; returns its path (None: it cannot be
    written, e.g. a read-only home, and the planner runs on without a log file)."""
    global _handler
    folder = log_folder()
    if _handler is not None and Path(_handler.baseFilename).parent == folder.absolute():
        return Path(_handler.baseFilename)
    try:
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        handler = _PrivateRotatingHandler(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                          encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    return Path(handler.baseFilename)
