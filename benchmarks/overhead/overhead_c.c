/* SPDX-License-Identifier: Apache-2.0 */
/* overhead_c <inferences> <model>: the same work as overhead_aot in plain C, the way TVM's
 * demos drive generated code: static buffers, memcpy, the entry call, read an output. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dlpack/dlpack.h>

#include "tvmgen_arena.h"
#include "tvmgen_default.h"
#include "tvmgen_extpool.h"
#include "tvmgen_kwsnet.h"

int32_t tvmgen_mixed_run(void* args, int32_t* arg_type_ids, int32_t num_args, void* out_ret_value,
                         int32_t* out_ret_tcode, void* resource_handle);

static volatile int64_t sink;

/* TVM's C runtime symbols the way a C driver provides them: a bump allocator over one
 * workspace described by a struct (next block, base, size; TVM's stack allocator keeps the
 * same three), 16-byte blocks, the largest model's workspace size; a free takes the next
 * block back to the one freed (TVM's allocator without its optional LIFO check). */
struct workspace {
  uint8_t* next;
  uint8_t* base;
  size_t size;
};
static uint8_t workspace_bytes[TVMGEN_KWSNET_WORKSPACE_SIZE] __attribute__((aligned(16)));
struct workspace app_workspace = {workspace_bytes, workspace_bytes, sizeof workspace_bytes};

void* TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes, int code, int bits) {
  (void)device_type, (void)device_id, (void)code, (void)bits;
  struct workspace* w = &app_workspace;
  const uint64_t size = (nbytes + 15) & ~(uint64_t)15;
  if (size > (uint64_t)(w->base + w->size - w->next)) return NULL;
  void* p = w->next;
  w->next += size;
  return p;
}

int TVMBackendFreeWorkspace(int device_type, int device_id, void* ptr) {
  (void)device_type, (void)device_id;
  app_workspace.next = (uint8_t*)ptr;
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
static int8_t kws_x[490] __attribute__((aligned(64)));
static int8_t kws_out[12] __attribute__((aligned(64)));
static int8_t kws_frames[2][512] __attribute__((aligned(64)));
static atomic_uint kws_frame_ready;
uint8_t *bound_a, *bound_b, *bound_out;

__attribute__((noinline)) static int bench_seed(long n) {
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
  return 0;
}

__attribute__((noinline)) static int bench_extpool(long n) {
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
  return 0;
}

__attribute__((noinline)) static int bench_mixed(long n) {
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
  return 0;
}

__attribute__((noinline)) static int bench_arena(long n) {
  int32_t x[256] = {0};
  for (long i = 0; i < n; ++i) {
    x[0] = (int32_t)i;
    memcpy(arena_x, x, sizeof x);
    struct tvmgen_arena_inputs in = {.x = arena_x};
    struct tvmgen_arena_outputs out = {.output = arena_out};
    if (tvmgen_arena_run(&in, &out) != 0) return 1;
    sink = sink + arena_out[0];
  }
  return 0;
}

__attribute__((noinline)) static int bench_kwsnet(long n) {
  int8_t x[490] = {0};
  for (long i = 0; i < n; ++i) {
    x[0] = (int8_t)i;
    memcpy(kws_x, x, sizeof x);
    struct tvmgen_kwsnet_inputs in = {.input_1 = kws_x};
    struct tvmgen_kwsnet_outputs out = {.Identity = kws_out};
    if (tvmgen_kwsnet_run(&in, &out) != 0) return 1;
    sink = sink + kws_out[0];
  }
  return 0;
}

__attribute__((noinline)) static int bench_bound(long n) {
  /* The caller's buffers, held in pointers a driver can change at run time (as the
   * executor's bindings can), passed straight to the entry. */
  static uint8_t a[2] __attribute__((aligned(16))) = {1, 2};
  static uint8_t b[2] __attribute__((aligned(16))) = {3, 4};
  static uint8_t out_buf[2] __attribute__((aligned(16)));
  bound_a = a;
  bound_b = b;
  bound_out = out_buf;
  for (long i = 0; i < n; ++i) {
    bound_a[0] = (uint8_t)i;
    struct tvmgen_default_inputs in = {.a = bound_a, .b = bound_b};
    struct tvmgen_default_outputs out = {.output = bound_out};
    if (tvmgen_default_run(&in, &out) != 0) return 1;
    sink = sink + bound_out[0];
  }
  return 0;
}

__attribute__((noinline)) static int bench_frames(long n) {
  /* Two buffers, a ready flag with release/acquire, a pointer exchange, the entry call. */
  int8_t* front = kws_frames[0];
  int8_t* back = kws_frames[1];
  for (long i = 0; i < n; ++i) {
    if (atomic_load_explicit(&kws_frame_ready, memory_order_acquire) != 0) return 1;
    back[0] = (int8_t)i;
    atomic_store_explicit(&kws_frame_ready, 1, memory_order_release);
    if (atomic_load_explicit(&kws_frame_ready, memory_order_acquire) != 1) return 1;
    int8_t* frame = back;
    back = front;
    front = frame;
    atomic_store_explicit(&kws_frame_ready, 0, memory_order_release);
    struct tvmgen_kwsnet_inputs in = {.input_1 = front};
    struct tvmgen_kwsnet_outputs out = {.Identity = kws_out};
    if (tvmgen_kwsnet_run(&in, &out) != 0) return 1;
    sink = sink + kws_out[0];
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const long n = strtol(argv[1], NULL, 10);
  const char* mode = argv[2];
  if (strcmp(mode, "seed") == 0) return bench_seed(n);
  if (strcmp(mode, "extpool") == 0) return bench_extpool(n);
  if (strcmp(mode, "mixed") == 0) return bench_mixed(n);
  if (strcmp(mode, "arena") == 0) return bench_arena(n);
  if (strcmp(mode, "kwsnet") == 0) return bench_kwsnet(n);
  if (strcmp(mode, "bound") == 0) return bench_bound(n);
  if (strcmp(mode, "frames") == 0) return bench_frames(n);
  return 2;
}
