"""Median times of the forecast models on the reference cases.

    .venv/bin/python bench/forecast.py [--repeats N] [--decide PYTHON] [--decide-repeats N]

Goals (issue 7): BDM EU <= 25 ms and Sultan <= 0.6 s (>= 100x the Python replication's 2.3 s
and 61 s); the exchange model on cop21 >= 20x decide-exchange-model (10.7 s); Monte Carlo
10,000 draws of compromise + median <= 1 s.

decide itself is timed side by side when a Python with ``decide-exchange-model==2022.1.28`` is
given (``--decide``, default ``/tmp/decide-venv/bin/python`` when it exists); it is never
installed in the project's environment.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from accord.model import bdm, exchange, exchange_input, load_scenario
from accord.model.montecarlo import simulate

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference"

DECIDE_DRIVER = r"""
import logging, sys, time
logging.disable(logging.CRITICAL)
from decide.data.modelfactory import ModelFactory
from decide.data.reader import InputDataFile
from decide.model import equalgain
equalgain.EqualGainModel.ALLOW_RANDOM = False
from decide.model.observers.observer import Observable
from decide.model.utils import ModelLoop
model = ModelFactory(InputDataFile.open(sys.argv[1]))(model_klass=equalgain.EqualGainModel, randomized_value=None)
loop = ModelLoop(model, Observable(model_ref=model, output_directory="/tmp"), 0)
t = time.perf_counter()
for _ in range(10):
    loop.loop()
print(time.perf_counter() - t)
"""


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bdm_case(name: str):
    sc = load_scenario(REF / "bdm" / f"{name}_actors.csv")
    names, x, s, c = sc.arrays(sc.issue_ids[0])
    return lambda: bdm.run(names, c, x, s, rounds=10, record_moves=False)


def decide_time(python: str, path: Path, repeats: int) -> float | None:
    times = []
    for _ in range(repeats):
        out = subprocess.run([python, "-c", DECIDE_DRIVER, str(path)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"  decide failed: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return None
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    default_decide = "/tmp/decide-venv/bin/python" if os.path.exists("/tmp/decide-venv/bin/python") else None
    ap.add_argument("--decide", default=default_decide, help="a Python with decide-exchange-model installed")
    ap.add_argument("--decide-repeats", type=int, default=1)
    args = ap.parse_args()
    rows = []

    for name, goal, replication in (("eu_emissions", 0.025, 2.3), ("sultan", 0.6, 61.0)):
        t = median_time(bdm_case(name), max(args.repeats, 11))
        rows.append((f"BDM {name}, 10 rounds", t, goal, f"replication {replication} s -> {replication / t:,.0f}x"))

    cop21 = REF / "exchange" / "cop21.csv"
    case = exchange_input(load_scenario(cop21))
    t_exact = median_time(lambda: exchange.run(case, rounds=10), max(3, args.repeats // 2))
    t_float = median_time(lambda: exchange.run(case, rounds=10, exact=False), max(3, args.repeats // 2))
    t_decide = decide_time(args.decide, cop21, args.decide_repeats) if args.decide else None
    ref = t_decide if t_decide else 10.7
    label = f"decide here {t_decide:.2f} s" if t_decide else "decide 10.7 s (issue)"
    rows.append(("exchange cop21, 10 rounds, exact (Decimal)", t_exact, 10.7 / 20, f"{label} -> {ref / t_exact:.1f}x"))
    rows.append(("exchange cop21, 10 rounds, float", t_float, 10.7 / 20, f"{label} -> {ref / t_float:.1f}x"))

    sc = load_scenario(REF / "bdm" / "eu_emissions_actors.csv")
    names, x, s, c = sc.arrays(sc.issue_ids[0])
    conf = [0.6] * len(names)
    t = median_time(lambda: simulate(names, x, s, c, conf, 4, 10, draws=10_000, seed=1,
                                     models=("compromise", "median"), sensitivity=False), args.repeats)
    rows.append(("Monte Carlo 10,000 draws, compromise + median", t, 1.0, "EU case, zone of agreement included"))
    t = median_time(lambda: simulate(names, x, s, c, conf, 4, 10, draws=10_000, seed=1,
                                     models=("compromise", "median")), 3)
    rows.append(("  ... with SALib Sobol ranking of 30 inputs", t, None, ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'case':<{width}}  {'median s':>10}  {'goal s':>8}  met  note")
    for name, t, goal, note in rows:
        met = "" if goal is None else ("yes" if t <= goal else "NO")
        g = "" if goal is None else f"{goal:.3f}"
        print(f"{name:<{width}}  {t:>10.4f}  {g:>8}  {met:>3}  {note}")


if __name__ == "__main__":
    main()
