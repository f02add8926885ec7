/* SPDX-License-Identifier: Apache-2.0 */
/* The probe: a program aot-gen builds from a model's C and runs once on the host to measure
 * what the code touches. This is what the model-specific part (probe_model.c, written by
 * aot-gen) gives the fixed driver (probe_main.c). */
#ifndef AOT_PROBE_H_
#define AOT_PROBE_H_

#include <stddef.h>
#include <stdint.h>

/* How the driver fills an element when it fills inputs with a pattern. */
enum probe_kind { PROBE_INT, PROBE_FLOAT, PROBE_FLOAT16, PROBE_BFLOAT16 };

struct probe_buffer {
  const char* name;
  size_t elem; /* bytes of one element: the granule of the measurement */
  int kind;    /* enum probe_kind */
};

/* The inputs, then the outputs, in argument order (at least one entry; see the counts). */
extern const size_t probe_num_inputs;
extern const size_t probe_num_outputs;
extern const struct probe_buffer probe_buffers[];

/* Alignment of TVMBackendAllocWorkspace blocks, as the executor's arena rounds them. */
extern const size_t probe_workspace_alignment;

/* Calls the model's entry with buffers[i] as its i-th input or output; returns its result.
 * Resets the constant pools it passes before the call. */
int32_t probe_call(void* const* buffers);

/* The functions the model's entry calls, to name the one that runs when a buffer is touched
 * out of bounds (a build with -finstrument-functions only; empty otherwise). */
struct probe_function {
  const char* name;
  void (*address)(void);
};
extern const size_t probe_num_functions;
extern const struct probe_function probe_functions[];

#endif /* AOT_PROBE_H_ */
