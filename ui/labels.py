"""Names of the ledger's coded values and fields in the UI language.

The database keeps kinds as English codes and types/categories as the Chinese
words of the official ledgers; the window shows each in the UI language. The
coded values' words (kinds, types, categories, pressure, yes/no) come from
planner.domain.vocabulary, so a kind reads the same in the window, print,
Excel and the command line; field and parameter names are Qt translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from planner.domain import vocabulary
from ui.i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_label(kind: str) -> str:
    """行政 / Administrative."""
    return vocabulary.kind_label(kind, current_language(), cap=True)


def kind_short(kind: str) -> str:
    """行政 / Admin."""
    return vocabulary.kind_label(kind, current_language(), short=True)


def type_label(value: str) -> str:
    """乡 / Township, 镇 / Town, 街道 / Subdistrict."""
    return vocabulary.township_type_label(value, current_language(), cap=True)


def category_label(value: str) -> str:
    """一类 / Class I …"""
    return vocabulary.category_label(value, current_language())


def status_label(status: str) -> str:
    """A township's workload pressure: 紧缺 / Shortage …"""
    return vocabulary.pressure_label(status, current_language(), cap=True)


def yes_no(value: bool) -> str:
    return vocabulary.yes_no(value, current_language(), cap=True)

FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "township": QT_TRANSLATE_NOOP("Labels", "Township"),
    "type": QT_TRANSLATE_NOOP("Labels", "Type"),
    "category": QT_TRANSLATE_NOOP("Labels", "Category"),
    "population": QT_TRANSLATE_NOOP("Labels", "Population"),
    "area_km2": QT_TRANSLATE_NOOP("Labels", "Area (km²)"),
    "villages": QT_TRANSLATE_NOOP("Labels", "Villages"),
    "locked": QT_TRANSLATE_NOOP("Labels", "Locked"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "staff": QT_TRANSLATE_NOOP("Labels", "Staff"),
    "leadership": QT_TRANSLATE_NOOP("Labels", "Leadership posts"),
    "vacancy": QT_TRANSLATE_NOOP("Labels", "Vacancy"),
    "over_quota": QT_TRANSLATE_NOOP("Labels", "Over quota"),
    "required_fte": QT_TRANSLATE_NOOP("Labels", "Required FTE"),
    "pressure": QT_TRANSLATE_NOOP("Labels", "Pressure"),
    "office": QT_TRANSLATE_NOOP("Labels", "Office"),
    "duty": QT_TRANSLATE_NOOP("Labels", "Duty"),
    "duties": QT_TRANSLATE_NOOP("Labels", "Duties"),
    "annual_volume": QT_TRANSLATE_NOOP("Labels", "Annual volume"),
    "minutes_per_case": QT_TRANSLATE_NOOP("Labels", "Minutes per case"),
    "fixed_hours": QT_TRANSLATE_NOOP("Labels", "Fixed hours"),
    "hours": QT_TRANSLATE_NOOP("Labels", "Annual hours"),
    "duty_hours": QT_TRANSLATE_NOOP("Labels", "Duty hours"),
    "needs_backup": QT_TRANSLATE_NOOP("Labels", "A/B backup"),
    "quota_since": QT_TRANSLATE_NOOP("Labels", "In quota since"),
}


FIELD_SHORT = {
    "leadership": QT_TRANSLATE_NOOP("Labels", "Leaders"),
}


def field_label(name: str) -> str:
    """The column / field name in the UI language (e.g. approved → 核定编制)."""
    return _tr(FIELD_NAMES[name]) if name in FIELD_NAMES else name


def field_short(name: str) -> str:
    """A shorter column name where the table is crowded (the ledger's headers)."""
    return _tr(FIELD_SHORT[name]) if name in FIELD_SHORT else field_label(name)


PARAMETER_NAMES = {
    "working_days": QT_TRANSLATE_NOOP("Labels", "Working days per year"),
    "annual_leave_days": QT_TRANSLATE_NOOP("Labels", "Annual leave days"),
    "other_absence_days": QT_TRANSLATE_NOOP("Labels", "Sick leave and other absence days"),
    "training_days": QT_TRANSLATE_NOOP("Labels", "Training days"),
    "hours_per_day": QT_TRANSLATE_NOOP("Labels", "Working hours per day"),
    "shared_duty_share": QT_TRANSLATE_NOOP("Labels", "Share of time for meetings, studies and reporting"),
    "backup_load_factor": QT_TRANSLATE_NOOP("Labels", "Backup load factor (B share of the A load)"),
    "max_backup_roles": QT_TRANSLATE_NOOP("Labels", "Most B roles per person"),
}


def parameter_label(name: str) -> str:
    """A county parameter's name in the UI language (working_days → 年工作日)."""
    return _tr(PARAMETER_NAMES[name]) if name in PARAMETER_NAMES else name
