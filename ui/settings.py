"""The application's settings, declared once: typed, with defaults and a version.

Everything the window remembers between runs goes through `Settings`; no other
module reads QSettings keys by hand. Tests point QSettings at a temporary folder
(QSettings.setPath), so they never see the real user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ui.density import DENSITIES

ORGANIZATION = "EstablishmentPlanner"
APPLICATION = "EstablishmentPlanner"
SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


# The one list of settings. Adding one: a line here (and a property below if
# other modules use it). Changing the meaning of one: bump SETTINGS_VERSION and
# migrate in Settings._migrate.
SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("window/geometry", QByteArray, QByteArray()),
    Setting("window/state", QByteArray, QByteArray()),
    Setting("window/splitter", QByteArray, QByteArray()),  # the ledger above its detail
    # Each main splitter's sizes as the user left them (see SPLITTERS).
    *(Setting(f"splitters/{name}", QByteArray, QByteArray()) for name in (
        "scenarios", "scenario_detail", "compare", "charts", "forecast", "posts")),
    Setting("ui/language", str, "zh_CN"),
    # "compact" or "standard" rows in the tables (ui.density); empty until the user chooses one.
    Setting("view/density", str, ""),
    Setting("files/last_database", str, ""),
    Setting("files/recent", list, []),
    Setting("files/last_folder", str, ""),  # where the file dialogs open (ui.file_dialogs)
    Setting("solver/time_limit", int, 3600),  # an outer limit only: it stops a solve, never changes it
    Setting("backup/keep", int, 20),  # automatic backups kept per database (ui.safety_actions)
)}

# The splitters the window remembers, by name, and the setting each is kept in.
SPLITTERS: dict[str, str] = {"ledger": "window/splitter", **{
    key.split("/", 1)[1]: key for key in SETTINGS if key.startswith("splitters/")}}


class Settings:
    """Typed access to the QSettings store of the planner."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                                ORGANIZATION, APPLICATION)
        self._migrate()

    # -- generic typed access
    def value(self, key: str) -> Any:
        spec = SETTINGS[key]
        raw = self.qsettings.value(key, None)
        if raw is None:
            return _copy(spec.default)
        try:
            return _convert(raw, spec.type)
        except (TypeError, ValueError):
            # A hand-edited or damaged value falls back to the default rather than
            # keeping the application from starting.
            return _copy(spec.default)

    def set_value(self, key: str, value: Any) -> None:
        spec = SETTINGS[key]
        self.qsettings.setValue(key, _convert(value, spec.type))

    def sync(self) -> None:
        self.qsettings.sync()

    @property
    def version(self) -> int:
        try:
            return int(self.qsettings.value("settings/version", 0))
        except (TypeError, ValueError):
            return 0

    def _migrate(self) -> None:
        stored = self.version
        if stored > SETTINGS_VERSION:
            return  # written by a newer version: read what we know, change nothing
        if stored < SETTINGS_VERSION:
            # Version 0 is "no settings yet"; later versions migrate key by key here.
            self.qsettings.setValue("settings/version", SETTINGS_VERSION)

    # -- named settings the window and its extensions use
    @property
    def language(self) -> str:
        value = self.value("ui/language")
        return value if value in LANGUAGES else SETTINGS["ui/language"].default

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.set_value("ui/language", value)

    @property
    def density(self) -> str:
        """The display density the user chose ("compact" or "standard"), or "" if none yet."""
        value = self.value("view/density")
        return value if value in DENSITIES else ""

    @density.setter
    def density(self, value: str) -> None:
        if value not in DENSITIES:
            raise ValueError(f"unknown display density {value!r}")
        self.set_value("view/density", value)

    @property
    def last_database(self) -> str:
        return self.value("files/last_database")

    @last_database.setter
    def last_database(self, value: str) -> None:
        self.set_value("files/last_database", value)

    @property
    def last_folder(self) -> str:
        return self.value("files/last_folder")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.set_value("files/last_folder", value)

    @property
    def recent_files(self) -> list[str]:
        return [str(v) for v in self.value("files/recent") if v][:MAX_RECENT]

    def add_recent_file(self, path_or_url: str) -> None:
        recent = [path_or_url] + [f for f in self.recent_files if f != path_or_url]
        self.set_value("files/recent", recent[:MAX_RECENT])

    def remove_recent_file(self, path_or_url: str) -> None:
        self.set_value("files/recent", [f for f in self.recent_files if f != path_or_url])

    @property
    def solver_time_limit(self) -> int:
        """Seconds a solve may run before it stops with a message (the proposal never depends on it)."""
        value = self.value("solver/time_limit")
        return value if 1 <= value <= 24 * 3600 else SETTINGS["solver/time_limit"].default

    @solver_time_limit.setter
    def solver_time_limit(self, seconds: int) -> None:
        seconds = int(seconds)
        if not 1 <= seconds <= 24 * 3600:
            raise ValueError("solver time limit must be between 1 second and 24 hours")
        self.set_value("solver/time_limit", seconds)

    def splitter_state(self, name: str) -> QByteArray:
        """The saved sizes of one of the SPLITTERS (empty when never saved)."""
        return self.value(SPLITTERS[name])

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.set_value(SPLITTERS[name], state)

    @property
    def geometry(self) -> QByteArray:
        return self.value("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.set_value("window/geometry", value)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _convert(raw: Any, kind: type) -> Any:
    """INI files give strings back; turn them into the declared type."""
    if kind is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes")
        return bool(raw)
    if kind is int:
        if isinstance(raw, bool):
            raise TypeError("bool is not an int setting")
        return int(raw)
    if kind is str:
        return str(raw)
    if kind is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(v) for v in raw]
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(bytes(raw, "latin-1") if isinstance(raw, str)
                                                                    else bytes(raw))
    raise TypeError(kind)
