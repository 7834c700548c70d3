// The `pyxx` command: python3.14's command line (options, environment
// variables, exit codes), then running a file, -c, -m or stdin.
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <sys/stat.h>
#include "runtime/lifecycle.h"
#include "runtime/run.h"
#include "runtime/version.h"

namespace {

const char kUsage[] = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

std::string self_executable(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, size_t(n));
  return argv0;
}

bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string dirname_of(const std::string& p) {
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return p.substr(0, slash);
}

std::string absolute_path(const std::string& p) {
  if (!p.empty() && p[0] == '/') return p;
  char cwd[PATH_MAX];
  if (!::getcwd(cwd, sizeof cwd)) return p;
  std::string base(cwd);
  std::string rel = p;
  while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
  return base + "/" + rel;
}

// The CPython 3.14 Lib directory: PYXXHOME / PYTHONHOME, then beside the
// binary (an install), then the fetched reference in the source tree.
std::string find_stdlib(const std::string& exe, bool ignore_env) {
  if (!ignore_env) {
    for (const char* var : {"PYXXHOME", "PYTHONHOME"}) {
      const char* home = std::getenv(var);
      if (home && *home) {
        std::string h(home);
        size_t colon = h.find(':');
        if (colon != std::string::npos) h = h.substr(0, colon);
        return h + "/lib/python3.14";
      }
    }
  }
  std::string dir = dirname_of(exe);
  for (const std::string& cand : {dir + "/../lib/python3.14", dir + "/lib/python3.14",
                                  dir + "/../deps/cpython/root/usr/lib/python3.14",
                                  std::string(PYXX_SOURCE_DIR) + "/deps/cpython/root/usr/lib/python3.14"}) {
    if (is_dir(cand)) return cand;
  }
  return std::string(PYXX_SOURCE_DIR) + "/deps/cpython/root/usr/lib/python3.14";
}

int usage_error(const char* prog, const char* fmt, const char* what) {
  std::fprintf(stderr, fmt, what);
  std::fprintf(stderr, kUsage, prog);
  std::fprintf(stderr, "Try `python -h' for more information.\n");  // CPython hard-codes "python" here
  return 2;
}

void print_help(const char* prog) {
  std::printf(kUsage, prog);
  std::printf(
      "Options (and corresponding environment variables):\n"
      "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
      "-c cmd : program passed in as string (terminates option list)\n"
      "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
      "-h     : print this help message and exit (also -? or --help)\n"
      "-i     : inspect interactively after running script\n"
      "-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
      "-m mod : run library module as a script (terminates option list)\n"
      "-O     : remove assert and __debug__-dependent statements\n"
      "-OO    : do -O changes and also discard docstrings\n"
      "-P     : don't prepend a potentially unsafe path to sys.path\n"
      "-q     : don't print version and copyright messages on interactive startup\n"
      "-s     : don't add user site directory to sys.path\n"
      "-S     : don't imply 'import site' on initialization\n"
      "-u     : force the stdout and stderr streams to be unbuffered\n"
      "-v     : verbose (trace import statements)\n"
      "-V     : print the Python version number and exit (also --version)\n"
      "-W arg : warning control\n"
      "-X opt : set implementation-specific option\n"
      "file   : program read from script file\n"
      "-      : program read from stdin (default; interactive mode if a tty)\n"
      "arg ...: arguments passed to program in sys.argv[1:]\n");
}

}  // namespace

int main(int argc, char** argv) {
  pyxx::Config config;
  const char* prog = argc > 0 ? argv[0] : "pyxx";
  config.program_name = prog;
  config.executable = self_executable(prog);
  for (int i = 0; i < argc; ++i) config.orig_argv.push_back(argv[i]);

  int i = 1;
  bool have_command = false, have_module = false;
  int version_flag = 0;
  for (; i < argc; ++i) {
    const char* a = argv[i];
    if (a[0] != '-' || std::strcmp(a, "-") == 0) break;
    if (std::strcmp(a, "--") == 0) { ++i; break; }
    if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "--help-all") == 0) { print_help(prog); return 0; }
    if (std::strcmp(a, "--version") == 0) { ++version_flag; continue; }
    if (a[1] == '-') return usage_error(prog, "unknown option %s\n", a);
    bool stop = false;
    for (const char* p = a + 1; *p && !stop; ++p) {
      char c = *p;
      auto take_arg = [&](std::string* dst) -> bool {
        if (p[1]) { *dst = p + 1; }
        else if (i + 1 < argc) { *dst = argv[++i]; }
        else return false;
        stop = true;
        return true;
      };
      switch (c) {
        case 'c':
          if (!take_arg(&config.run_command)) return usage_error(prog, "Argument expected for the -%s option\n", "c");
          have_command = true;
          break;
        case 'm':
          if (!take_arg(&config.run_module)) return usage_error(prog, "Argument expected for the -%s option\n", "m");
          have_module = true;
          break;
        case 'W': {
          std::string w;
          if (!take_arg(&w)) return usage_error(prog, "Argument expected for the -%s option\n", "W");
          config.warnoptions.push_back(w);
          break;
        }
        case 'X': {
          std::string x;
          if (!take_arg(&x)) return usage_error(prog, "Argument expected for the -%s option\n", "X");
          config.xoptions.push_back(x);
          break;
        }
        case 'B': config.dont_write_bytecode = true; break;
        case 'b': ++config.bytes_warning; break;
        case 'd': break;
        case 'E': config.ignore_environment = true; break;
        case 'h': case '?': print_help(prog); return 0;
        case 'i': config.inspect = true; break;
        case 'I': config.isolated = config.ignore_environment = config.safe_path = config.no_user_site = true; break;
        case 'O': ++config.optimize; break;
        case 'P': config.safe_path = true; break;
        case 'q': config.quiet = true; break;
        case 's': config.no_user_site = true; break;
        case 'S': config.no_site = true; break;
        case 'u': config.unbuffered = true; break;
        case 'v': ++config.verbose; break;
        case 'V': ++version_flag; break;
        case 'x': break;
        case 'R': break;
        default: {
          char opt[3] = {'-', c, 0};
          return usage_error(prog, "Unknown option: %s\n", opt);
        }
      }
    }
    if (have_command || have_module) { ++i; break; }
  }
  if (version_flag) {
    if (version_flag >= 2) std::printf("Python %s\n", pyxx::kPyVersionString);
    else std::printf("Python %d.%d.%d\n", pyxx::kPyMajor, pyxx::kPyMinor, pyxx::kPyMicro);
    return 0;
  }

  // Environment (ignored with -E / -I).
  if (!config.ignore_environment) {
    if (const char* seed = std::getenv("PYTHONHASHSEED"); seed && *seed && std::strcmp(seed, "random") != 0) {
      char* end = nullptr;
      errno = 0;
      unsigned long long v = std::strtoull(seed, &end, 10);
      if (*end || errno || v > 4294967295ULL) {
        std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\n");
        return 1;
      }
      config.have_hash_seed = true;
      config.hash_seed = v;
    }
    if (const char* v = std::getenv("PYTHONDONTWRITEBYTECODE"); v && *v) config.dont_write_bytecode = true;
    if (const char* v = std::getenv("PYTHONUNBUFFERED"); v && *v) config.unbuffered = true;
    if (const char* v = std::getenv("PYTHONOPTIMIZE"); v && *v && config.optimize == 0) config.optimize = std::atoi(v) > 0 ? std::atoi(v) : 1;
    if (const char* v = std::getenv("PYTHONSAFEPATH"); v && *v) config.safe_path = true;
    if (const char* v = std::getenv("PYTHONPATH"); v && *v) {
      std::string s(v);
      size_t start = 0;
      while (start <= s.size()) {
        size_t colon = s.find(':', start);
        std::string part = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!part.empty()) config.module_search_paths.push_back(absolute_path(part));
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    }
  }

  config.stdlib_dir = find_stdlib(config.executable, config.ignore_environment);
  config.module_search_paths.push_back(config.stdlib_dir);
  config.module_search_paths.push_back(config.stdlib_dir + "/lib-dynload");

  std::string script;
  bool from_stdin = false;
  if (have_command) {
    config.argv.push_back("-c");
  } else if (have_module) {
    config.argv.push_back("-m");
  } else if (i < argc) {
    script = argv[i++];
    if (script == "-") from_stdin = true;
    config.argv.push_back(script);
  } else {
    from_stdin = true;
    config.argv.push_back("");
  }
  for (; i < argc; ++i) config.argv.push_back(argv[i]);

  // sys.path[0]: the script's directory, or '' for -c / stdin (unless -P).
  std::string script_abs;
  if (!script.empty() && !from_stdin) {
    script_abs = absolute_path(script);
    if (!config.safe_path) config.module_search_paths.insert(config.module_search_paths.begin(), dirname_of(script_abs));
  } else if (!config.safe_path) {
    config.module_search_paths.insert(config.module_search_paths.begin(), have_module ? absolute_path(".") : "");
  }

  if (pyxx::runtime_initialize(config) < 0) return 1;
  int status;
  if (have_command) {
    status = pyxx::run_command(config.run_command);
  } else if (have_module) {
    std::fprintf(stderr, "%s: -m is not supported yet (the import system lands in a later issue)\n", prog);
    status = 1;
  } else if (from_stdin) {
    status = pyxx::run_stdin();
  } else {
    status = pyxx::run_file(script_abs, script_abs);
  }
  pyxx::runtime_finalize();
  std::fflush(stdout);
  if (pyxx::unhandled_keyboard_interrupt()) {
    // Die by SIGINT so the parent sees the interrupt (CPython's exit_sigint).
    std::signal(SIGINT, SIG_DFL);
    ::kill(::getpid(), SIGINT);
    return 128 + SIGINT;
  }
  return status & 0xFF;
}
