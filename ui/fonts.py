"""Fonts that can show Chinese, chosen once at start-up.

A fresh Linux machine falls back to a Latin font in widgets and shows empty
boxes for Chinese unless a CJK family is asked for by name; Windows has its own
Chinese system fonts. Charts (matplotlib) and printing use the same choice via
`cjk_font_families()`.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# In order of preference per platform. Noto Sans CJK comes with Debian's
# fonts-noto-cjk; WenQuanYi and Droid are older Linux fall-backs.
PREFERRED_FAMILIES: dict[str, tuple[str, ...]] = {
    "win32": ("Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "SimHei"),
    "darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti"),
    "linux": ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "Droid Sans Fallback", "Noto Serif CJK SC", "AR PL UMing CN"),
}


def _platform_key() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


def cjk_font_families() -> list[str]:
    """Installed font families able to show Simplified Chinese, best first.

    Needs a QGuiApplication. Families of other platforms are tried last so that
    e.g. a Linux machine with Microsoft fonts installed still finds one.
    """
    installed = set(QFontDatabase.families())
    key = _platform_key()
    ordered = list(PREFERRED_FAMILIES[key]) + [f for k, fams in PREFERRED_FAMILIES.items() if k != key
                                               for f in fams]
    found = [f for f in ordered if f in installed]
    if found:
        return found
    # Anything fontconfig or Windows says covers Simplified Chinese.
    return [f for f in sorted(installed)
            if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)]


def cjk_font_family() -> str | None:
    families = cjk_font_families()
    return families[0] if families else None


def apply_application_font(app: QApplication) -> str | None:
    """Make widgets use a CJK-capable family; returns the family chosen (None: none found).

    The point size is left as the platform chose it, so the window follows the
    user's display settings.
    """
    family = cjk_font_family()
    if family is None:
        return None
    font = QFont(app.font())
    # The CJK family first, then the platform's own font for Latin text.
    font.setFamilies([family, app.font().family()])
    app.setFont(font)
    return family
