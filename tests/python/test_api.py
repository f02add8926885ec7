# SPDX-License-Identifier: Apache-2.0
"""The Model class: what it says of the model, the ways to give inputs and take outputs (TVM's
Module interface among them), copies and views, one live instance of a model with internal
pools, several models in one process, quantization, timing and the operator table."""
import gc

import numpy as np
import pytest

import det
import det_profiled
import kwsnet
import quant
import seed
import seed_axis
import serving

A = np.array([[1, 2]], np.uint8)
B = np.array([[3, 5]], np.uint8)


@pytest.fixture(autouse=True)
def no_model_left():
    """Models of an earlier test, kept by reference cycles (a caught exception's traceback holds
    its frame), go before each test: one with internal pools would refuse the next."""
    gc.collect()


def test_tensors_names_shapes_dtypes():
    m = seed.Model()
    assert [t.name for t in m.inputs] == ["a", "b"]
    assert [t.index for t in m.inputs] == [0, 1]
    out = m.outputs[0]
    assert (out.name, out.raw_name, out.shape, out.dtype) == ("output", "output", (1, 2),
                                                              np.dtype("uint8"))
    assert (out.size, out.nbytes, out.scale, out.zero_point, out.axis) == (2, 2, None, None, None)
    assert out.dtype_name == "uint8"
    s = serving.Model.inputs[0]
    assert (s.name, s.raw_name) == ("serving_default_input_1_0", "serving_default_input_1:0")
    assert serving.Model.outputs[0].dtype == np.dtype("int32")
    k = kwsnet.Model.inputs[0]
    assert (k.shape, k.dtype, k.nbytes) == ((1, 49, 10, 1), np.dtype("int8"), 490)
    assert repr(s) == ("Tensor(input 0, name='serving_default_input_1_0', "
                       "raw_name='serving_default_input_1:0', shape=(1, 3), dtype=int8)")


def test_model_name_target_memory():
    m = seed.Model()
    assert (m.name, m.target) == ("default", None)
    assert seed_axis.Model.target == "c -keys=cpu"
    assert quant.Model.target == "c -keys=cpu"
    # The README's figures for seed: 4 B of inputs, 2 of outputs, an executor of 3 lines.
    assert m.memory() == {"inputs": 4, "outputs": 2, "workspace": 0, "pools": 0,
                          "constant_pools": 0, "internal_pools": 0, "internal_constants": 0,
                          "total": 6, "executor": 192}
    assert kwsnet.Model.memory()["workspace"] == 120320
    assert repr(m) == "<seed.Model of default: a uint8[1, 2], b uint8[1, 2] -> output uint8[1, 2]>"
    # The module says the same before any Model exists.
    assert (seed.name, [t.name for t in seed.inputs]) == ("default", ["a", "b"])


def test_inputs_by_position_name_dict_and_call():
    m = seed.Model()
    want = [[4, 7]]
    np.testing.assert_array_equal(m.run(A, B)[0], want)
    np.testing.assert_array_equal(m.run(b=B, a=A)[0], want)
    np.testing.assert_array_equal(m.run({"a": A, "b": B})[0], want)
    np.testing.assert_array_equal(m.run({0: A, 1: B})[0], want)
    np.testing.assert_array_equal(m(A, b=B)[0], want)
    outs = m.run(A, B)
    assert isinstance(outs, list) and len(outs) == 1


def test_tvm_module_interface():
    m = seed.Model()
    assert (m.get_num_inputs(), m.get_num_outputs()) == (2, 1)
    assert m.get_input_index("b") == 1
    s = serving.Model
    assert s.get_input_index("serving_default_input_1:0") == 0
    assert s.get_input_index("serving_default_input_1_0") == 0
    assert s.get_output_index("StatefulPartitionedCall_0") == 0
    m.set_input(0, A)
    m.set_input("b", B)
    m.run()
    np.testing.assert_array_equal(m.get_output(0), [[4, 7]])
    np.testing.assert_array_equal(m.get_output("output"), [[4, 7]])
    np.testing.assert_array_equal(m.get_input("a"), A)
    # TVM's keyword form.
    m.set_input(a=B, b=B)
    m.run()
    np.testing.assert_array_equal(m.get_output(0), [[6, 10]])
    np.testing.assert_array_equal(m.get_outputs()[0], [[6, 10]])


def test_outputs_are_copies_unless_asked():
    m = seed.Model()
    (first,) = m.run(A, B)
    first[0, 0] = 99
    (second,) = m.run(A, A)
    np.testing.assert_array_equal(second, [[2, 4]])
    assert first[0, 0] == 99 and second.flags.owndata and second.flags.writeable


def test_views_are_read_only_and_valid_until_the_next_run():
    m = seed.Model()
    (view,) = m.run(A, B, copy=False)
    assert not view.flags.writeable and not view.flags.owndata
    np.testing.assert_array_equal(view, [[4, 7]])
    with pytest.raises(ValueError):
        view[0, 0] = 1
    m.run(A, A)
    # The same buffer, now the new run's.
    np.testing.assert_array_equal(view, [[2, 4]])
    view2 = m.get_output(0, copy=False)
    assert view2.__array_interface__["data"][0] == view.__array_interface__["data"][0]
    # A view keeps its Model alive.
    del m
    gc.collect()
    np.testing.assert_array_equal(view, [[2, 4]])


def test_internal_pools_allow_one_live_model():
    first = det.Model()
    with pytest.raises(RuntimeError) as e:
        det.Model()
    assert str(e.value) == (
        "det: one Model at a time: the generated code keeps its memory pools in static storage "
        "(internal pools, one set per process), and a Model of it is alive: delete it first")
    del first
    gc.collect()
    second = det.Model()
    # Zero frames: output0 = -c = [-25, -250, 3, -500], whose largest is at 2.
    assert second.run(np.zeros((1, 8), np.uint8), np.zeros((1, 8), np.uint8))[1][0] == 2
    # Models without internal pools: any number, each its own memory.
    a, b = seed.Model(), seed.Model()
    a.run(A, B)
    b.run(A, A)
    np.testing.assert_array_equal(a.get_output(0), [[4, 7]])
    np.testing.assert_array_equal(b.get_output(0), [[2, 4]])


def test_two_models_with_the_same_symbols_in_one_process():
    # det and det_profiled are the same C (tvmgen_det_*, internal pools), seed and seed_axis the
    # same C (tvmgen_default_*): each module keeps its own, so all run side by side.
    d1, d2 = det.Model(), det_profiled.Model()
    s1, s2 = seed.Model(), seed_axis.Model()
    frame = np.array([[10, 20, 200, 100, 0, 5, 255, 255]], np.uint8)
    bg = np.array([[0, 5, 50, 50, 3, 0, 100, 0]], np.uint8)
    for _ in range(3):
        np.testing.assert_array_equal(d1.run(frame, bg)[0], [[0, -50, 5, -90]])
        np.testing.assert_array_equal(s1.run(A, B)[0], [[4, 7]])
        np.testing.assert_array_equal(d2.run(bg, bg)[0], [[-25, -250, 3, -500]])
        np.testing.assert_array_equal(s2.run(B, B)[0], [[6, 10]])
    k = kwsnet.Model()
    k.run(np.zeros((1, 49, 10, 1), np.int8))
    np.testing.assert_array_equal(d1.get_output(0), [[0, -50, 5, -90]])
    del d1, d2


def tflite_quantize(x, scale, zero_point, lo, hi):
    """TFLite's Quantize: x / scale in float32, rounded half away from zero, plus the zero
    point, saturated."""
    r = np.asarray(x, np.float32) / np.float32(scale)
    r = np.sign(r) * np.floor(np.abs(r) + np.float32(0.5))
    return np.clip(r.astype(np.float64) + zero_point, lo, hi)


def test_quantize_and_dequantize_with_the_model_parameters():
    q = quant.Model
    t = q.inputs[0]
    assert (t.scale, t.zero_point) == (pytest.approx(0.0039215689), -128)
    assert isinstance(t.scale, float) and isinstance(t.zero_point, int)
    x = np.array([[0.0, 0.5, 0.7, 1.0]], np.float32)
    got = q.quantize("serving_default_x:0", x)
    assert got.dtype == np.int8 and got.shape == (1, 4)
    # 0.5 / scale is 127.49999 in float32 (the scale is 1/255 rounded up): 127 steps, not 128.
    np.testing.assert_array_equal(got, [[-128, -1, 50, 127]])
    np.testing.assert_array_equal(got, tflite_quantize(x, t.scale, t.zero_point, -128, 127))
    wide = np.linspace(-2, 2, 101)
    np.testing.assert_array_equal(q.quantize("serving_default_x_0", wide),
                                  tflite_quantize(wide, t.scale, t.zero_point, -128, 127))
    # Back again: within half a step.
    back = q.dequantize("serving_default_x:0", q.quantize("serving_default_x:0", x))
    assert back.dtype == np.float32
    assert np.all(np.abs(back - x) <= np.float32(t.scale) / 2 + 1e-7)
    # The model's own output, run from quantized real values and dequantized: about twice them.
    m = q()
    (y,) = m.run(q.quantize("serving_default_x:0", x))
    np.testing.assert_allclose(q.dequantize("Identity", y), 2 * x, atol=2 * q.outputs[0].scale)


def test_per_axis_quantization():
    a = seed_axis.Model.inputs[0]
    assert a.axis == 1
    np.testing.assert_array_equal(a.scale, np.array([0.5, 0.25], np.float32))
    np.testing.assert_array_equal(a.zero_point, [10, 0])
    q = seed_axis.Model.quantize("a", [[1.0, 1.0]])
    # Column 0: 1 / 0.5 + 10 = 12; column 1: 1 / 0.25 + 0 = 4.
    np.testing.assert_array_equal(q, [[12, 4]])
    np.testing.assert_array_equal(seed_axis.Model.dequantize("a", [[12, 4]]), [[1.0, 1.0]])
    with pytest.raises(ValueError):
        seed_axis.Model.quantize("a", [1.0, 1.0])
    out = seed_axis.Model.outputs[0]
    assert (out.scale, out.zero_point) == (0.125, 3)
    np.testing.assert_array_equal(seed_axis.Model.dequantize("output", [[3, 11]]), [[0.0, 1.0]])
    assert "per-axis" in repr(a)


def test_time_reports_per_run_seconds():
    m = kwsnet.Model()
    m.set_input(0, np.ones((1, 49, 10, 1), np.int8))
    t = m.time(repeat=4, number=3)
    assert t.shape == (4,) and t.dtype == np.float64
    assert np.all(t > 0) and np.all(t < 10)


def test_profile_records_of_a_model_built_with_profile():
    m = det_profiled.Model()
    assert m.profiled and not seed.Model.profiled
    m.set_input(0, np.zeros((1, 8), np.uint8))
    m.set_input(1, np.zeros((1, 8), np.uint8))
    r = m.profile(5)
    assert all(type(x).__name__ == "OperatorRecord" for x in r)
    assert r[0]._fields == ("name", "calls", "total", "mean", "share")
    assert [x.name for x in r] == ["fused_cast_cast_subtract", "fused_reshape_sum",
                                   "fused_subtract", "fused_argmax"]
    assert [x.calls for x in r] == [5, 5, 5, 5]
    assert all(x.total >= 0 and x.mean == pytest.approx(x.total / 5) for x in r)
    summary = m.profile_summary()
    assert summary["runs"] == 5 and summary["clock_went_back"] == 0
    assert summary["operators_total"] <= summary["run_total"]
    for x in r:
        assert x.share == pytest.approx(100 * x.total / summary["run_total"])
    assert m.profile_table().startswith("operators of det: 5 runs, times in ns\n")
    # profile() starts afresh.
    assert [x.calls for x in m.profile(2)] == [2, 2, 2, 2]
    del m


def test_help_texts():
    assert "cast=True" in seed.Model.run.__doc__
    assert "copy=False" in seed.Model.run.__doc__
    assert "seed" in seed.__doc__ and "default" in seed.__doc__
