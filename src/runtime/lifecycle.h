// Interpreter start-up and shutdown (runtime/lifecycle.cpp) and the
// command-line configuration (filled by main.cpp from argv and environment).
#pragma once
#include <string>
#include <vector>
#include "core/object.h"

namespace pyxx {

struct Config {
  std::string executable;            // absolute path of the pyxx binary
  std::string program_name;          // argv[0] as given (for messages)
  std::vector<std::string> argv;     // sys.argv
  std::vector<std::string> orig_argv;
  std::vector<std::string> warnoptions;
  std::vector<std::string> xoptions;
  std::vector<std::string> module_search_paths;  // sys.path entries after sys.path[0]
  std::string stdlib_dir;            // the CPython 3.14 Lib directory used
  std::string run_command, run_module, run_filename;  // what to run (one of them, or stdin)
  bool have_hash_seed = false;
  uint64_t hash_seed = 0;
  bool isolated = false, ignore_environment = false, no_site = false, quiet = false;
  bool unbuffered = false, inspect = false, safe_path = false, dont_write_bytecode = false;
  bool no_user_site = false;
  int verbose = 0, optimize = 0, bytes_warning = 0;
};

// Creates the runtime, main interpreter and thread state, readies the static
// types and builds the builtins and sys modules. Returns -1 (and prints why)
// on failure.
[[nodiscard]] int runtime_initialize(const Config& config);
// Flushes sys.stdout/sys.stderr and tears the interpreter down.
void runtime_finalize();
// Initialises once with a default configuration (for unit tests).
void runtime_initialize_for_tests();
// The configuration the runtime was started with.
const Config& runtime_config();

}  // namespace pyxx
