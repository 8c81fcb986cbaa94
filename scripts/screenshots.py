"""The README's pictures of the window: each main view on a 1366×768 screen and on 1920×1080 at 150%.

    .venv/bin/python scripts/screenshots.py

Walks the window through its main workflows on the 14-township demo (the
same walk tests/test_ui_layout.py checks, tests/window_fit_worker.py) on an
offscreen screen of each size, and writes docs/window-<view>-<screen>.png.
Look at them before committing them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = (("-1366x768", 1366, 768, 1.0), ("-1920x1080-150", 1920, 1080, 1.5))


def main() -> None:
    docs = ROOT / "docs"
    for suffix, width, height, scale in SCREENS:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            screen = tmp / "screen.json"
            screen.write_text(json.dumps({"synchronousWindowSystemEvents": True, "windowFrameMargins": False,
                                          "screens": [{"name": "office", "x": 0, "y": 0, "width": width,
                                                       "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                       "dpr": 1}]}))
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR=str(scale),
                       PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
            shots = tmp / "shots"
            subprocess.run([sys.executable, str(ROOT / "tests" / "window_fit_worker.py"), str(tmp / "report.json"),
                            str(shots), suffix], env=env, cwd=ROOT, check=True, timeout=900)
            for picture in sorted(shots.glob("*.png")):
                target = docs / f"window-{picture.name}"
                shutil.copyfile(picture, target)
                print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
