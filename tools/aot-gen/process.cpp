// SPDX-License-Identifier: Apache-2.0
// Child processes through posix_spawn (no fork of a large process, and safe under the
// sanitizers), their stdout and stderr read through pipes with poll() so that a silent child
// is noticed and killed.
#include "process.hpp"

#include <chrono>
#include <cstdlib>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#ifdef __APPLE__
extern char** environ;  // <unistd.h> declares it only on glibc
#endif
#define AOT_GEN_POSIX 1
#endif

namespace aot_gen {

namespace {

constexpr std::size_t kMaxCaptured = std::size_t{1} << 20;

bool executable(const std::string& path) {
#ifdef AOT_GEN_POSIX
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
#else
  static_cast<void>(path);
  return false;
#endif
}

}  // namespace

bool can_run_processes() {
#ifdef AOT_GEN_POSIX
  return true;
#else
  return false;
#endif
}

std::string find_program(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (name.empty()) continue;
    if (name.find('/') != std::string::npos) {
      if (executable(name)) return name;
      continue;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t colon = dirs.find(':', start);
      if (colon == std::string::npos) colon = dirs.size();
      std::string dir = dirs.substr(start, colon - start);
      if (dir.empty()) dir = ".";
      std::string candidate = dir + "/" + name;
      if (executable(candidate)) return candidate;
      start = colon + 1;
    }
  }
  return {};
}

#ifdef AOT_GEN_POSIX

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  bool open() {
    if (::pipe(fd) != 0) return false;
    for (int f : fd) ::fcntl(f, F_SETFD, FD_CLOEXEC);
    return true;
  }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};

struct SpawnActions {
  posix_spawn_file_actions_t a{};
  SpawnActions() { posix_spawn_file_actions_init(&a); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&a); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
};

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, double idle_seconds,
                          const std::function<void(const std::string&)>& on_line) {
  ProcessResult r;
  if (argv.empty()) {
    r.error = "nothing to run";
    return r;
  }
  Pipe out, err;
  if (!out.open() || !err.open()) {
    r.error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return r;
  }
  SpawnActions actions;
  posix_spawn_file_actions_adddup2(&actions.a, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions.a, err.fd[1], 2);
  posix_spawn_file_actions_addopen(&actions.a, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions.a, nullptr, args.data(), environ);
  out.close_end(1);
  err.close_end(1);
  if (rc != 0) {
    r.error = std::strerror(rc);
    return r;
  }
  using Clock = std::chrono::steady_clock;
  const auto idle =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(idle_seconds));
  auto deadline = Clock::now() + idle;
  std::string partial;
  bool timed_out = false;
  int open_fds = 2;
  while (open_fds > 0) {
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    const int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buf[4096];
      const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
      if (got <= 0) {
        (i == 0 ? out : err).close_end(0);
        --open_fds;
        continue;
      }
      deadline = Clock::now() + idle;
      std::string& sink = i == 0 ? r.out : r.err;
      const auto size = static_cast<std::size_t>(got);
      if (sink.size() < kMaxCaptured) sink.append(buf, std::min(size, kMaxCaptured - sink.size()));
      if (i == 0 && on_line) {
        partial.append(buf, size);
        std::size_t nl = 0;
        while ((nl = partial.find('\n')) != std::string::npos) {
          on_line(partial.substr(0, nl));
          partial.erase(0, nl + 1);
        }
      }
    }
  }
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    r.how = ProcessResult::How::kTimedOut;
  } else if (WIFEXITED(status)) {
    r.how = ProcessResult::How::kExited;
    r.code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.how = ProcessResult::How::kSignaled;
    r.code = WTERMSIG(status);
  }
  return r;
}

#else

ProcessResult run_process(const std::vector<std::string>& argv, double idle_seconds,
                          const std::function<void(const std::string&)>& on_line) {
  static_cast<void>(argv);
  static_cast<void>(idle_seconds);
  static_cast<void>(on_line);
  ProcessResult r;
  r.error = "aot-gen runs no other program on this platform";
  return r;
}

#endif

}  // namespace aot_gen
