#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""aot-run: runs a model's Python module (aot_add_python_module) as `tvmc run` runs a TVM package.

    aot-run <module> [--inputs in.npz] [--fill-mode zeros|ones|random] [--outputs out.npz]
            [--print-top N] [--print-time] [--repeat R] [--number N] [--profile]
            [--plot profile.png]

<module> is the module's file (kws.cpython-311-x86_64-linux-gnu.so) or its name on the
Python path. The flags are tvmc run's: inputs from an .npz whose arrays are named as the
model's inputs (raw or sanitised names), the ones it lacks filled by --fill-mode when that is
given, every input filled by it (default random) without --inputs; outputs saved as
output_0, output_1, ... in an .npz. Bad input is one line on stderr and exit status 1.
"""
import argparse
import importlib
import importlib.util
import os
import sys
import zipfile

import numpy as np

__all__ = ["main", "load_module", "plot_profile", "format_times", "format_top"]


class UsageError(Exception):
    """A problem with what aot-run was given: reported in one line, exit status 1."""


def _message(error):
    # KeyError's str() quotes its text.
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error)


def load_module(spec):
    """The model module named `spec`: a path to its file, or a module name to import."""
    if os.sep in spec or spec.endswith(".so") or os.path.isfile(spec):
        if not os.path.isfile(spec):
            raise UsageError(f"no such module file: {spec}")
        name = os.path.basename(spec).split(".")[0]
        loader_spec = importlib.util.spec_from_file_location(name, spec)
        if loader_spec is None:
            raise UsageError(f"{spec} is not a Python module (an extension ends in .so)")
        module = importlib.util.module_from_spec(loader_spec)
        try:
            loader_spec.loader.exec_module(module)
        except ImportError as e:
            raise UsageError(f"cannot load {spec}: {e}") from None
    else:
        try:
            module = importlib.import_module(spec)
        except ImportError as e:
            raise UsageError(
                f"cannot import module '{spec}': {e} (give the module's file, or put its "
                "folder on PYTHONPATH)") from None
    if not hasattr(module, "Model"):
        raise UsageError(f"'{spec}' is not a model module of aot_add_python_module (no Model in it)")
    return module


def load_inputs(path):
    """The arrays of an .npz file, by name."""
    try:
        data = np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise UsageError(f"cannot read inputs {path}: no such file") from None
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise UsageError(f"cannot read inputs {path}: {e}") from None
    if not isinstance(data, np.lib.npyio.NpzFile):
        raise UsageError(f"{path} holds a single array, not an .npz of arrays named as the inputs "
                         "(np.savez(path, name=array, ...))")
    try:
        with data:
            return {name: data[name] for name in data.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise UsageError(f"cannot read inputs {path}: {e}") from None


def fill(tensor, mode, rng):
    """An array for `tensor` in tvmc's fill modes: zeros, ones, random (the dtype's whole range
    for integers, uniform in [-1, 1) for floats)."""
    shape, dtype = tensor.shape, tensor.dtype
    if tensor.dtype_name == "bfloat16":  # its bits, as uint16
        values = {"zeros": np.zeros(shape, np.float32), "ones": np.ones(shape, np.float32)}.get(
            mode)
        if values is None:
            values = rng.uniform(-1, 1, size=shape).astype(np.float32)
        return (values.view(np.uint32) >> 16).astype(np.uint16)
    if mode == "zeros":
        return np.zeros(shape, dtype)
    if mode == "ones":
        return np.ones(shape, dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    if dtype.kind == "b":
        return rng.integers(0, 2, size=shape).astype(bool)
    return rng.uniform(-1, 1, size=shape).astype(dtype)


def set_inputs(model, inputs_path, fill_mode, seed):
    """Sets every input: from the .npz (names checked), the rest filled."""
    given = load_inputs(inputs_path) if inputs_path else {}
    names = [t.raw_name for t in model.inputs]
    chosen = {}
    for key, array in given.items():
        try:
            index = model.get_input_index(key)
        except KeyError:
            raise UsageError(f"{inputs_path}: '{key}' is not an input of {model.name} "
                             f"(its inputs: {', '.join(names)})") from None
        if index in chosen:
            raise UsageError(f"{inputs_path}: input '{names[index]}' is given twice "
                             f"('{chosen[index][0]}' and '{key}')")
        chosen[index] = (key, array)
    missing = [t for t in model.inputs if t.index not in chosen]
    if inputs_path and missing and fill_mode is None:
        raise UsageError(f"{inputs_path} has no array for input "
                         + ", ".join(f"'{t.raw_name}'" for t in missing)
                         + f" (the inputs of {model.name}: {', '.join(names)}); "
                         "give --fill-mode to fill the ones it lacks")
    rng = np.random.default_rng(seed)
    for t in missing:
        chosen[t.index] = (None, fill(t, fill_mode or "random", rng))
    for index in sorted(chosen):
        key, array = chosen[index]
        try:
            model.set_input(index, array)
        except (TypeError, ValueError, KeyError, IndexError) as e:
            where = f"{inputs_path}: array '{key}': " if key is not None else ""
            raise UsageError(where + _message(e)) from None


def format_times(times):
    """tvmc's --print-time table: mean, median, max, min and std of the runs, in ms."""
    ms = np.asarray(times, dtype=np.float64) * 1000.0
    heads = ["mean (ms)", "median (ms)", "max (ms)", "min (ms)", "std (ms)"]
    values = [np.mean(ms), np.median(ms), np.max(ms), np.min(ms), np.std(ms)]
    return ("Execution time summary:\n" + " ".join(f"{h:^12}" for h in heads) + "\n"
            + " ".join(f"{v:^12.4f}" for v in values))


def format_top(outputs, tensors, n):
    """The top n values of each output, largest first (ties: lower index first)."""
    lines = []
    for i, (array, tensor) in enumerate(zip(outputs, tensors)):
        flat = array.reshape(-1)
        k = min(n, flat.size)
        order = np.lexsort((np.arange(flat.size), -flat.astype(np.float64)))[:k]
        shape = "x".join(str(d) for d in array.shape) or "scalar"
        lines.append(f"output_{i} '{tensor.raw_name}' ({tensor.dtype_name}, {shape}): top {k}")
        multi = sum(1 for d in array.shape if d > 1) > 1
        lines.append(f"{'index':>10}  {'value':>16}" + ("  position" if multi else ""))
        for j in order:
            where = f"  {tuple(int(p) for p in np.unravel_index(j, array.shape))}" if multi else ""
            lines.append(f"{int(j):>10}  {str(flat[j]):>16}{where}")
    return "\n".join(lines)


def format_profile(model, records, summary):
    """The operator table: mean time per run of each operator, its share of the run, calls."""
    runs = max(summary["runs"], 1)
    width = max([len("Sum of operators")] + [len(str(r.name)) for r in records]) + 2
    lines = [f"Operators of {model.name}, mean of {summary['runs']} run"
             + ("" if summary["runs"] == 1 else "s"),
             f"{'Name':<{width}}{'Duration (us)':>14}{'Percent':>10}{'Count':>8}"]
    for r in records:
        lines.append(f"{str(r.name):<{width}}{r.total / runs * 1e6:>14.3f}{r.share:>10.2f}"
                     f"{r.calls / runs:>8.0f}")
    run_total = summary["run_total"]
    ops = summary["operators_total"]
    share = 100.0 * ops / run_total if run_total > 0 else 0.0
    lines.append(f"{'Sum of operators':<{width}}{ops / runs * 1e6:>14.3f}{share:>10.2f}"
                 f"{sum(int(r.calls) for r in records) / runs:>8.0f}")
    lines.append(f"{'Whole run':<{width}}{run_total / runs * 1e6:>14.3f}{100.0:>10.2f}{1:>8}")
    if summary["clock_went_back"]:
        lines.append(f"warning: the clock went back {summary['clock_went_back']} times; "
                     "those intervals count as 0")
    return "\n".join(lines)


def plot_profile(records, runs, title, path):
    """A PNG bar chart of the mean time per run of each operator, labelled with its time and
    share; returns the figure."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise UsageError(f"--plot needs matplotlib (Debian: python3-matplotlib): {e}") from None
    names = [str(r.name) for r in records]
    micros = np.array([float(r.total) / max(runs, 1) * 1e6 for r in records])
    unit, scale = ("ms", 1e-3) if micros.size and micros.max() >= 1000 else ("µs", 1.0)
    values = micros * scale
    fig, ax = plt.subplots(figsize=(9, 1.3 + 0.45 * max(len(names), 1)), dpi=100)
    y = np.arange(len(names))
    bars = ax.barh(y, values, color="#3b75af")
    ax.set_yticks(y)
    ax.set_yticklabels(names)
    ax.invert_yaxis()  # the first operator run on top
    ax.set_xlabel(f"time per run ({unit})")
    ax.set_title(title)
    right = values.max() if values.size and values.max() > 0 else 1.0
    for bar, value, r in zip(bars, values, records):
        ax.text(bar.get_width() + right * 0.01, bar.get_y() + bar.get_height() / 2,
                f"{value:.3g} {unit}, {float(r.share):.1f} %", va="center", fontsize=9)
    ax.set_xlim(0, right * 1.3)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    try:
        fig.savefig(path)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e}") from None
    return fig


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="aot-run",
        description="Run a model's Python module (aot_add_python_module) as tvmc run runs a "
                    "TVM package: the C that ships, on this machine.")
    p.add_argument("module", help="the module's file (.so) or its name on the Python path")
    p.add_argument("-i", "--inputs", help="the .npz of input arrays, named as the inputs")
    p.add_argument("--fill-mode", choices=["zeros", "ones", "random"],
                   help="fill the inputs --inputs does not give (without --inputs: every input, "
                        "default random)")
    p.add_argument("--seed", type=int, help="seed of --fill-mode random")
    p.add_argument("-o", "--outputs", help="save the outputs to this .npz (output_0, output_1, ...)")
    p.add_argument("--print-top", metavar="N", type=int,
                   help="print the top N values and their indices of each output")
    p.add_argument("--print-time", action="store_true",
                   help="print mean, median, max, min and std of the run time in ms")
    p.add_argument("--repeat", metavar="R", type=int, default=1,
                   help="measurements for --print-time (default 1)")
    p.add_argument("--number", metavar="N", type=int, default=1,
                   help="runs per measurement, whose mean it is (default 1)")
    p.add_argument("--profile", action="store_true",
                   help="print the time of each operator (a model built with PROFILE)")
    p.add_argument("--plot", metavar="PNG",
                   help="draw the time of each operator as a bar chart (implies --profile)")
    args = p.parse_args(argv)
    if args.repeat < 1 or args.number < 1:
        p.error("--repeat and --number must be at least 1")
    if args.print_top is not None and args.print_top < 1:
        p.error("--print-top must be at least 1")
    return args


def run(args):
    module = load_module(args.module)
    try:
        model = module.Model()
    except RuntimeError as e:
        raise UsageError(str(e)) from None
    if (args.profile or args.plot) and not model.profiled:
        raise UsageError(f"{model.name} has no operator table: build it with PROFILE "
                         "(aot_add_model(... PROFILE)) to --profile or --plot it")
    set_inputs(model, args.inputs, args.fill_mode, args.seed)

    times = None
    if args.print_time:
        times = model.time(args.repeat, args.number)
    if args.profile or args.plot:
        runs = args.repeat * args.number
        records = model.profile(runs)
        summary = model.profile_summary()
        print(format_profile(model, records, summary))
        if args.plot:
            s = "" if runs == 1 else "s"
            whole = summary["run_total"] / max(summary["runs"], 1) * 1e3
            plot_profile(records, runs, f"{model.name}: time per operator\nmean of {runs} run{s}, "
                         f"whole run {whole:.3g} ms", args.plot)
    if times is None and not (args.profile or args.plot):
        model.run()
    outputs = model.get_outputs()

    if times is not None:
        print(format_times(times))
    if args.print_top:
        print(format_top(outputs, model.outputs, args.print_top))
    if args.outputs:
        try:
            np.savez(args.outputs, **{f"output_{i}": a for i, a in enumerate(outputs)})
        except OSError as e:
            raise UsageError(f"cannot write {args.outputs}: {e}") from None


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        run(args)
    except (UsageError, TypeError, ValueError, KeyError, IndexError, RuntimeError, OSError) as e:
        print(f"aot-run: error: {_message(e)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
