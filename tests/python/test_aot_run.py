# SPDX-License-Identifier: Apache-2.0
"""aot-run as a TVM user runs tvmc run: inputs from an .npz, outputs to one, --print-top and
--print-time parsed, the operator table and its plot; and every bad input one line on stderr,
exit status 1, no traceback."""
import importlib.machinery
import importlib.util
import re
import subprocess

import numpy as np
import pytest

import seed
from conftest import program


def aot_run(*args):
    return subprocess.run([program("AOT_RUN"), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def fails(result, message):
    """One line on stderr, `aot-run: error: ` and `message` in it, exit status 1."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("aot-run: error: ")
    assert message in lines[0], lines[0]


def test_npz_round_trip(work):
    a = np.array([[1, 250]], np.uint8)
    b = np.array([[3, 10]], np.uint8)
    np.savez(work / "in.npz", a=a, b=b)
    r = aot_run("seed", "--inputs", work / "in.npz", "--outputs", work / "out.npz")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    with np.load(work / "out.npz") as out:
        assert out.files == ["output_0"]
        np.testing.assert_array_equal(out["output_0"], ((a.astype(int) + b) % 256).astype(np.uint8))
        assert out["output_0"].dtype == np.uint8


def test_raw_names_and_the_module_by_its_file(work):
    x = np.array([[1, -2, 3]], np.int8)
    np.savez(work / "in.npz", **{"serving_default_input_1:0": x})
    path = seed.__file__.replace("seed.", "serving.")
    r = aot_run(path, "-i", work / "in.npz", "-o", work / "out.npz")
    assert r.returncode == 0, r.stderr
    with np.load(work / "out.npz") as out:
        np.testing.assert_array_equal(out["output_0"], x.astype(np.int32) * 2 + 1)


def parse_top(text):
    """{output index: [(index, value), ...]} from --print-top's blocks."""
    blocks, current = {}, None
    for line in text.splitlines():
        head = re.match(r"^output_(\d+) '.*' \(\w+, [\dx]+\): top (\d+)$", line)
        if head:
            current = blocks.setdefault(int(head.group(1)), [])
        elif current is not None and re.match(r"^\s+\d+\s+\S+", line):
            index, value = line.split()[:2]
            current.append((int(index), float(value)))
    return blocks


def test_print_top_of_each_output(work):
    x = np.array([[0.5, -1.0, 3.0], [2.0, 9.0, -4.0]], np.float32)
    y = np.array([5, -7, 100, 5], np.int8)
    np.savez(work / "in.npz", x=x, y=y)
    r = aot_run("mixed", "--inputs", work / "in.npz", "--print-top", 3)
    assert r.returncode == 0, r.stderr
    top = parse_top(r.stdout)
    # output0 = 2x + 0.5, output1 = y reversed, output2 = sum(y); ties: the lower index first.
    assert top[0] == [(4, 18.5), (2, 6.5), (3, 4.5)]
    assert top[1] == [(1, 100.0), (0, 5.0), (3, 5.0)]
    assert top[2] == [(0, 103.0)]


def test_print_time_as_tvmc_prints_it():
    r = aot_run("kwsnet", "--fill-mode", "ones", "--print-time", "--repeat", 5, "--number", 2)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    i = lines.index("Execution time summary:")
    assert lines[i + 1].split() == ["mean", "(ms)", "median", "(ms)", "max", "(ms)", "min",
                                    "(ms)", "std", "(ms)"]
    mean, median, high, low, std = map(float, lines[i + 2].split())
    assert 0 < low <= median <= high and low <= mean <= high and std >= 0


def test_profile_table_and_plot(work):
    png = work / "profile.png"
    r = aot_run("det_profiled", "--fill-mode", "random", "--repeat", 3, "--number", 2,
                "--profile", "--plot", png)
    assert r.returncode == 0, r.stderr
    names = ["fused_cast_cast_subtract", "fused_reshape_sum", "fused_subtract", "fused_argmax"]
    assert "Operators of det, mean of 6 runs" in r.stdout
    rows = [line.split() for line in r.stdout.splitlines()]
    table = {row[0]: row for row in rows if row and row[0] in names}
    assert list(table) == names
    assert all(row[-1] == "1" for row in table.values())  # one call per run each
    assert any(line.startswith("Whole run") for line in r.stdout.splitlines())

    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.image
    image = matplotlib.image.imread(png)
    assert image.ndim == 3 and image.shape[0] > 100 and image.shape[1] > 300
    assert image.std() > 0  # not a blank page

    # The same drawing, its axis labels read back.
    loader = importlib.machinery.SourceFileLoader("aot_run", program("AOT_RUN"))
    spec = importlib.util.spec_from_loader("aot_run", loader)
    aot_run_module = importlib.util.module_from_spec(spec)
    loader.exec_module(aot_run_module)
    import det_profiled
    m = det_profiled.Model()
    records = m.profile(2)
    fig = aot_run_module.plot_profile(records, 2, "det", work / "again.png")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    assert ax.get_xlabel().startswith("time per run (")
    assert (work / "again.png").stat().st_size > 1000
    del m


def test_fill_mode_fills_what_the_npz_lacks(work):
    np.savez(work / "a.npz", a=np.array([[7, 8]], np.uint8))
    r = aot_run("seed", "--inputs", work / "a.npz", "--fill-mode", "zeros", "-o", work / "o.npz")
    assert r.returncode == 0, r.stderr
    with np.load(work / "o.npz") as out:
        np.testing.assert_array_equal(out["output_0"], [[7, 8]])


def test_bad_inputs_are_one_clear_error(work):
    np.savez(work / "a_only.npz", a=np.array([[7, 8]], np.uint8))
    fails(aot_run("seed", "--inputs", work / "a_only.npz"),
          "a_only.npz has no array for input 'b' (the inputs of default: a, b); give --fill-mode "
          "to fill the ones it lacks")
    np.savez(work / "extra.npz", a=np.zeros((1, 2), np.uint8), b=np.zeros((1, 2), np.uint8),
             c=np.zeros((1, 2), np.uint8))
    fails(aot_run("seed", "--inputs", work / "extra.npz"),
          "extra.npz: 'c' is not an input of default (its inputs: a, b)")
    np.savez(work / "shape.npz", a=np.zeros((1, 3), np.uint8), b=np.zeros((1, 2), np.uint8))
    fails(aot_run("seed", "--inputs", work / "shape.npz"),
          "shape.npz: array 'a': default: input 'a' (index 0): dimension 1 is 3, expected 2")
    np.savez(work / "dtype.npz", a=np.zeros((1, 2), np.float32), b=np.zeros((1, 2), np.uint8))
    fails(aot_run("seed", "--inputs", work / "dtype.npz"),
          "dtype.npz: array 'a': default: input 'a' (index 0): dtype is float32, expected uint8")
    (work / "text.npz").write_text("not an archive")
    fails(aot_run("seed", "--inputs", work / "text.npz"), "cannot read inputs")
    fails(aot_run("seed", "--inputs", work / "missing.npz"),
          "cannot read inputs " + str(work / "missing.npz") + ": no such file")
    np.save(work / "single.npy", np.zeros((1, 2), np.uint8))
    fails(aot_run("seed", "--inputs", work / "single.npy"), "holds a single array, not an .npz")


def test_bad_module_and_failed_runs(work):
    fails(aot_run("no_such_model"), "cannot import module 'no_such_model'")
    fails(aot_run(work / "none.so"), "no such module file")
    fails(aot_run("numpy"), "'numpy' is not a model module of aot_add_python_module")
    fails(aot_run("seed", "--profile"), "default has no operator table: build it with PROFILE")
    np.savez(work / "neg.npz", input=np.array([-1.0, 2.0], np.float32))
    fails(aot_run("failing", "--inputs", work / "neg.npz"),
          "failing: the entry function returned -1")
    fails(aot_run("seed", "--outputs", work / "no" / "such" / "dir" / "out.npz"), "cannot write")


def test_usage_errors_exit_2_without_traceback():
    r = aot_run("seed", "--repeat", 0)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "--repeat and --number must be at least 1" in r.stderr
    r = aot_run("seed", "--fill-mode", "twos")
    assert r.returncode == 2 and "invalid choice: 'twos'" in r.stderr
