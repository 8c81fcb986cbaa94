"""Translated names of the ledger's coded values (kinds, township types, categories).

The database keeps kinds as English codes and types/categories as the Chinese
words of the official ledgers; the window shows each in the UI language.
Teammates' views use the same functions so a kind reads the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

KIND_NAMES = {
    "administrative": QT_TRANSLATE_NOOP("Labels", "Administrative"),
    "institutional": QT_TRANSLATE_NOOP("Labels", "Institutional"),
    "support": QT_TRANSLATE_NOOP("Labels", "Support"),
}
KIND_SHORT = {
    "administrative": QT_TRANSLATE_NOOP("Labels", "Admin."),
    "institutional": QT_TRANSLATE_NOOP("Labels", "Inst."),
    "support": QT_TRANSLATE_NOOP("Labels", "Support"),
}
# Own context: "Township" the type (乡) and "Township" the column (乡镇) translate differently.
TYPE_NAMES = {
    "乡": QT_TRANSLATE_NOOP("TownshipType", "Township"),
    "镇": QT_TRANSLATE_NOOP("TownshipType", "Town"),
    "街道": QT_TRANSLATE_NOOP("TownshipType", "Subdistrict"),
}
CATEGORY_NAMES = {
    "一类": QT_TRANSLATE_NOOP("Labels", "Class I"),
    "二类": QT_TRANSLATE_NOOP("Labels", "Class II"),
    "三类": QT_TRANSLATE_NOOP("Labels", "Class III"),
}
STATUS_NAMES = {
    "shortage": QT_TRANSLATE_NOOP("Labels", "Shortage"),
    "surplus": QT_TRANSLATE_NOOP("Labels", "Surplus"),
    "balanced": QT_TRANSLATE_NOOP("Labels", "Balanced"),
    "": QT_TRANSLATE_NOOP("Labels", "No workload on file"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_label(kind: str) -> str:
    """行政 / Administrative."""
    return _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def kind_short(kind: str) -> str:
    return _tr(KIND_SHORT[kind]) if kind in KIND_SHORT else kind


def type_label(value: str) -> str:
    return QCoreApplication.translate("TownshipType", TYPE_NAMES[value]) if value in TYPE_NAMES else value


def category_label(value: str) -> str:
    return _tr(CATEGORY_NAMES[value]) if value in CATEGORY_NAMES else value


def status_label(status: str) -> str:
    return _tr(STATUS_NAMES.get(status, status))


def yes_no(value: bool) -> str:
    return _tr("Yes") if value else _tr("No")


# lupdate needs to see the literals used through _tr above.
QT_TRANSLATE_NOOP("Labels", "Yes")
QT_TRANSLATE_NOOP("Labels", "No")

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
