"""Refusals the database itself raises, recognised so the window can explain them in words.

The window imports no SQLAlchemy; it asks here what kind of refusal an error is.
"""

from __future__ import annotations

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError


def is_read_only_refusal(error: BaseException) -> bool:
    """A write refused because the database was opened read-only (another window holds it)."""
    return isinstance(error, OperationalError) and "readonly" in str(error).lower()


def is_stale_write(error: BaseException) -> bool:
    """A write refused by a version column: another user saved the record first."""
    return isinstance(error, StaleDataError)
