"""A CJK font for matplotlib, so that charts and printed reports show Chinese.

matplotlib's default DejaVu Sans has no Han glyphs: Chinese labels would come
out as empty boxes with a "Glyph missing" warning. We pick the first installed
family from a list of common Simplified-Chinese fonts (Linux, Windows, macOS)
and put it first in ``font.sans-serif``. No Qt here: the PDF printer reuses it.
"""

from __future__ import annotations

from functools import lru_cache

# matplotlib is imported inside the functions below: it costs about 0.17 s (measured,
# python -c "import matplotlib") and only charts and printing need a font.

from planner.errors import UserError

# matplotlib is imported where a font is looked up: about 0.2 s (python -X importtime) that
# the window and the command line pay only when they draw a chart.

# Order matters: the first family found wins. Noto Sans CJK SC comes with the
# Debian package fonts-noto-cjk; Microsoft YaHei and SimHei with Windows;
# PingFang SC with macOS; the others with common Linux distributions.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans SC",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)

# Characters every chart uses; a family lacking one of them is not picked.
PROBE_TEXT = "乡镇编制核定实有调剂行政事业工勤压力"


class NoCJKFont(UserError, RuntimeError):
    """No installed font can show Chinese."""


def _has_glyphs(path: str, text: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
    except Exception:  # an unreadable font file is just not a candidate
        return False
    return all(font.get_char_index(ord(ch)) != 0 for ch in text)


@lru_cache(maxsize=1)
def find_cjk_font() -> tuple[str, str] | None:
    """(family, file path) of the first installed CJK family, or None."""
    from matplotlib import font_manager

    by_name: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        # Prefer the regular weight's file for the glyph check and for embedding.
        if entry.name not in by_name or entry.weight in (400, "normal", "regular"):
            by_name[entry.name] = entry.fname
    for family in CJK_FAMILIES:
        path = by_name.get(family)
        if path and _has_glyphs(path, PROBE_TEXT):
            return family, path
    return None


def configure_matplotlib_cjk(*, required: bool = False) -> str | None:
    """Make matplotlib draw Chinese; returns the chosen family (None if none is installed).

    Idempotent and cheap after the first call. With ``required=True`` a missing
    font raises NoCJKFont with a message telling the user what to install.
    """
    import matplotlib

    found = find_cjk_font()
    if found is None:
        if required:
            raise NoCJKFont(
                "未找到可显示中文的字体，请安装“Noto Sans CJK SC”（fonts-noto-cjk）或“微软雅黑”。"
                " (No font that can show Chinese is installed; install Noto Sans CJK SC or Microsoft YaHei.)")
        return None
    family = found[0]
    current = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = [family, *current]
    matplotlib.rcParams["font.family"] = "sans-serif"
    # The CJK fonts lack U+2212 (minus sign); an ASCII hyphen keeps negative ticks visible.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family


def cjk_font_path() -> str | None:
    """File of the chosen CJK font (for PDF embedding), or None."""
    found = find_cjk_font()
    return found[1] if found else None
