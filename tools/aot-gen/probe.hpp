// SPDX-License-Identifier: Apache-2.0
#pragma once
// The probe: the model's C compiled with the host's compilers into a small program (the
// driver in probe/probe_main.c, the model-specific part written here) and run once in a
// child process, to measure what the code touches: each input's and output's extent in
// bytes, whether it touches any byte before a buffer's start, and the peak of its
// TVMBackendAllocWorkspace arena. resolve_probe.cpp weighs what it measures.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aot_gen.hpp"

namespace aot_gen::probe {

/// What to build and how to call it, as resolve() knows the model.
struct Spec {
  std::string module;
  Convention convention = Convention::kCInterface;
  std::string entry_symbol;
  std::size_t entry_params = 0;  ///< unpacked: the entry's parameter count
  std::string header_name;       ///< tvmgen_<m>.h, empty when the MLF has none
  struct Buffer {
    std::string name;
    std::string dtype;
    std::vector<std::int64_t> shape;  ///< packed: the DLTensor's; empty when unknown
  };
  std::vector<Buffer> inputs, outputs;
  struct Pool {
    std::string name;
    std::uint64_t size = 0;
    std::string data_macro;  ///< a constant pool's TVMGEN_<M>_<POOL>_CONSTANT_POOL_DATA
  };
  std::vector<Pool> pools;
  std::size_t workspace_alignment = 16;
  std::vector<std::string> functions;  ///< what the entry calls, to name a culprit
  std::vector<std::string> sources;    ///< the module's C (and C++) files in the archive
  bool arm_intrinsics = false;         ///< the C calls Arm intrinsics (aot's CMSIS headers)
  bool host_is_arm = false;            ///< else aot's portable <arm_acle.h> and builtins too
};

/// How to build and run it.
struct Settings {
  std::string cc, cxx;  ///< the host's compilers (cxx only for C++ sources)
  /// Why cxx is empty, as a clause ("no host C++ compiler is known (give --host-cxx)").
  std::string no_cxx = "no host C++ compiler is known";
  double timeout_seconds = 10;  ///< per run of the model, and for a compiler's silence x 30
};

/// What one input or output measured.
struct Extent {
  std::uint64_t bytes = 0;            ///< touched from its start (whole elements)
  bool below = false;                 ///< a byte before its start was touched
  bool unstable = false;              ///< zeros and a pattern in the inputs gave different extents
  std::string who_below, who_beyond;  ///< the function running at the bad touch, if named
};

struct Result {
  bool ran = false;
  std::string why;  ///< when it did not run: why, as a clause ("the C does not compile ...")
  std::vector<Extent> inputs, outputs;
  std::uint64_t workspace_peak = 0;
  std::size_t workspace_blocks = 0;
  bool workspace_stable = true;
  unsigned runs = 0;
  double build_seconds = 0, run_seconds = 0;
};

/// The probe's files in a temporary folder of their own, removed when it is destroyed.
class Probe {
 public:
  Probe(const Archive& mlf, Spec spec, Settings settings);
  ~Probe();
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

  /// Builds and runs the probe.
  Result measure();
  /// For the buffers whose index (inputs, then outputs) is in `limits`: builds the probe
  /// again with -finstrument-functions and runs it once with that many accessible bytes (0:
  /// the start on a page boundary, for a touch before it), naming the function running at
  /// each buffer's first touch out of bounds. Names what it can.
  void name_culprits(const std::vector<std::pair<std::size_t, std::uint64_t>>& limits,
                     Result& result);

 private:
  bool write_files(std::string& why);
  bool build(bool instrumented, std::string& why, double& seconds);

  const Archive& mlf_;
  Spec spec_;
  Settings settings_;
  std::string dir_;
};

/// probe_model.c: the model-specific half of the probe.
std::string model_source(const Spec& spec);
/// probe_functions.c: the functions' addresses, for naming (instrumented builds only).
std::string functions_source(const Spec& spec);

}  // namespace aot_gen::probe
