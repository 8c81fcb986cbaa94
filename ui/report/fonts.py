"""Fonts of the printed proposal, after the habits of GB/T 9704 (党政机关公文格式).

Official documents set the title in 小标宋 (a heavy Song face), the body in
仿宋, first-level headings in 黑体 and second-level headings in 楷体. Office
PCs have those faces; a Linux machine usually has only Noto CJK, so each role
falls back to the closest Noto face (Serif Bold for the title, Serif for the
body, Sans Bold for headings). Windows reports some families under their
English names and some under Chinese ones, so both spellings are listed.

Needs a QGuiApplication (QFontDatabase); `ensure_gui_application()` makes an
offscreen one for headless use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

BUNDLED_FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

# Role -> families in order of preference. The Noto names come last: they are the
# fall-back that fonts-noto-cjk installs on Linux.
TITLE_FAMILIES = ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
                  "华文中宋", "STZhongsong", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC",
                  "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN")
BODY_FAMILIES = ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong",
                 "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "宋体", "SimSun",
                 "AR PL UMing CN")
HEADING_FAMILIES = ("黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC",
                    "Source Han Sans CN", "Microsoft YaHei", "WenQuanYi Micro Hei")
KAI_FAMILIES = ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti", "Kaiti SC",
                "AR PL UKai CN")
TABLE_FAMILIES = ("宋体", "SimSun", "仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC",
                  "Source Han Serif SC", "AR PL UMing CN")
# Latin text in an English document; township names stay Chinese and fall back to the CJK face.
# Without one of these the CJK face's own Latin letters are used (DejaVu is too wide for the tables).
LATIN_SERIF = ("Times New Roman", "Liberation Serif", "Nimbus Roman", "TeX Gyre Termes")
LATIN_SANS = ("Arial", "Liberation Sans", "Nimbus Sans")

# Families whose own face is already heavy: asking for bold would double the weight.
_HEAVY = {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "黑体", "SimHei",
          "Heiti SC", "STHeiti"}

# Point sizes of the Chinese size names used by GB/T 9704.
SIZE_2 = 22.0   # 二号: title
SIZE_3 = 16.0   # 三号: body text and headings
SIZE_4 = 14.0   # 四号: page numbers, notes
SIZE_5 = 10.5   # 五号: tables
SIZE_X5 = 9.0   # 小五号: dense tables


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new one when there is none (headless use).

    Without a display the platform is "offscreen" (the default plugin would
    abort the process). The new application is a QApplication, although we
    paint no widget: Qt aborts when a QApplication is wanted later in a process
    that already made a bare QGuiApplication (a test session, or a command
    that goes on to open a dialog), and the other way round is harmless.
    """
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    return app  # type: ignore[return-value]


def _load_bundled_fonts() -> None:
    """Fonts shipped in resources/fonts (if any) become available to Qt."""
    if BUNDLED_FONT_DIR.is_dir():
        for path in sorted(BUNDLED_FONT_DIR.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                QFontDatabase.addApplicationFont(str(path))


def _first_installed(candidates: tuple[str, ...], installed: set[str]) -> str | None:
    return next((f for f in candidates if f in installed), None)


def _any_chinese_family(installed: set[str]) -> str | None:
    for family in sorted(installed):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


@dataclass(frozen=True)
class ReportFonts:
    """The family chosen for each typographic role, and the Latin companion for English."""

    title: str
    body: str
    heading: str
    kai: str
    table: str
    latin: str | None
    latin_sans: str | None
    english: bool = False

    @classmethod
    def select(cls, lang: str = "zh_CN", installed: set[str] | None = None) -> "ReportFonts":
        """The best installed family for each role (`installed` overrides the font database)."""
        ensure_gui_application()
        if installed is None:
            installed = set(QFontDatabase.families())
            if not any(f in installed for f in TITLE_FAMILIES + BODY_FAMILIES + HEADING_FAMILIES):
                _load_bundled_fonts()
                installed = set(QFontDatabase.families())
        fallback = (_first_installed(BODY_FAMILIES + HEADING_FAMILIES, installed)
                    or _any_chinese_family(installed) or QFont().defaultFamily())
        body = _first_installed(BODY_FAMILIES, installed) or fallback
        return cls(
            title=_first_installed(TITLE_FAMILIES, installed) or fallback,
            body=body,
            heading=_first_installed(HEADING_FAMILIES, installed) or fallback,
            kai=_first_installed(KAI_FAMILIES, installed) or body,
            table=_first_installed(TABLE_FAMILIES, installed) or body,
            latin=_first_installed(LATIN_SERIF, installed),
            latin_sans=_first_installed(LATIN_SANS, installed),
            english=not str(lang).lower().startswith("zh"),
        )

    def _font(self, family: str, size: float, bold: bool, sans: bool = False) -> QFont:
        font = QFont()
        latin = self.latin_sans if sans else self.latin
        # English text reads best in a Latin face; Chinese names inside it fall back to the CJK one.
        families = [latin, family] if self.english and latin else [family]
        font.setFamilies(families)
        font.setPointSizeF(size)
        if bold and family not in _HEAVY:
            font.setWeight(QFont.Weight.Bold)
        # No ligatures or contextual glyph substitution: Qt's PDF writer maps glyphs back to text
        # through the font's cmap, and a substituted glyph (the "ff" ligature, the proportional
        # digits Noto CJK uses inside Latin words) has no cmap entry, so it would be missing from
        # the PDF's text: "2025-03-18" next to Latin letters extracted as "- -".
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        return font

    def title_font(self, size: float = SIZE_2) -> QFont:
        return self._font(self.title, size, bold=True)

    def body_font(self, size: float = SIZE_3, bold: bool = False) -> QFont:
        return self._font(self.body, size, bold)

    def heading_font(self, size: float = SIZE_3) -> QFont:
        return self._font(self.heading, size, bold=True, sans=True)

    def kai_font(self, size: float = SIZE_3, heading: bool = True) -> QFont:
        # Without a 楷体 a second-level heading is set in the body face, bold, to stay distinct.
        return self._font(self.kai, size, bold=heading and self.kai == self.body)

    def table_font(self, size: float = SIZE_5, bold: bool = False) -> QFont:
        return self._font(self.table, size, bold)

    def table_header_font(self, size: float = SIZE_5) -> QFont:
        return self._font(self.heading, size, bold=True, sans=True)

    def page_number_font(self) -> QFont:
        return self._font(self.table, SIZE_4, bold=False)

    def all_families(self) -> list[str]:
        found = [self.title, self.body, self.heading, self.kai, self.table]
        if self.english:
            found += [f for f in (self.latin, self.latin_sans) if f]
        return list(dict.fromkeys(found))
