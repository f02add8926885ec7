/* overhead_c <inferences> <model>: the same work as overhead_aot in plain C, the way TVM's
 * demos drive generated code: static buffers, memcpy, the entry call, read an output. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dlpack/dlpack.h>

#include "tvmgen_arena.h"
#include "tvmgen_default.h"
#include "tvmgen_extpool.h"

int32_t tvmgen_mixed_run(void* args, int32_t* arg_type_ids, int32_t num_args, void* out_ret_value,
                         int32_t* out_ret_tcode, void* resource_handle);

static volatile int64_t sink;

/* TVM's C runtime symbols, as small as a hand-written driver would make them: a stack. */
static uint8_t workspace[2048 + 2 * 63] __attribute__((aligned(64)));
static size_t workspace_top;
static size_t workspace_marks[8];
static size_t workspace_depth;

void* TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes, int code, int bits) {
  (void)device_type, (void)device_id, (void)code, (void)bits;
  const size_t size = (size_t)((nbytes + 63) / 64 * 64);
  if (workspace_depth == 8 || size > sizeof workspace - workspace_top) return NULL;
  workspace_marks[workspace_depth++] = workspace_top;
  void* p = workspace + workspace_top;
  workspace_top += size;
  return p;
}

int TVMBackendFreeWorkspace(int device_type, int device_id, void* ptr) {
  (void)device_type, (void)device_id;
  if (workspace_depth == 0 || ptr != workspace + workspace_marks[workspace_depth - 1]) return -1;
  workspace_top = workspace_marks[--workspace_depth];
  return 0;
}

void TVMAPISetLastError(const char* msg) { (void)msg; }

static uint8_t seed_a[2] __attribute__((aligned(64)));
static uint8_t seed_b[2] __attribute__((aligned(64)));
static uint8_t seed_out[2] __attribute__((aligned(64)));
static int32_t ext_x[64] __attribute__((aligned(64)));
static int32_t ext_out[64] __attribute__((aligned(64)));
static uint8_t ext_pool[512] __attribute__((aligned(64)));
static float mixed_x[6] __attribute__((aligned(64)));
static int8_t mixed_y[4] __attribute__((aligned(64)));
static float mixed_o0[6] __attribute__((aligned(64)));
static int8_t mixed_o1[4] __attribute__((aligned(64)));
static int32_t mixed_o2[1] __attribute__((aligned(64)));
static int32_t arena_x[256] __attribute__((aligned(64)));
static int32_t arena_out[256] __attribute__((aligned(64)));

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const long n = strtol(argv[1], NULL, 10);
  if (strcmp(argv[2], "seed") == 0) {
    uint8_t a[2] = {1, 2}, b[2] = {3, 4};
    for (long i = 0; i < n; ++i) {
      a[0] = (uint8_t)i;
      memcpy(seed_a, a, sizeof a);
      memcpy(seed_b, b, sizeof b);
      struct tvmgen_default_inputs in = {.a = seed_a, .b = seed_b};
      struct tvmgen_default_outputs out = {.output = seed_out};
      if (tvmgen_default_run(&in, &out) != 0) return 1;
      sink = sink + seed_out[0];
    }
  } else if (strcmp(argv[2], "extpool") == 0) {
    int32_t x[64] = {0};
    for (long i = 0; i < n; ++i) {
      x[0] = (int32_t)i;
      memcpy(ext_x, x, sizeof x);
      struct tvmgen_extpool_inputs in = {.x = ext_x};
      struct tvmgen_extpool_outputs out = {.output = ext_out};
      struct tvmgen_extpool_workspace_pools pools = {.my_pool = ext_pool};
      if (tvmgen_extpool_run(&in, &out, &pools) != 0) return 1;
      sink = sink + ext_out[0];
    }
  } else if (strcmp(argv[2], "mixed") == 0) {
    /* Argument arrays built once, as a careful C driver would. */
    static int64_t shape_x[2] = {2, 3}, shape_y[1] = {4}, shape_o2[1] = {1};
    static DLTensor t[5];
    void* data[5] = {mixed_x, mixed_y, mixed_o0, mixed_o1, mixed_o2};
    int64_t* shapes[5] = {shape_x, shape_y, shape_x, shape_y, shape_o2};
    const int32_t ndims[5] = {2, 1, 2, 1, 1};
    const uint8_t codes[5] = {kDLFloat, kDLInt, kDLFloat, kDLInt, kDLInt};
    const uint8_t bits[5] = {32, 8, 32, 8, 32};
    static void* values[5];
    static int32_t type_codes[5];
    for (int k = 0; k < 5; ++k) {
      t[k].data = data[k];
      t[k].device.device_type = kDLCPU;
      t[k].device.device_id = 0;
      t[k].ndim = ndims[k];
      t[k].dtype.code = codes[k];
      t[k].dtype.bits = bits[k];
      t[k].dtype.lanes = 1;
      t[k].shape = shapes[k];
      t[k].strides = NULL;
      t[k].byte_offset = 0;
      values[k] = &t[k];
      type_codes[k] = 7; /* kTVMDLTensorHandle */
    }
    float x[6] = {0};
    int8_t y[4] = {0};
    for (long i = 0; i < n; ++i) {
      y[0] = (int8_t)i;
      memcpy(mixed_x, x, sizeof x);
      memcpy(mixed_y, y, sizeof y);
      int64_t ret_value;
      int32_t ret_code = 0;
      if (tvmgen_mixed_run(values, type_codes, 5, &ret_value, &ret_code, NULL) != 0) return 1;
      sink = sink + mixed_o2[0];
    }
  } else if (strcmp(argv[2], "arena") == 0) {
    int32_t x[256] = {0};
    for (long i = 0; i < n; ++i) {
      x[0] = (int32_t)i;
      memcpy(arena_x, x, sizeof x);
      struct tvmgen_arena_inputs in = {.x = arena_x};
      struct tvmgen_arena_outputs out = {.output = arena_out};
      if (tvmgen_arena_run(&in, &out) != 0) return 1;
      sink = sink + arena_out[0];
    }
  } else {
    return 2;
  }
  return 0;
}
