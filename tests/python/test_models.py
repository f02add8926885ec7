# SPDX-License-Identifier: Apache-2.0
"""Every fixture model through its Python module, against references computed here in numpy
from what each model's C computes (its operators, read by hand; EXPECTED.md for the MLFs), on
random inputs and the edges of each dtype."""
import importlib
import subprocess

import numpy as np
import pytest

from conftest import program

RNG = np.random.default_rng(20240521)


def ints(dtype, shape, lo=None, hi=None):
    info = np.iinfo(dtype)
    lo = info.min if lo is None else lo
    hi = info.max if hi is None else hi
    return RNG.integers(lo, hi, size=shape, dtype=dtype, endpoint=True)


def floats(shape, scale=4.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def model(name):
    return importlib.import_module(name).Model()


def test_seed_adds_uint8_wrapping():
    m = model("seed")
    for _ in range(20):
        a, b = ints(np.uint8, (1, 2)), ints(np.uint8, (1, 2))
        (out,) = m.run(a, b)
        assert out.dtype == np.uint8 and out.shape == (1, 2)
        np.testing.assert_array_equal(out, ((a.astype(np.int32) + b) % 256).astype(np.uint8))
    (out,) = m.run(np.array([[255, 1]], np.uint8), np.array([[1, 2]], np.uint8))
    np.testing.assert_array_equal(out, [[0, 3]])


def test_mixed_three_outputs_of_two_dtypes():
    m = model("mixed")
    for _ in range(10):
        x, y = floats((2, 3)), ints(np.int8, (4,))
        out0, out1, out2 = m.run(x, y)
        np.testing.assert_array_equal(out0, x * np.float32(2.0) + np.float32(0.5))
        assert out0.dtype == np.float32
        np.testing.assert_array_equal(out1, y[::-1])
        np.testing.assert_array_equal(out2, [np.sum(y.astype(np.int32))])
        assert out2.dtype == np.int32 and out2.shape == (1,)


def test_legacy_packed_convention_multiplies_int16_wrapping():
    m = model("legacy")
    x = np.array([1, -2, 20000, -32768], np.int16)
    (out,) = m.run(x)
    np.testing.assert_array_equal(out, (x.astype(np.int32) * 3).astype(np.int16))
    x = ints(np.int16, (4,))
    np.testing.assert_array_equal(m.run(x)[0], (x.astype(np.int32) * 3).astype(np.int16))


def test_failing_negates_until_its_check_fails():
    m = model("failing")
    x = np.array([1.5, -2.25], np.float32)
    np.testing.assert_array_equal(m.run(x)[0], -x)
    with pytest.raises(RuntimeError, match=r"^failing: the entry function returned -1$"):
        m.run(np.array([-1.0, 2.0], np.float32))
    # A failed run leaves the model usable.
    np.testing.assert_array_equal(m.run(x)[0], -x)


def test_serving_raw_names_with_colons():
    m = model("serving")
    for x in (ints(np.int8, (1, 3)), np.array([[-128, 127, 0]], np.int8)):
        (out,) = m.run(x)
        np.testing.assert_array_equal(out, x.astype(np.int32) * 2 + 1)
        assert out.dtype == np.int32
    # Raw and sanitised names both reach the input.
    x = np.array([[1, 2, 3]], np.int8)
    np.testing.assert_array_equal(m.run({"serving_default_input_1:0": x})[0], [[3, 5, 7]])
    np.testing.assert_array_equal(m.run(serving_default_input_1_0=x)[0], [[3, 5, 7]])


def arena_reference(x):
    s = x.astype(np.int64) * 3 + 1
    return (np.cumsum(s) - s[::-1]).astype(np.int32)


def test_arena_workspace_from_the_runtime():
    m = model("arena")
    for _ in range(5):
        x = ints(np.int32, (256,), -100000, 100000)
        np.testing.assert_array_equal(m.run(x)[0], arena_reference(x))
    assert m.workspace_peak() > 0


def test_blur_averages_float32_as_the_c_does():
    m = model("blur")
    x = floats((300,))
    p = np.concatenate([[0], x, [0]]).astype(np.float32)
    want = ((p[:-2] + p[1:-1]) + p[2:]) * np.float32(3.333333e-01)
    np.testing.assert_array_equal(m.run(x)[0], want)


def clip8(v):
    return np.clip(v, -128, 127).astype(np.int8)


def kwsnet_reference(x):
    """kwsnet's six layers (tests/fixtures/kwsnet/kwsnet_lib1.c): int8 activations, int32
    accumulators, C's arithmetic shifts and truncating division."""
    x = x.reshape(-1).astype(np.int32)
    k = np.arange(16000)
    j = k % 612
    padded = np.where((j >= 1) & (j <= 490), x[np.clip(j - 1, 0, 489)], 0)
    a = clip8((padded * (k % 7 - 3) + k % 128) >> 2).astype(np.int32)

    def depthwise(v):
        p = np.concatenate([np.zeros(96, np.int32), v, np.zeros(96, np.int32)])
        return clip8((p[:16000] + 2 * p[96:16096] + p[192:16192]) >> 2).astype(np.int32)

    b = depthwise(a)
    a = clip8((5 * b - np.roll(b, -1)) >> 3).astype(np.int32)
    b = depthwise(a)
    sums = b.reshape(125, 128).sum(axis=0)
    pooled = clip8(np.trunc(sums / 125).astype(np.int32)).astype(np.int32)
    o, c = np.meshgrid(np.arange(12), np.arange(128), indexing="ij")
    acc = (pooled[None, :] * ((o + c) % 5 - 2)).sum(axis=1)
    return clip8(acc >> 1).reshape(1, 12)


def test_kwsnet_keyword_spotting_size():
    m = model("kwsnet")
    for x in (ints(np.int8, (1, 49, 10, 1)), ints(np.int8, (1, 49, 10, 1), -3, 3),
              np.full((1, 49, 10, 1), -128, np.int8), np.full((1, 49, 10, 1), 127, np.int8)):
        np.testing.assert_array_equal(m.run(x)[0], kwsnet_reference(x))
    assert m.memory()["workspace"] == 120320
    assert m.workspace_peak() == 16000 + 16000 + 128 + 24192 + 64000


def test_kwsnet_from_python_equals_its_cpp_run():
    m = model("kwsnet")
    xs = [ints(np.int8, (1, 49, 10, 1)) for _ in range(8)]
    cpp = subprocess.run([program("AOT_KWSNET_CPP")], input=b"".join(x.tobytes() for x in xs),
                         capture_output=True, check=True).stdout
    want = np.frombuffer(cpp, np.int8).reshape(len(xs), 1, 12)
    for x, w in zip(xs, want):
        np.testing.assert_array_equal(m.run(x)[0], w)


def test_extpool_external_pool():
    m = model("extpool")
    x = ints(np.int32, (64,), -1000000, 1000000)
    s1 = x + np.arange(64, dtype=np.int32)
    np.testing.assert_array_equal(m.run(x)[0], s1 * 2 + s1[::-1])


def test_wsio_io_inside_the_workspace_pool():
    m = model("wsio")
    x = ints(np.int16, (4,))
    sq = (x.astype(np.int32) * x).astype(np.int16)
    np.testing.assert_array_equal(m.run(x)[0], (sq.astype(np.int32) - x).astype(np.int16))
    # Its input lives in the pool too, and reads back.
    np.testing.assert_array_equal(m.get_input(0), x)


def test_intpool_internal_pools_and_a_vendor_kernel():
    m = model("intpool")
    x = floats((4,))
    # intpool_lib0.c: the constants 0x1p+1, -0x1p+0, 0x1p-1, 0x1.8p+1.
    want = x * np.array([2.0, -1.0, 0.5, 3.0], np.float32) + np.float32(1.0)
    np.testing.assert_array_equal(m.run(x)[0], want)


def test_reporter_message_reaches_python():
    m = model("reporter")
    x = np.array([4.0, 2.0], np.float32)
    np.testing.assert_array_equal(m.run(x)[0], np.sqrt(x))
    with pytest.raises(RuntimeError) as e:
        m.run(np.array([1.0, -1.0], np.float32))
    assert str(e.value) == ("reporter: the entry function returned -1: Assert fail: "
                            "(0f <= p0[ax0]), sqrt of a negative input")


def test_greedy_workspace_overflow_is_an_error():
    m = model("greedy")
    with pytest.raises(RuntimeError, match=r"^greedy: workspace overflow: 4096 bytes needed, "
                                           r"the arena holds 1024$"):
        m.run(np.zeros(4, np.int8))


def test_disorder_a_free_out_of_order_is_an_error():
    m = model("disorder")
    with pytest.raises(RuntimeError) as e:
        m.run(np.zeros(4, np.int8))
    assert str(e.value).startswith("disorder: workspace block at offset ")
    assert str(e.value).endswith(" (frees must be LIFO)")


def test_npu_without_its_device_handle_fails_as_its_driver_says():
    # The vendor driver refuses a null device (npu/vendor_driver.c); Python gives none.
    m = model("npu")
    assert [t.name for t in m.inputs] == ["x"]
    with pytest.raises(RuntimeError, match=r"^npu: the entry function returned -1$"):
        m.run(np.zeros(8, np.int8))


def test_quant_fixture_outputs_and_dequantized():
    mod = importlib.import_module("quant")
    m = mod.Model()
    x = np.array([[-128, -1, 51, 127]], np.int8)
    (y,) = m.run(x)
    # quant/EXPECTED.md: n = x + 128, a = floor((floor((n + 1) / 2) + 1) / 2), b = floor((n + 2) / 4)
    n = x.astype(np.int64) + 128
    q0 = (n + 1) // 2 - 128
    a, b = (q0 + 128 + 1) // 2, (n + 2) // 4
    np.testing.assert_array_equal(y, np.clip(a + b - 128, -128, 127))
    np.testing.assert_array_equal(y, [[-128, -64, -38, 0]])
    out = m.outputs[0]
    # scale * (q - zero_point), in double, rounded once to float, as aot::dequantize.
    want = (np.float64(np.float32(out.scale)) * (y.astype(np.float64) - out.zero_point)).astype(
        np.float32)
    np.testing.assert_array_equal(m.dequantize("Identity", y), want)
    np.testing.assert_array_equal(m.dequantize("Identity", y),
                                  np.array([[0, 1.00392163, 1.41176474, 2.00784326]], np.float32))
    for _ in range(5):
        x = ints(np.int8, (1, 4))
        n = x.astype(np.int64) + 128
        a, b = ((n + 1) // 2 + 1) // 2, (n + 2) // 4
        np.testing.assert_array_equal(m.run(x)[0], np.clip(a + b - 128, -128, 127))


def det_reference(frame, bg):
    d = frame.astype(np.int16) - bg.astype(np.int16)
    s = d.reshape(4, 2).sum(axis=1).astype(np.int16)
    out0 = (s - np.array([25, 250, -3, 500], np.int16)).astype(np.int16)
    return out0.reshape(1, 4), np.array([np.argmax(out0)], np.int32)


@pytest.mark.parametrize("name", ["det", "det_profiled"])
def test_det_two_inputs_two_outputs(name):
    m = model(name)
    frame = np.array([[10, 20, 200, 100, 0, 5, 255, 255]], np.uint8)
    bg = np.array([[0, 5, 50, 50, 3, 0, 100, 0]], np.uint8)
    out0, out1 = m.run(frame, bg)
    np.testing.assert_array_equal(out0, [[0, -50, 5, -90]])
    np.testing.assert_array_equal(out1, [2])
    for _ in range(10):
        frame, bg = ints(np.uint8, (1, 8)), ints(np.uint8, (1, 8))
        want0, want1 = det_reference(frame, bg)
        out0, out1 = m.run(frame=frame, bg=bg)
        np.testing.assert_array_equal(out0, want0)
        np.testing.assert_array_equal(out1, want1)
    del m


def test_noplan_workspace_arena():
    m = model("noplan_profiled")
    x = np.arange(256, dtype=np.int32)
    (out,) = m.run(x)
    assert out[0] == -765 and out[1] == -758 and out[255] == 98175
    x = ints(np.int32, (256,), -10000, 10000)
    np.testing.assert_array_equal(m.run(x)[0], arena_reference(x))


def test_v015ext_external_workspace_and_constant_pools():
    m = model("v015ext")
    w = np.array([[2, -1, 0, 3], [-4, 5, 1, -2], [7, 7, -7, 1]], np.int64)
    b = np.array([-10, 40, 200], np.int64)
    for x in [np.array([[40, -10, 5, 20]], np.int8)] + [ints(np.int8, (1, 4)) for _ in range(10)]:
        acc = w @ x.reshape(4).astype(np.int64) + b
        q = (acc * 1342177280 + (1 << 31)) >> 32
        np.testing.assert_array_equal(m.run(x)[0], np.clip(q + 5, -128, 127).reshape(1, 3))
    np.testing.assert_array_equal(m.run(np.array([[40, -10, 5, 20]], np.int8))[0],
                                  [[49, -59, 127]])


def arm_conv_reference(x):
    """arm_conv/EXPECTED.md: 3x3 conv, padding 1, 3 -> 8 channels, per-channel requantization."""
    o, kh, kw, ci = np.meshgrid(np.arange(8), np.arange(3), np.arange(3), np.arange(3),
                                indexing="ij")
    w = ((41 * o + 17 * (3 * kh + kw) + 13 * ci + 5) % 256) - 128
    b = 500 * (np.arange(8) - 4)
    mult = (1 << 30) + np.arange(8) * (1 << 27)
    p = np.pad(x.reshape(8, 8, 3).astype(np.int64), ((1, 1), (1, 1), (0, 0)))
    acc = np.zeros((8, 8, 8), np.int64) + b
    for i in range(3):
        for j in range(3):
            acc += np.einsum("hwc,oc->hwo", p[i:i + 8, j:j + 8, :], w[:, i, j, :])
    y = ((acc * mult + (1 << 37)) >> 38) + 5
    return np.clip(y, -128, 127).astype(np.int8).reshape(1, 8, 8, 8)


def test_arm_conv_arm_kernels_on_the_host():
    m = model("arm_conv")
    zeros = np.zeros((1, 8, 8, 3), np.int8)
    np.testing.assert_array_equal(m.run(zeros)[0][0, 3, 3], [-3, -2, 0, 2, 5, 8, 12, 16])
    low = np.full((1, 8, 8, 3), -128, np.int8)
    (y,) = m.run(low)
    assert y[0, 4, 4, 0] == 127 and y[0, 0, 0, 0] == 45
    for x in [zeros, low, np.full((1, 8, 8, 3), 127, np.int8)] + [
            ints(np.int8, (1, 8, 8, 3)) for _ in range(8)]:
        np.testing.assert_array_equal(m.run(x)[0], arm_conv_reference(x))


def arm_fill_input(set_index, n):
    """examples/cortex-m/arm_models.h's arm_fill_input: the firmware's input sets."""
    state = (0x9E3779B9 ^ (set_index * 2654435761)) & 0xFFFFFFFF or 1
    out = np.empty(n, np.int8)
    case = set_index if set_index < 4 else 4 + set_index % 4
    for i in range(n):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        r = state >> 8
        v = {0: -128, 1: 127, 2: 0, 3: 127 if i % 2 else -128, 4: (r & 0xFF) - 128,
             5: (r & 0x0F) - 8, 6: r & 0x7F, 7: -1 - (r & 0x7F)}[case]
        out[i] = v
    return out


def test_armnet_real_size_arm_model_equals_the_cpp_reference():
    ref = subprocess.run([program("AOT_ARM_REFERENCE")], capture_output=True, text=True,
                         check=True).stdout
    line = next(ln for ln in ref.splitlines() if ln.startswith("static const int8_t kArmnetOut"))
    rows = line.split("= {{", 1)[1].rsplit("}};", 1)[0].split("}, {")
    want = [np.array([int(v) for v in row.split(",")], np.int8) for row in rows]
    m = model("armnet")
    for s, w in enumerate(want):
        x = arm_fill_input(4 + s, 3072).reshape(m.inputs[0].shape)
        np.testing.assert_array_equal(m.run(x)[0].reshape(-1), w)
