// sys.stdin / sys.stdout / sys.stderr streams (see modules/sys.h). A real,
// small text stream over a file descriptor: UTF-8 encoding with the stream's
// error handler, buffering as CPython's TextIOWrapper in its default set-up.
#include <cerrno>
#include <cstring>
#include <string>
#include <unistd.h>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "modules/sys.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

Type StdStreamType;

namespace {

struct StdStream : Object {
  int fd;
  bool line_buffered, write_through, closed;
  bool backslashreplace;  // stderr's error handler
  bool surrogateescape;   // stdin/stdout under the C/POSIX (or coercion target) locale
  std::string* wbuf;
  std::string* rbuf;
  Object* name;   // str
  Object* mode;   // str
};

constexpr size_t kBufferSize = 8192;

int write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      err_format(&exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
      return -1;
    }
    p += w;
    n -= size_t(w);
  }
  return 0;
}

int stream_flush_raw(StdStream* s) {
  if (s->wbuf->empty()) return 0;
  std::string data;
  data.swap(*s->wbuf);
  return write_all(s->fd, data.data(), data.size());
}

// Encodes s as UTF-8 into out; lone surrogates fail (strict) or become \udXXX.
int encode_utf8(StdStream* s, Object* str, std::string& out) {
  ssize n;
  const char* p = str_as_utf8(str, &n);
  if (p) {
    out.append(p, size_t(n));
    return 0;
  }
  if (!s->backslashreplace && !s->surrogateescape) return -1;
  if (s->surrogateescape) {
    // U+DC80..U+DCFF go back to the bytes they escaped; other lone
    // surrogates keep the strict error already set.
    ssize len = str_length(str);
    std::string tmp;
    for (ssize i = 0; i < len; ++i) {
      uint32_t c = str_char_at(str, i);
      if (c >= 0xD800 && c <= 0xDFFF) {
        if (c < 0xDC80 || c > 0xDCFF) return -1;
        tmp.push_back(char(c - 0xDC00));
        continue;
      }
      Object* one = str_from_codepoint(c);
      if (!one) return -1;
      ssize m;
      const char* q = str_as_utf8(one, &m);
      tmp.append(q, size_t(m));
      decref(one);
    }
    err_clear();
    out += tmp;
    return 0;
  }
  err_clear();
  ssize len = str_length(str);
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_char_at(str, i);
    char buf[16];
    if (c < 0x80) { out.push_back(char(c)); continue; }
    if (c >= 0xD800 && c <= 0xDFFF) { std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; continue; }
    if (c < 0x800) { out.push_back(char(0xC0 | (c >> 6))); out.push_back(char(0x80 | (c & 0x3F))); continue; }
    if (c < 0x10000) {
      out.push_back(char(0xE0 | (c >> 12))); out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(char(0x80 | (c & 0x3F)));
      continue;
    }
    out.push_back(char(0xF0 | (c >> 18))); out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F))); out.push_back(char(0x80 | (c & 0x3F)));
  }
  return 0;
}

Object* decode_input(StdStream* s, const char* p, ssize n) {
  if (s->surrogateescape) return str_decode(p, n, "utf-8", "surrogateescape");
  return str_from_utf8(p, n);
}

int stream_write(StdStream* s, Object* str) {
  if (s->closed) { err_set_string(&exc::ValueError, "I/O operation on closed file."); return -1; }
  size_t before = s->wbuf->size();
  if (encode_utf8(s, str, *s->wbuf) < 0) return -1;
  bool has_newline = std::memchr(s->wbuf->data() + before, '\n', s->wbuf->size() - before) != nullptr;
  if (s->write_through || (s->line_buffered && has_newline) || s->wbuf->size() >= kBufferSize)
    return stream_flush_raw(s);
  return 0;
}

Object* stream_write_meth(Object* self, Object* arg) {
  if (!str_check(arg))
    return err_format(&exc::TypeError, "write() argument must be str, not %.100s", arg->type->tp_name);
  if (stream_write(static_cast<StdStream*>(self), arg) < 0) return nullptr;
  return int_from_ssize(str_length(arg));
}

Object* stream_flush_meth(Object* self, Object*) {
  StdStream* s = static_cast<StdStream*>(self);
  if (s->closed) return err_string(&exc::ValueError, "I/O operation on closed file.");
  if (stream_flush_raw(s) < 0) return nullptr;
  return new_ref(None);
}

Object* stream_readline_meth(Object* self, Object* const* args, ssize nargs) {
  StdStream* s = static_cast<StdStream*>(self);
  if (s->closed) return err_string(&exc::ValueError, "I/O operation on closed file.");
  std::string& b = *s->rbuf;
  for (;;) {
    size_t nl = b.find('\n');
    if (nl != std::string::npos) {
      Object* r = decode_input(s, b.data(), ssize(nl + 1));
      b.erase(0, nl + 1);
      return r;
    }
    char chunk[4096];
    ssize_t n = ::read(s->fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return err_format(&exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
    }
    if (n == 0) {
      Object* r = decode_input(s, b.data(), ssize(b.size()));
      b.clear();
      return r;
    }
    b.append(chunk, size_t(n));
  }
}

Object* stream_read_meth(Object* self, Object* const* args, ssize nargs) {
  StdStream* s = static_cast<StdStream*>(self);
  std::string& b = *s->rbuf;
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(s->fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return err_format(&exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
    }
    if (n == 0) break;
    b.append(chunk, size_t(n));
  }
  Object* r = decode_input(s, b.data(), ssize(b.size()));
  b.clear();
  return r;
}

Object* stream_fileno_meth(Object* self, Object*) { return int_from_i64(static_cast<StdStream*>(self)->fd); }
Object* stream_isatty_meth(Object* self, Object*) { return new_ref(bool_from(::isatty(static_cast<StdStream*>(self)->fd))); }
Object* stream_true_meth(Object*, Object*) { return new_ref(True); }
Object* stream_close_meth(Object* self, Object*) {
  StdStream* s = static_cast<StdStream*>(self);
  if (!s->closed && stream_flush_raw(s) < 0) return nullptr;
  s->closed = true;
  return new_ref(None);
}

Object* stream_get_name(Object* self, void*) { return new_ref(static_cast<StdStream*>(self)->name); }
Object* stream_get_mode(Object* self, void*) { return new_ref(static_cast<StdStream*>(self)->mode); }
Object* stream_get_encoding(Object*, void*) { return str_from_cstr("utf-8"); }
Object* stream_get_errors(Object* self, void*) {
  auto* st = static_cast<StdStream*>(self);
  return str_from_cstr(st->backslashreplace ? "backslashreplace" : st->surrogateescape ? "surrogateescape" : "strict");
}
Object* stream_get_closed(Object* self, void*) { return new_ref(bool_from(static_cast<StdStream*>(self)->closed)); }
Object* stream_get_line_buffering(Object* self, void*) { return new_ref(bool_from(static_cast<StdStream*>(self)->line_buffered)); }

Object* stream_repr(Object* self) {
  StdStream* s = static_cast<StdStream*>(self);
  return str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>", s->name, s->mode);
}

void stream_dealloc(Object* self) {
  StdStream* s = static_cast<StdStream*>(self);
  if (!s->closed) {
    Object* saved = err_get_raised();
    if (stream_flush_raw(s) < 0) err_clear();
    if (saved) err_set_raised(saved);
  }
  delete s->wbuf;
  delete s->rbuf;
  xdecref(s->name);
  xdecref(s->mode);
  object_free(self);
}

const MethodDef stream_methods[] = {
    {"write", reinterpret_cast<void*>(stream_write_meth), kMethO, nullptr},
    {"flush", reinterpret_cast<void*>(stream_flush_meth), kMethNoArgs, nullptr},
    {"readline", reinterpret_cast<void*>(stream_readline_meth), kMethFastcall, nullptr},
    {"read", reinterpret_cast<void*>(stream_read_meth), kMethFastcall, nullptr},
    {"fileno", reinterpret_cast<void*>(stream_fileno_meth), kMethNoArgs, nullptr},
    {"isatty", reinterpret_cast<void*>(stream_isatty_meth), kMethNoArgs, nullptr},
    {"writable", reinterpret_cast<void*>(stream_true_meth), kMethNoArgs, nullptr},
    {"readable", reinterpret_cast<void*>(stream_true_meth), kMethNoArgs, nullptr},
    {"close", reinterpret_cast<void*>(stream_close_meth), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const GetSetDef stream_getset[] = {
    {"name", stream_get_name, nullptr, nullptr, nullptr},
    {"mode", stream_get_mode, nullptr, nullptr, nullptr},
    {"encoding", stream_get_encoding, nullptr, nullptr, nullptr},
    {"errors", stream_get_errors, nullptr, nullptr, nullptr},
    {"closed", stream_get_closed, nullptr, nullptr, nullptr},
    {"line_buffering", stream_get_line_buffering, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

void init_stdio_types() {
  Type& t = StdStreamType;
  t.tp_name = "_io.TextIOWrapper";
  t.tp_basicsize = sizeof(StdStream);
  t.tp_dealloc = stream_dealloc;
  t.tp_repr = stream_repr;
  t.tp_flags = kTpflagsDefault;
  t.tp_methods = stream_methods;
  t.tp_getset = stream_getset;
  t.tp_base = &ObjectType;
}

Object* std_stream_new(int fd, const char* name, const char* mode, bool line_buffered, bool write_through,
                       const char* errors) {
  Object* o = object_alloc_zeroed(&StdStreamType, sizeof(StdStream));
  if (!o) return nullptr;
  StdStream* s = static_cast<StdStream*>(o);
  s->fd = fd;
  s->line_buffered = line_buffered;
  s->write_through = write_through;
  s->backslashreplace = std::strcmp(errors, "backslashreplace") == 0;
  s->surrogateescape = std::strcmp(errors, "surrogateescape") == 0;
  s->wbuf = new std::string();
  s->rbuf = new std::string();
  s->name = str_from_cstr(name);
  s->mode = str_from_cstr(mode);
  if (!s->name || !s->mode) {
    decref(o);
    return nullptr;
  }
  return o;
}

int sys_write_str(Object* file, Object* s) {
  if (file->type == &StdStreamType) return stream_write(static_cast<StdStream*>(file), s);
  Ref<> r = steal(call_method_str(file, "write", {s}));
  return r ? 0 : -1;
}

int sys_write_cstr(Object* file, const char* utf8) {
  Ref<> s = steal(str_from_cstr(utf8));
  if (!s) return -1;
  return sys_write_str(file, s.get());
}

}  // namespace pyxx
