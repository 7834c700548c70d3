// Thread-state access and the C-stack guard.
#include "core/state.h"
#include <pthread.h>
#include "core/error.h"
#include "objects/exceptions.h"

namespace pyxx {

namespace detail { thread_local ThreadState* current_tstate = nullptr; }

ThreadState* tstate_get() { return detail::current_tstate; }

// Computes the C-stack limits of the calling thread: RecursionError is raised
// when less than ~256 KiB of stack remain, leaving room for error handling.
static void init_c_stack_limits(ThreadState* ts) {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr || size == 0) {
    char here;
    // Assume 8 MiB below the current point.
    addr = reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(&here) - (uintptr_t(8) << 20) + 4096);
    size = size_t(8) << 20;
  }
  char* base = static_cast<char*>(addr);
  size_t margin = size > (size_t(4) << 20) ? (size_t(512) << 10) : size / 8;
  ts->c_stack_hard_limit = base + margin / 2;
  ts->c_stack_soft_limit = base + margin;
}

void tstate_set(ThreadState* ts) {
  detail::current_tstate = ts;
  if (ts && !ts->c_stack_soft_limit) init_c_stack_limits(ts);
}

int enter_recursive_call_slow(ThreadState* ts, char* here, const char* where) {
  if (ts->recursion_headroom > 0 && here > ts->c_stack_hard_limit) return 0;
  ++ts->recursion_headroom;
  err_format(&exc::RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
  --ts->recursion_headroom;
  return -1;
}

}  // namespace pyxx
