#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What a call from Python costs over the C++ run it makes (benchmarks/python_overhead.sh).

For each model: the run itself, timed in C++ around AotExecutor::run() (Model.time), and the
Python calls that make one: run() on the inputs set before, run(x, ...) setting every input and
copying every output, the same returning views, and set_input and get_output alone. Each figure
is the best of `repeat` measurements of `number` calls, per call, the rows measured in turn.
Needs the modules on PYTHONPATH (tests/python of a build).
"""
import argparse
import importlib
import timeit

import numpy as np


def measure(name, inputs, number, repeat):
    model = importlib.import_module(name).Model()
    model.run(*inputs)
    calls = [
        ("run() in C++ (Model.time)", None),
        ("m.run()  (inputs set before)", lambda: model.run()),
        ("m.run(x...)  (set inputs, run, copy outputs)", lambda: model.run(*inputs)),
        ("m.run(x..., copy=False)  (views)", lambda: model.run(*inputs, copy=False)),
        ("m.set_input(0, x)", lambda: model.set_input(0, inputs[0])),
        ("m.get_output(0)", lambda: model.get_output(0)),
    ]
    # Interleaved, so that a change of the machine's load meets every row alike; the best kept.
    best = [float("inf")] * len(calls)
    for _ in range(repeat):
        for i, (_, fn) in enumerate(calls):
            if fn is None:
                t = float(model.time(repeat=1, number=number)[0])
            else:
                t = timeit.timeit(fn, number=number) / number
            best[i] = min(best[i], t)
    cpp = best[0]
    print(f"{name}: {', '.join(f'{t.raw_name} {t.dtype_name}{list(t.shape)}' for t in model.inputs)}"
          f"; best of {repeat} x {number} calls")
    print(f"  {'call':<48}{'per call (us)':>14}{'over the C++ run (us)':>24}")
    for (label, _), seconds in zip(calls, best):
        runs = label.startswith("m.run")
        over = f"{(seconds - cpp) * 1e6:.2f}" if runs else ""
        print(f"  {label:<48}{seconds * 1e6:>14.2f}{over:>24}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--number", type=int, default=20000, help="calls per measurement (seed)")
    p.add_argument("--repeat", type=int, default=25, help="measurements, the best kept")
    args = p.parse_args()
    rng = np.random.default_rng(1)
    measure("seed", [np.array([[1, 2]], np.uint8), np.array([[3, 5]], np.uint8)], args.number,
            args.repeat)
    measure("kwsnet", [rng.integers(-128, 128, size=(1, 49, 10, 1), dtype=np.int8)],
            max(args.number // 200, 1), args.repeat)


if __name__ == "__main__":
    main()
