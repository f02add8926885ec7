/* SPDX-License-Identifier: Apache-2.0 */
/* The probe's driver: runs a model on the host and measures, for each input and output, how
 * many bytes from its start the code touches and whether it touches any before its start,
 * and the peak of its TVMBackendAllocWorkspace arena. aot-gen compiles it with the model's C
 * and probe_model.c, runs it in a child process and reads its lines on stdout:
 *
 *   run <n>                       before each run of the model (the parent's clock; the
 *                                 driver's own alarm ends a run that takes too long too)
 *   buffer <i> <extent> <below>   bytes touched from the start; 1 if any before the start
 *   unstable <i>                  the extent differs for zeros and for a pattern
 *   workspace <peak> <blocks> <stable>
 *   rc <value> <message>          the entry returned non-zero (the probe ends)
 *   outside <address> <function>  a fault outside every buffer (the probe ends)
 *   room <i>                      a buffer reaches the end of the room the probe gives it
 *   who <i> <below|beyond> <function>   (check mode) the function running at the first
 *                                 out-of-bounds touch
 *   done
 *
 * How: each buffer lives in a region of its own, PROT_NONE past the bytes a run makes
 * accessible. A touch there faults; the handler records it, makes the page accessible
 * (filled as the buffer would be) and lets the code go on. One run with nothing accessible
 * gives the pages touched; a bisection over the last page, all buffers at once, gives the
 * exact extent in whole elements; two runs with a pattern instead of zeros confirm it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "probe.h"

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif

/* Below each buffer, room the code may not touch (a touch there is "before the start"); above
 * it, room for what it touches. */
#define PROBE_BELOW ((size_t)64 << 10)
#define PROBE_ROOM ((size_t)256 << 20)
#define PROBE_WORKSPACE ((size_t)1 << 30)
#define PROBE_MAX_BLOCKS 65536

struct region {
  unsigned char* base; /* PROBE_BELOW, then PROBE_ROOM */
  unsigned char* start;
  size_t length; /* bytes from start accessible when the run begins */
  int pattern;
  /* What the run saw. */
  int below;
  int beyond;    /* a touch at or past length */
  long long top; /* highest offset of a fault at or past 0, -1: none */
  const char* who_below;
  const char* who_beyond;
};

static size_t page;
static size_t num_buffers;
static struct region* regions;
static volatile const char* running; /* the function the code is in (instrumented builds) */

static void say(const char* text) {
  size_t n = strlen(text);
  while (n > 0) {
    ssize_t w = write(1, text, n);
    if (w <= 0) return;
    text += w;
    n -= (size_t)w;
  }
}

/* The byte at `offset` of buffer `b` filled with a pattern: small values of its type. */
static unsigned char pattern_byte(const struct probe_buffer* b, size_t offset) {
  const size_t at = offset % b->elem;
  const unsigned v = (unsigned)(offset / b->elem % 5) + 1;
  unsigned char bytes[8] = {0};
  if (b->kind == PROBE_FLOAT && b->elem == 4) {
    const float f = 0.25f * (float)v;
    memcpy(bytes, &f, sizeof f);
  } else if (b->kind == PROBE_FLOAT && b->elem == 8) {
    const double d = 0.25 * (double)v;
    memcpy(bytes, &d, sizeof d);
  } else if (b->kind == PROBE_FLOAT16 && b->elem == 2) {
    const uint16_t h = (uint16_t)(0x3400u + (v << 8)); /* 0.25 to 1.25 */
    memcpy(bytes, &h, sizeof h);
  } else if (b->kind == PROBE_BFLOAT16 && b->elem == 2) {
    const uint16_t h = (uint16_t)(0x3E80u + (v << 4));
    memcpy(bytes, &h, sizeof h);
  } else if (b->elem == 2) {
    const uint16_t i = (uint16_t)v;
    memcpy(bytes, &i, sizeof i);
  } else if (b->elem == 4) {
    const uint32_t i = v;
    memcpy(bytes, &i, sizeof i);
  } else if (b->elem == 8) {
    const uint64_t i = v;
    memcpy(bytes, &i, sizeof i);
  } else {
    bytes[0] = (unsigned char)v;
  }
  return at < sizeof bytes ? bytes[at] : 0;
}

static void fill(size_t i, unsigned char* from, unsigned char* to) {
  struct region* r = &regions[i];
  if (!r->pattern) return; /* fresh pages are zero */
  for (unsigned char* p = from; p < to; ++p) {
    *p = p < r->start ? 0 : pattern_byte(&probe_buffers[i], (size_t)(p - r->start));
  }
}

static void on_fault(int sig, siginfo_t* info, void* context) {
  unsigned char* a = (unsigned char*)info->si_addr;
  (void)context;
  for (size_t i = 0; i < num_buffers; ++i) {
    struct region* r = &regions[i];
    if (a < r->base || a >= r->base + PROBE_BELOW + PROBE_ROOM) continue;
    unsigned char* p = (unsigned char*)((uintptr_t)a & ~(uintptr_t)(page - 1));
    if (mprotect(p, page, PROT_READ | PROT_WRITE) != 0) break;
    fill(i, p, p + page);
    if (a < r->start) {
      if (!r->below) r->who_below = (const char*)running;
      r->below = 1;
    } else {
      const long long off = (long long)(a - r->start);
      if ((size_t)off >= r->length) {
        if (!r->beyond) r->who_beyond = (const char*)running;
        r->beyond = 1;
      }
      if (off > r->top) r->top = off;
    }
    return;
  }
  char line[160];
  const char* who = (const char*)running;
  snprintf(line, sizeof line, "outside %p %s\n", (void*)a, who != NULL ? who : "-");
  say(line);
  signal(sig, SIG_DFL);
  _exit(3);
}

/* Lays buffer i out for a run: `length` accessible bytes ending at a page boundary (nothing
 * accessible, the start at a page boundary, when length is 0). */
static int lay_out(size_t i, size_t length, int pattern) {
  struct region* r = &regions[i];
  /* A fresh mapping: no page accessible, every byte zero. */
  void* m = mmap(r->base, PROBE_BELOW + PROBE_ROOM, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  if (m != (void*)r->base) return -1;
  const size_t pages = (length + page - 1) / page * page;
  r->start = r->base + PROBE_BELOW + pages - length;
  r->length = length;
  r->pattern = pattern;
  r->below = 0;
  r->beyond = 0;
  r->top = -1;
  r->who_below = NULL;
  r->who_beyond = NULL;
  if (pages > 0) {
    unsigned char* from = r->base + PROBE_BELOW;
    if (mprotect(from, pages, PROT_READ | PROT_WRITE) != 0) return -1;
    fill(i, from, from + pages);
  }
  return 0;
}

/* The workspace arena, as the executor's: a bump allocator, blocks rounded up to the
 * alignment, a free setting the top back to the block. */
static unsigned char* workspace;
static size_t ws_top, ws_peak, ws_live, ws_max_live, ws_committed;
/* The first run's peak and blocks; whether every later run saw the same. */
static size_t first_peak, first_blocks;
static int ws_stable = 1;
static size_t ws_blocks[PROBE_MAX_BLOCKS];
static char last_error[512];

void* TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes, int dtype_code_hint,
                               int dtype_bits_hint) {
  (void)device_type;
  (void)device_id;
  (void)dtype_code_hint;
  (void)dtype_bits_hint;
  const size_t mask = probe_workspace_alignment - 1;
  if (nbytes >= PROBE_WORKSPACE - ws_top || ws_live == PROBE_MAX_BLOCKS) return NULL;
  const size_t block = ws_top;
  ws_top = block + (((size_t)nbytes + mask) & ~mask);
  if (ws_top > ws_peak) ws_peak = ws_top;
  /* Reserved without access: made accessible as the arena grows, so that only what a run
   * uses is ever committed. */
  if (ws_top > ws_committed) {
    const size_t end = (ws_top + page - 1) / page * page;
    if (mprotect(workspace + ws_committed, end - ws_committed, PROT_READ | PROT_WRITE) != 0) {
      ws_top = block;
      return NULL;
    }
    ws_committed = end;
  }
  ws_blocks[ws_live++] = block;
  if (ws_live > ws_max_live) ws_max_live = ws_live;
  return workspace + block;
}

int TVMBackendFreeWorkspace(int device_type, int device_id, void* ptr) {
  (void)device_type;
  (void)device_id;
  const size_t at = (size_t)((unsigned char*)ptr - workspace);
  while (ws_live > 0 && ws_blocks[ws_live - 1] > at) --ws_live;
  if (ws_live == 0 || ws_blocks[ws_live - 1] != at) return -1;
  --ws_live;
  ws_top = at;
  return 0;
}

void TVMAPISetLastError(const char* msg) {
  size_t i = 0;
  for (; msg != NULL && msg[i] != '\0' && i + 1 < sizeof last_error; ++i) {
    const char c = msg[i];
    last_error[i] = c == '\n' || c == '\r' ? ' ' : c;
  }
  last_error[i] = '\0';
}

struct probe_parallel_env {
  void* sync_handle;
  int32_t num_task;
};
typedef int (*probe_parallel_lambda)(int task_id, struct probe_parallel_env* penv, void* cdata);

int TVMBackendParallelLaunch(probe_parallel_lambda flambda, void* cdata, int num_task) {
  const int n = num_task > 0 ? num_task : 1;
  struct probe_parallel_env env = {NULL, n};
  int rc = 0;
  for (int task = 0; task < n; ++task) {
    if (flambda(task, &env, cdata) != 0) rc = -1;
  }
  return rc;
}

int TVMBackendParallelBarrier(int task_id, struct probe_parallel_env* penv) {
  (void)task_id;
  (void)penv;
  return 0;
}

/* -finstrument-functions: which of the model's functions runs now. */
#define PROBE_NO_HOOK __attribute__((no_instrument_function))
static const char* call_stack[256];
static size_t call_depth;

PROBE_NO_HOOK void __cyg_profile_func_enter(void* fn, void* site) {
  (void)site;
  for (size_t i = 0; i < probe_num_functions; ++i) {
    if ((void*)probe_functions[i].address == fn) {
      if (call_depth < sizeof call_stack / sizeof call_stack[0]) call_stack[call_depth] = running;
      ++call_depth;
      running = probe_functions[i].name;
      return;
    }
  }
}

PROBE_NO_HOOK void __cyg_profile_func_exit(void* fn, void* site) {
  (void)site;
  for (size_t i = 0; i < probe_num_functions; ++i) {
    if ((void*)probe_functions[i].address == fn && call_depth > 0) {
      --call_depth;
      running =
          call_depth < sizeof call_stack / sizeof call_stack[0] ? call_stack[call_depth] : running;
      return;
    }
  }
}

static unsigned long runs;
static unsigned run_limit; /* seconds: a run that takes longer ends the probe (SIGALRM) */
static void* pointers[4096];

/* One run of the model with each buffer laid out as `lengths` says; 0 when it returned 0. */
static int run(const size_t* lengths, int pattern) {
  char line[700];
  snprintf(line, sizeof line, "run %lu\n", ++runs);
  say(line);
  for (size_t i = 0; i < num_buffers; ++i) {
    if (lay_out(i, lengths[i], pattern) != 0) {
      say("rc -1 the probe cannot map its buffers\n");
      return -1;
    }
    pointers[i] = regions[i].start;
  }
  alarm(run_limit);
  ws_top = 0;
  ws_peak = 0;
  ws_live = 0;
  ws_max_live = 0;
  last_error[0] = '\0';
  const int32_t rc = probe_call(pointers);
  if (rc != 0) {
    snprintf(line, sizeof line, "rc %ld %s\n", (long)rc, last_error);
    say(line);
    return -1;
  }
  if (runs == 1) {
    first_peak = ws_peak;
    first_blocks = ws_max_live;
  } else if (ws_peak != first_peak || ws_max_live != first_blocks) {
    ws_stable = 0;
  }
  return 0;
}

static int setup(void) {
  page = (size_t)sysconf(_SC_PAGESIZE);
  num_buffers = probe_num_inputs + probe_num_outputs;
  if (num_buffers > sizeof pointers / sizeof pointers[0] || probe_workspace_alignment == 0 ||
      (probe_workspace_alignment & (probe_workspace_alignment - 1)) != 0) {
    say("rc -1 the probe cannot take this model's buffers\n");
    return -1;
  }
  regions = calloc(num_buffers + 1, sizeof *regions);
  const size_t each = PROBE_BELOW + PROBE_ROOM;
  unsigned char* all = mmap(NULL, each * (num_buffers + 1), PROT_NONE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  workspace =
      mmap(NULL, PROBE_WORKSPACE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (regions == NULL || all == MAP_FAILED || workspace == MAP_FAILED) {
    say("rc -1 the probe cannot reserve memory for the model's buffers\n");
    return -1;
  }
  for (size_t i = 0; i < num_buffers; ++i) regions[i].base = all + i * each;
  /* The handler runs on a stack of its own: a fault may come from a stack overflow. */
  static unsigned char alt[64 << 10];
  stack_t ss;
  memset(&ss, 0, sizeof ss);
  ss.ss_sp = alt;
  ss.ss_size = sizeof alt;
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  return 0;
}

/* check <length|-> ...: one run with zeros, naming the function at each first out-of-bounds
 * touch ("-": the start at a page boundary, nothing accessible). */
static int check(int argc, char** argv) {
  size_t* lengths = calloc(num_buffers + 1, sizeof *lengths);
  if (lengths == NULL || (size_t)argc != num_buffers) return 2;
  for (size_t i = 0; i < num_buffers; ++i) {
    lengths[i] = argv[i][0] == '-' ? 0 : (size_t)strtoull(argv[i], NULL, 10);
  }
  if (run(lengths, 0) != 0) return 1;
  char line[400];
  for (size_t i = 0; i < num_buffers; ++i) {
    const struct region* r = &regions[i];
    if (r->below) {
      snprintf(line, sizeof line, "who %zu below %s\n", i, r->who_below ? r->who_below : "-");
      say(line);
    }
    if (r->beyond && lengths[i] > 0) {
      snprintf(line, sizeof line, "who %zu beyond %s\n", i, r->who_beyond ? r->who_beyond : "-");
      say(line);
    }
  }
  say("done\n");
  return 0;
}

static int measure(void) {
  size_t* lengths = calloc(num_buffers + 1, sizeof *lengths);
  size_t* lo = calloc(num_buffers + 1, sizeof *lo);
  size_t* hi = calloc(num_buffers + 1, sizeof *hi);
  int* below = calloc(num_buffers + 1, sizeof *below);
  int* unstable = calloc(num_buffers + 1, sizeof *unstable);
  if (lengths == NULL || lo == NULL || hi == NULL || below == NULL || unstable == NULL) return 2;
  char line[200];
  /* The pages each buffer touches, zeros and then a pattern in the inputs. */
  if (run(lengths, 0) != 0) return 1;
  for (size_t i = 0; i < num_buffers; ++i) {
    const struct region* r = &regions[i];
    if (r->top >= (long long)(PROBE_ROOM - page)) {
      snprintf(line, sizeof line, "room %zu\n", i);
      say(line);
      return 1;
    }
    below[i] = r->below;
    lo[i] = r->top < 0 ? 0 : (size_t)r->top / page * page;
    hi[i] = r->top < 0 ? 0 : lo[i] + page;
  }
  if (run(lengths, 1) != 0) return 1;
  for (size_t i = 0; i < num_buffers; ++i) {
    const struct region* r = &regions[i];
    const size_t l = r->top < 0 ? 0 : (size_t)r->top / page * page;
    if (l != lo[i] || (r->top < 0) != (hi[i] == 0) || r->below != below[i]) unstable[i] = 1;
  }
  /* Bisection over the last page, in whole elements, every buffer at once: fault at lo,
   * none at hi. */
  for (;;) {
    int more = 0;
    for (size_t i = 0; i < num_buffers; ++i) {
      const size_t elem = page % probe_buffers[i].elem == 0 ? probe_buffers[i].elem : 1;
      if (hi[i] - lo[i] > elem) {
        lengths[i] = lo[i] + (hi[i] - lo[i]) / elem / 2 * elem;
        more = 1;
      } else {
        lengths[i] = hi[i];
      }
    }
    if (!more) break;
    if (run(lengths, 0) != 0) return 1;
    for (size_t i = 0; i < num_buffers; ++i) {
      if (lengths[i] == hi[i]) {
        if (regions[i].beyond) unstable[i] = 1;
      } else if (regions[i].beyond) {
        lo[i] = lengths[i];
      } else {
        hi[i] = lengths[i];
      }
    }
  }
  /* The same extents with the pattern: none past hi, and each touches its last element. */
  for (size_t i = 0; i < num_buffers; ++i) lengths[i] = hi[i];
  if (run(lengths, 1) != 0) return 1;
  for (size_t i = 0; i < num_buffers; ++i) {
    if (regions[i].beyond) unstable[i] = 1;
  }
  int any = 0;
  for (size_t i = 0; i < num_buffers; ++i) {
    const size_t elem = page % probe_buffers[i].elem == 0 ? probe_buffers[i].elem : 1;
    lengths[i] = hi[i] >= elem ? hi[i] - elem : 0;
    any = any || hi[i] > 0;
  }
  if (any) {
    if (run(lengths, 1) != 0) return 1;
    for (size_t i = 0; i < num_buffers; ++i) {
      if (hi[i] > 0 && !regions[i].beyond) unstable[i] = 1;
    }
  }
  for (size_t i = 0; i < num_buffers; ++i) {
    snprintf(line, sizeof line, "buffer %zu %zu %d\n", i, hi[i], below[i]);
    say(line);
    if (unstable[i]) {
      snprintf(line, sizeof line, "unstable %zu\n", i);
      say(line);
    }
  }
  snprintf(line, sizeof line, "workspace %zu %zu %d\n", first_peak, first_blocks, ws_stable);
  say(line);
  say("done\n");
  return 0;
}

/* probe <seconds> measure | probe <seconds> check <length|->... */
int main(int argc, char** argv) {
  if (argc < 3 || setup() != 0) return 2;
  run_limit = (unsigned)strtoul(argv[1], NULL, 10);
  if (strcmp(argv[2], "check") == 0) return check(argc - 3, argv + 3);
  return measure();
}
