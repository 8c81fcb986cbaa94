"""The LibreOffice-saved workbook in tests/data, and how it was made.

    python tests/data/make_libreoffice_fixture.py     (needs soffice on PATH)

writes a small ledger with the planner, puts formulas in a few cells (without
cached results, as a hand-made sheet might have them), and lets LibreOffice
Calc open, recalculate and save it as xlsx: shared strings, LibreOffice's own
styles and cached formula values, as an office's file would have them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURE = Path(__file__).with_name("ledger_libreoffice.xlsx")


def fixture_county():
    from planner.demo.county import generate_demo

    county = generate_demo(2, 7, with_people=True, time_ledger=False)  # a workbook from before the time ledger
    county.townships[0].people = county.townships[0].people[:5]
    county.townships[1].people = county.townships[1].people[:5]
    duty = county.townships[0].duties[0]
    duty.name = "=重点事项(不是公式)"  # text that looks like a formula must stay text
    county.townships[1].locked = True
    for t in county.townships:   # nor had it the backup offices (备岗机构) that came with posts
        for office in t.offices:
            office.backup_office = None
    return county


def write_source(path: Path) -> Path:
    """The ledger with formulas in 编制!C2 and 乡镇!D3 that compute the same numbers."""
    import openpyxl

    from planner.excel import write_workbook

    county = fixture_county()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(path, county)
    wb = openpyxl.load_workbook(path)
    approved = county.townships[0].quotas["administrative"].approved
    wb["编制"]["C2"] = f"=10+{approved - 10}"
    population = county.townships[1].population
    wb["乡镇"]["D3"] = f"=SUM({population - 1000},1000)"
    wb.save(path)
    return path


def convert_with_libreoffice(source: Path, outdir: Path, timeout: float = 120) -> Path:
    """Open `source` in LibreOffice Calc headless and save it again as xlsx in `outdir`."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(source)],
            check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
    out = outdir / (source.stem + ".xlsx")
    if not out.exists():
        raise FileNotFoundError(out)
    return out


if __name__ == "__main__":
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        src = write_source(Path(tmp) / "src" / "ledger_libreoffice.xlsx")
        out = convert_with_libreoffice(src, Path(tmp) / "out")
        shutil.copyfile(out, FIXTURE)
    print(FIXTURE)
