"""Time the multi-year `plan` against the one-year `solve` on demo counties; prints JSON.

For each size a demo database is written first (not timed); then one fresh
process solves it (planner.services.solving.solve_job) and another plans it
(planner.services.planning.plan_job, 5 years), so that each has its own peak
memory. Reported per size: seconds, processor seconds (with worker processes)
and peak resident memory of each, the ratio plan ÷ solve (target under 3) in
both, the plan's status and levels, and whether
the plan's kinds took the held-year path (figures that never change over the
years, so holding the best first year is exact) or the full multi-year model;
the demo has its people on file at every size, so they retire and the full
model runs. The machine's load
average is printed beside the times.

    .venv/bin/python benchmarks/bench_plan.py [--sizes 14,200,2000] [--years 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = (2026, 11)


def _child(what: str, db_path: str, years: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from planner.domain.months import Month
    from planner.store.db import open_database
    from planner.taskstate import TaskState

    database = open_database(db_path)
    cpu_before = sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                        resource.getrusage(resource.RUSAGE_CHILDREN)))
    try:
        started = time.perf_counter()
        if what == "solve":
            from planner.services.solving import solve_job

            result = solve_job(database, None, 24 * 3600, TaskState())
            extra = {"status": result.status}
        else:
            import optimizer.multi_year as model
            from planner.domain.options import SolveOptions
            from planner.services.planning import plan_job

            held = []
            real = model.unchanging
            model.unchanging = lambda data: held.append(real(data)) or held[-1]
            plan = plan_job(database, None, years, SolveOptions(time_limit=24 * 3600), TaskState(),
                            as_of=Month(*AS_OF))
            extra = {"status": plan.status, "levels": plan.levels, "moves": len(plan.moves),
                     "new_loans": len(plan.new_loans), "kinds_held_still": sum(held),
                     "kinds_full_model": len(held) - sum(held)}
        seconds = time.perf_counter() - started
    finally:
        database.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Processor time of this process and its worker processes: on a shared machine the
    # wall-clock seconds follow the load, this much less.
    cpu = sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu - cpu_before, 2), "peak_mb": round(peak, 1),
            **extra}


def _run(what: str, db: Path, years: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", what, str(db), str(years)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="14,200,2000")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        what, db, years = args.child
        print(json.dumps(_child(what, db, int(years))))
        return
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(s) for s in args.sizes.split(",")):
            db = Path(folder) / f"demo{n}.sqlite"
            subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db), "--townships", str(n)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            load_before = os.getloadavg()[0]
            solve = _run("solve", db, args.years)
            plan = _run("plan", db, args.years)
            results.append({"townships": n, "years": args.years, "solve": solve, "plan": plan,
                            "plan_over_solve": round(plan["seconds"] / max(solve["seconds"], 1e-9), 2),
                            "plan_over_solve_cpu": round(plan["cpu_seconds"] / max(solve["cpu_seconds"], 1e-9), 2),
                            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]})
            print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    print(json.dumps({"benchmark": "plan_vs_solve", "target_ratio": 3.0, "results": results},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
