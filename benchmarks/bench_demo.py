"""Time the demo generator and the ledger summary at county and province scale; prints JSON."""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(*args) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (14, 200, 2000):
            db = Path(folder) / f"demo{n}.sqlite"
            demo_s = timed("demo", "--db", str(db), "--townships", str(n))
            summary_s = timed("summary", "--db", str(db))
            size = sum(p.stat().st_size for p in Path(folder).glob(f"demo{n}.sqlite*"))
            results.append({"townships": n, "demo_seconds": round(demo_s, 2),
                            "summary_seconds": round(summary_s, 2), "database_mb": round(size / 2**20, 1)})
    print(json.dumps({"benchmark": "demo_and_summary", "results": results}, indent=2))


if __name__ == "__main__":
    main()
