# SPDX-License-Identifier: Apache-2.0
"""Every bad input raises the exception its kind calls for, with aot's own message naming the
model and the tensor, and changes nothing: a wrong dtype TypeError, a wrong shape ValueError, an
unknown name KeyError, an index out of range IndexError, a wrong count TypeError, a failed run
RuntimeError. Nothing is converted unless asked."""
import contextlib

import numpy as np
import pytest

import mixed
import quant
import seed

A = np.array([[1, 2]], np.uint8)
B = np.array([[3, 5]], np.uint8)


@pytest.fixture
def m():
    return seed.Model()


@contextlib.contextmanager
def raises(kind, message):
    """`kind` with exactly `message` (KeyError's str() would quote it: its argument)."""
    with pytest.raises(kind) as e:
        yield
    assert e.value.args[0] == message


def test_wrong_dtype_is_a_type_error_naming_the_tensor(m):
    with raises(TypeError, "default: input 'a' (index 0): dtype is int64, expected uint8 "
                           "(cast=True converts)"):
        m.run(np.array([[1, 2]]), B)
    with raises(TypeError, "default: input 'b' (index 1): dtype is int8, expected uint8 "
                           "(cast=True converts)"):
        m.run(A, B.astype(np.int8))
    with raises(TypeError, "default: input 'a' (index 0): dtype is bool, expected uint8 "
                           "(cast=True converts)"):
        m.set_input("a", np.array([[True, False]]))


def test_no_float64_to_float32_unless_cast():
    mm = mixed.Model()
    x64 = np.arange(6, dtype=np.float64).reshape(2, 3) / 4
    y = np.arange(4, dtype=np.int8)
    with raises(TypeError, "mixed: input 'x' (index 0): dtype is float64, expected float32 "
                           "(cast=True converts)"):
        mm.run(x64, y)
    out0, _, _ = mm.run(x64, y, cast=True)
    np.testing.assert_array_equal(out0, x64.astype(np.float32) * 2 + np.float32(0.5))
    # A Python list is an int64 or float64 array: converted only when asked.
    with pytest.raises(TypeError):
        mm.run([[0.0, 1, 2], [3, 4, 5]], y)
    out0, _, _ = mm.run([[0.0, 1, 2], [3, 4, 5]], [1, 2, 3, 4], cast=True)
    np.testing.assert_array_equal(out0, [[0.5, 2.5, 4.5], [6.5, 8.5, 10.5]])


def test_dtypes_numpy_has_but_no_tensor_can(m):
    with raises(TypeError, "default: input 'a' (index 0): dtype is object, expected uint8"):
        m.run(np.array([[1, None]], dtype=object), B)
    with raises(TypeError, "default: input 'a' (index 0): dtype is <U1, expected uint8"):
        m.run(np.array([["x", "y"]]), B)
    big = np.array([[1, 2]], dtype=">i4")
    with raises(TypeError, "default: input 'a' (index 0): dtype is >i4 (not native byte order), "
                           "expected uint8"):
        m.run(big, B)


def test_wrong_shape_is_a_value_error(m):
    with raises(ValueError, "default: input 'a' (index 0): ndim is 1, expected 2"):
        m.run(np.array([1, 2], np.uint8), B)
    with raises(ValueError, "default: input 'b' (index 1): dimension 1 is 3, expected 2"):
        m.run(A, np.array([[1, 2, 3]], np.uint8))
    with raises(ValueError, "default: input 'a' (index 0): dimension 0 is 2, expected 1"):
        m.run(np.zeros((2, 2), np.uint8), B)
    # A scalar is an array of ndim 0.
    with raises(ValueError, "default: input 'a' (index 0): ndim is 0, expected 2"):
        m.set_input(0, np.uint8(3))


def test_unknown_name_is_a_key_error(m):
    with raises(KeyError, "default: no input has this name (after sanitising: non-alphanumerics "
                          "as '_'): 'c' (inputs: a, b)"):
        m.run(a=A, c=B)
    with pytest.raises(KeyError):
        m.set_input("output", A)
    with raises(KeyError, "default: no output has this name (after sanitising: non-alphanumerics "
                          "as '_'): 'a' (outputs: output)"):
        m.get_output("a")
    with pytest.raises(KeyError):
        m.get_input_index("nope")


def test_index_out_of_range_is_an_index_error(m):
    with raises(IndexError, "default: input index 2 is out of range (the model has 2 inputs)"):
        m.set_input(2, A)
    with raises(IndexError, "default: input index -1 is out of range (the model has 2 inputs)"):
        m.set_input(-1, A)
    with raises(IndexError, "default: output index 1 is out of range (the model has 1 outputs)"):
        m.get_output(1)
    with raises(TypeError, "default: an input is named by its index or its name, not by a float"):
        m.set_input(0.0, A)


def test_wrong_count_is_a_type_error(m):
    with raises(TypeError, "default: run() takes all 2 inputs or none (none: the inputs set "
                           "before); missing 'b'"):
        m.run(A)
    with raises(TypeError, "default: run() takes 2 inputs (a, b), 3 given"):
        m.run(A, B, A)
    with raises(TypeError, "default: run() got input 'a' twice"):
        m.run(A, B, a=A)


def test_not_an_array(m):
    with raises(TypeError, "default: input 'a' (index 0): dtype is object, expected uint8"):
        m.run(None, B)


def test_a_refused_input_changes_nothing(m):
    m.set_input("a", A)
    for bad in (np.array([[9, 9]]), np.array([9, 9], np.uint8), np.zeros((1, 3), np.uint8)):
        with pytest.raises((TypeError, ValueError)):
            m.set_input("a", bad)
        np.testing.assert_array_equal(m.get_input("a"), A)


def test_layout_is_not_a_conversion(m):
    # A strided view holds the same values: it is copied in C order, nothing else.
    wide = np.array([[1, 9, 2, 9]], np.uint8)[:, ::2]
    assert not wide.flags.c_contiguous
    np.testing.assert_array_equal(m.run(wide, B)[0], [[4, 7]])
    fortran = np.asfortranarray(np.array([[10, 20]], np.uint8))
    np.testing.assert_array_equal(m.run(fortran, B)[0], [[13, 25]])


def test_quantize_errors():
    q = quant.Model
    with raises(KeyError, "quant: no tensor has this name (after sanitising: non-alphanumerics as "
                          "'_'): 'nope' (inputs: serving_default_x:0; outputs: Identity)"):
        q.quantize("nope", [0.5])
    with raises(ValueError, "default: input 'a' (index 0): has no scale and zero point (the model "
                            "type gives none; aot_add_model's QUANT can)"):
        seed.Model.quantize("a", [1.0])
    with raises(TypeError, "quant: output 'Identity' (index 0): dequantize takes the tensor's "
                           "integers (int8), got float64"):
        q.dequantize("Identity", np.array([0.5]))
    with raises(ValueError, "quant: output 'Identity' (index 0): value 200 is outside int8's "
                            "range"):
        q.dequantize("Identity", [1, 200])


def test_time_and_profile_arguments(m):
    with raises(ValueError, "default: time() needs repeat >= 1 and number >= 1"):
        m.time(0, 1)
    with raises(RuntimeError, "default: no operator table: build the model with PROFILE "
                              "(aot_add_model(... PROFILE)) to time its operators"):
        m.profile(1)
