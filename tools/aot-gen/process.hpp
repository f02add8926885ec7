// SPDX-License-Identifier: Apache-2.0
#pragma once
// Running another program (a compiler, the probe) as a child process: its output captured,
// and stopped when it stays silent too long, so that aot-gen never hangs on it.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace aot_gen {

struct ProcessResult {
  enum class How {
    kExited,       ///< exit status in `code`
    kSignaled,     ///< killed by signal `code`
    kTimedOut,     ///< silent for longer than the limit: killed
    kCannotStart,  ///< `error` says why
  };
  How how = How::kCannotStart;
  int code = 0;
  std::string out, err;  ///< stdout and stderr, each cut at 1 MiB
  std::string error;
};

/// Runs `argv` (argv[0] searched on PATH when it holds no '/'). `on_line` sees each line of
/// stdout as it comes; the child is killed when `idle_seconds` pass without any output.
ProcessResult run_process(const std::vector<std::string>& argv, double idle_seconds,
                          const std::function<void(const std::string&)>& on_line = {});

/// The first of `names` that names an executable file: itself when it holds a '/', else
/// found on PATH. Empty when none does.
std::string find_program(const std::vector<std::string>& names);

/// Whether processes can be run here (POSIX); the probe needs it.
bool can_run_processes();

}  // namespace aot_gen
