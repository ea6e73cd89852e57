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
t, c = time.perf_counter(), time.process_time()
for _ in range(10):
    loop.loop()
print(time.perf_counter() - t, time.process_time() - c)
"""


def median_time(fn, repeats: int, cpu: bool = False) -> float:
    """Median wall time (or CPU time of this process, steadier on a shared machine)."""
    clock = time.process_time if cpu else time.perf_counter
    times = []
    for _ in range(repeats):
        t = clock()
        fn()
        times.append(clock() - t)
    return statistics.median(times)


def bdm_case(name: str):
    sc = load_scenario(REF / "bdm" / f"{name}_actors.csv")
    names, x, s, c = sc.arrays(sc.issue_ids[0])
    return lambda: bdm.run(names, c, x, s, rounds=10, record_moves=False)


DECIDE_RANDOM_DRIVER = r"""
import logging, sys, random, decimal, json
logging.disable(logging.CRITICAL)
from decide.data.modelfactory import ModelFactory
from decide.data.reader import InputDataFile
from decide.model import equalgain
equalgain.EqualGainModel.ALLOW_RANDOM = False
from decide.model.observers.observer import Observable
from decide.model.utils import ModelLoop
random.seed(int(sys.argv[3]))
model = ModelFactory(InputDataFile.open(sys.argv[1]))(model_klass=equalgain.EqualGainModel,
                                                      randomized_value=decimal.Decimal(sys.argv[4]))
loop = ModelLoop(model, Observable(model_ref=model, output_directory="/tmp"), 0)
for _ in range(int(sys.argv[2])):
    loop.loop()
out = {}
for issue, ais in model.actor_issues.items():
    for actor, ai in ais.items():
        out[issue.name + "|" + actor.name] = float(ai.position) / float(issue.step_size) + float(issue.lower)
print(json.dumps(out))
"""


def decide_random_parity(python: str, path: Path, rounds: int = 3, seed: int = 7, rate: str = "0.5") -> float | None:
    """Largest difference from decide's randomised exchange rate run, both fed one seeded
    Mersenne Twister stream (decide draws from the global ``random`` module)."""
    import json
    import random
    out = subprocess.run([python, "-c", DECIDE_RANDOM_DRIVER, str(path), str(rounds), str(seed), rate],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    ours = exchange.run(exchange_input(load_scenario(path)), rounds=rounds, randomized=float(rate),
                        rng=random.Random(seed))[-1]["issues"]
    return max(abs(ours[k.split("|")[0]]["positions"][k.split("|")[1]] - v) for k, v in theirs.items())


def decide_time(python: str, path: Path, repeats: int) -> tuple[float, float] | None:
    """(wall, CPU) median seconds of decide's own 10 rounds, in its own interpreter."""
    wall, cpu = [], []
    for _ in range(repeats):
        out = subprocess.run([python, "-c", DECIDE_DRIVER, str(path)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"  decide failed: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return None
        w, c = out.stdout.strip().splitlines()[-1].split()
        wall.append(float(w))
        cpu.append(float(c))
    return statistics.median(wall), statistics.median(cpu)


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
    n = max(3, args.repeats)
    t_exact = median_time(lambda: exchange.run(case, rounds=10), n)
    c_exact = median_time(lambda: exchange.run(case, rounds=10), n, cpu=True)
    t_float = median_time(lambda: exchange.run(case, rounds=10, exact=False), n)
    c_float = median_time(lambda: exchange.run(case, rounds=10, exact=False), n, cpu=True)
    dec = decide_time(args.decide, cop21, args.decide_repeats) if args.decide else None
    for label, t, c in (("exact (Decimal, = decide)", t_exact, c_exact), ("float", t_float, c_float)):
        note = f"vs issue's 10.7 s: {10.7 / t:.1f}x"
        if dec:
            note += f"; decide here {dec[0]:.1f} s wall, {dec[1]:.1f} s CPU: {dec[0] / t:.1f}x wall, {dec[1] / c:.1f}x CPU"
        rows.append((f"exchange cop21, 10 rounds, {label}", t, 10.7 / 20, note))
        rows.append((f"  ... CPU time", c, None, ""))

    if args.decide:
        for name in ("sample_data.txt", "copenhagen.csv"):
            diff = decide_random_parity(args.decide, REF / "exchange" / name)
            if diff is not None:
                rows.append((f"randomised rate 0.5 vs decide, {name}, 3 rounds: max |diff|", diff, None,
                             "same seeded random stream"))

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
        value = f"{t:>10.1e}" if "diff" in name else f"{t:>10.4f}"
        print(f"{name:<{width}}  {value}  {g:>8}  {met:>3}  {note}")


if __name__ == "__main__":
    main()
