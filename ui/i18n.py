"""Loading translations: ours from resources/i18n, Qt's own from its translations folder.

Source strings are English; Chinese is the default language. For Chinese every
resources/i18n/*_zh_CN.qm is installed (each module group keeps its own .ts),
together with Qt's qtbase_zh_CN.qm so standard dialogs and buttons speak
Chinese too; qt_extra_zh_CN.ts (kept by hand) gives the few strings of Qt's
file dialog that qtbase_zh_CN leaves in English ("Look in:", "Files of type:"). Switching language at run time removes the old translators and
installs the new ones; Qt then sends QEvent.LanguageChange to every widget,
whose changeEvent re-translates it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.domain.vocabulary import in_language
from planner.errors import PlannerError
from ui.settings import LANGUAGES

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []
_current = "en"


def qm_files(language: str) -> list[Path]:
    """Our compiled translation files for a language (none for English, the source language)."""
    if language == "en":
        return []
    return sorted(I18N_DIR.glob(f"*_{language}.qm"))


def current_language() -> str:
    return _current


def document_language() -> str:
    """The language a printed document of the window is written in: "en" or "zh_CN"."""
    return "en" if _current == "en" else "zh_CN"


def install_language(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Make `language` the UI language; returns the translation files loaded.

    Safe to call again at run time: the previous translators are removed first.
    """
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded: list[str] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for base in ("qtbase",):
            translator = QTranslator(app)
            if translator.load(f"{base}_{language}", qt_dir):
                _installed.append(translator)
                loaded.append(f"{qt_dir}/{base}_{language}.qm")
        for path in qm_files(language):
            translator = QTranslator(app)
            if not translator.load(str(path)):
                raise RuntimeError(f"translation file {path} could not be loaded")
            _installed.append(translator)
            loaded.append(str(path))
    for translator in _installed:
        app.installTranslator(translator)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    _current = language
    if not _installed:
        # Removing translators already told the widgets; with none removed and
        # none installed nothing has, so say it once ourselves.
        QCoreApplication.postEvent(app, _language_change_event())
    return loaded


def _language_change_event():
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.LanguageChange)


def progress_text(message: str) -> str:
    """A task's "中文 (English)" progress message in the UI's language only."""
    return in_language(message, _current)


def error_text(error: BaseException) -> str:
    """An error for the window in the UI's language: a planner error's own half, others as written."""
    if isinstance(error, PlannerError):
        return error.message(_current)
    return str(error) or type(error).__name__
