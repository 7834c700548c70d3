// str core: PEP 393 compact storage, construction and UTF-8 codec, caching,
// interning, equality/hash/compare, concat/join/substring/search, repr,
// StrBuilder and the str type's slots (CPython's Objects/unicodeobject.c
// behaviour). Methods live in str_methods.cpp, formatting in str_format.cpp.
#include "objects/str_internal.h"
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/hash.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "modules/builtins.h"
#include "runtime/args.h"

namespace pyxx {

Type StrType;
Type StrIteratorType;
Type StrAsciiIteratorType;

// ---------------------------------------------------------------------------
// Allocation

static Object* str_alloc(Type* type, ssize length, int kind, bool ascii) {
  if (length < 0 || length > (kSsizeMax - 4096) / 4 - 1) {
    return err_no_memory();
  }
  // Subclass instances keep their extra fields (__dict__, __slots__) between
  // the header and the data, so str_data() stays a constant-time offset.
  size_t extra = 0;
  if (PYXX_UNLIKELY(type != &StrType)) {
    size_t base = size_t(type->tp_basicsize) > sizeof(StrObject) ? size_t(type->tp_basicsize) - sizeof(StrObject) : 0;
    extra = (base + 7) & ~size_t(7);
    if (extra / 8 > 255) return err_string(&exc::TypeError, "str subclass instance layout too large");
  }
  size_t size = sizeof(StrObject) + extra + size_t(length + 1) * size_t(kind);
  Object* op = object_alloc(type, size);
  if (!op) return nullptr;
  StrObject* s = as_str(op);
  s->data_offset8 = uint8_t(extra / 8);
  if (extra) {
    std::memset(s + 1, 0, extra);
    if (type_has_flag(type, kTpflagsHaveGC)) gc_track(op);
  }
  s->length = length;
  s->hash = -1;
  s->kind = uint8_t(kind);
  s->ascii = ascii ? 1 : 0;
  s->interned = 0;
  void* data = str_data(op);
  str_write(kind, data, length, 0);
  if (ascii) {
    s->utf8 = static_cast<char*>(data);
    s->utf8_length = length;
  } else {
    s->utf8 = nullptr;
    s->utf8_length = 0;
  }
  return op;
}

Object* str_new(ssize length, uint32_t maxchar) {
  return str_alloc(&StrType, length, kind_for_maxchar(maxchar), maxchar < 128);
}

static void str_dealloc(Object* op) {
  StrObject* s = as_str(op);
  if (s->utf8 && s->utf8 != static_cast<char*>(str_data(op))) mem_free(s->utf8);
  object_free(op);
}

static Object* make_immortal(Object* o) {
  o->refcnt = kImmortalRefcnt;
  return o;
}

// Process-wide caches of immortal strings (like CPython's runtime-global
// static strings): '' and the 256 one-character latin-1 strings.
static Object* g_empty = nullptr;
static Object* g_latin1[256];

Object* str_empty() {
  if (PYXX_UNLIKELY(!g_empty)) {
    Object* e = str_alloc(&StrType, 0, 1, true);
    if (!e) return nullptr;
    as_str(e)->hash = 0;
    g_empty = make_immortal(e);
  }
  return g_empty;  // immortal
}

static Object* latin1_char(uint32_t c) {
  Object* o = g_latin1[c];
  if (PYXX_UNLIKELY(!o)) {
    o = str_alloc(&StrType, 1, 1, c < 128);
    if (!o) return nullptr;
    static_cast<uint8_t*>(str_data(o))[0] = uint8_t(c);
    g_latin1[c] = o = make_immortal(o);
  }
  return o;
}

Object* str_from_codepoint(uint32_t cp) {
  if (cp < 256) return latin1_char(cp);
  if (cp > 0x10FFFF) return err_string(&exc::ValueError, "chr() arg not in range(0x110000)");
  Object* s = str_new(1, cp);
  if (!s) return nullptr;
  str_write(str_kind(s), str_data(s), 0, cp);
  return s;
}

uint32_t str_max_char_bound(Object* s) {
  StrObject* o = as_str(s);
  if (o->ascii) return 127;
  return o->kind == 1 ? 255 : o->kind == 2 ? 65535 : 0x10FFFF;
}

uint32_t str_max_char(Object* s, ssize start, ssize end) {
  uint32_t m = 0;
  visit_kind(str_kind(s), [&](auto t) {
    using T = decltype(t);
    const T* d = static_cast<const T*>(str_data(s));
    for (ssize i = start; i < end; i++) if (d[i] > m) m = d[i];
  });
  return m;
}

template <class D, class S>
static inline void copy_units(D* dst, const S* src, ssize n) {
  if constexpr (sizeof(D) == sizeof(S)) std::memcpy(dst, src, size_t(n) * sizeof(D));
  else for (ssize i = 0; i < n; i++) dst[i] = D(src[i]);
}

void str_copy_chars(Object* dst, ssize dst_off, Object* src, ssize src_off, ssize n) {
  if (n <= 0) return;
  int dk = str_kind(dst), sk = str_kind(src);
  if (dk == sk) {
    std::memcpy(static_cast<char*>(str_data(dst)) + dst_off * dk,
                static_cast<char*>(str_data(src)) + src_off * sk, size_t(n) * size_t(dk));
    return;
  }
  visit_kind(dk, [&](auto dt) {
    using D = decltype(dt);
    D* d = static_cast<D*>(str_data(dst)) + dst_off;
    visit_kind(sk, [&](auto st) {
      using S = decltype(st);
      copy_units(d, static_cast<const S*>(str_data(src)) + src_off, n);
    });
  });
}

template <class T>
static Object* from_units(const T* data, ssize len) {
  if (len == 0) return new_ref(str_empty());
  uint32_t m = 0;
  for (ssize i = 0; i < len; i++) if (data[i] > m) m = data[i];
  if (len == 1 && m < 256) return latin1_char(m);
  Object* s = str_new(len, m);
  if (!s) return nullptr;
  visit_kind(str_kind(s), [&](auto dt) {
    using D = decltype(dt);
    copy_units(static_cast<D*>(str_data(s)), data, len);
  });
  return s;
}

Object* str_from_kind(int kind, const void* data, ssize len) {
  return visit_kind(kind, [&](auto t) -> Object* {
    using T = decltype(t);
    return from_units(static_cast<const T*>(data), len);
  });
}

Object* str_from_latin1(const uint8_t* data, ssize len) { return from_units(data, len); }
Object* str_from_ucs4(const uint32_t* data, ssize len) { return from_units(data, len); }

Object* str_substring(Object* s, ssize start, ssize end) {
  ssize len = str_length(s);
  if (start < 0) start = 0;
  if (end > len) end = len;
  if (start >= end) return new_ref(str_empty());
  if (start == 0 && end == len && str_check_exact(s)) return new_ref(s);
  ssize n = end - start;
  int kind = str_kind(s);
  if (as_str(s)->ascii) {
    if (n == 1) return latin1_char(static_cast<uint8_t*>(str_data(s))[start]);
    Object* r = str_alloc(&StrType, n, 1, true);
    if (!r) return nullptr;
    std::memcpy(str_data(r), static_cast<uint8_t*>(str_data(s)) + start, size_t(n));
    return r;
  }
  return str_from_kind(kind, static_cast<char*>(str_data(s)) + start * kind, n);
}

Object* str_exact_copy(Object* s) {
  if (str_check_exact(s)) return new_ref(s);
  return str_from_kind(str_kind(s), str_data(s), str_length(s));
}

// ---------------------------------------------------------------------------
// Codec errors

ErrHandler errhandler_from_name(const char* e) {
  if (!e || !std::strcmp(e, "strict")) return ErrHandler::Strict;
  if (!std::strcmp(e, "ignore")) return ErrHandler::Ignore;
  if (!std::strcmp(e, "replace")) return ErrHandler::Replace;
  if (!std::strcmp(e, "backslashreplace")) return ErrHandler::BackslashReplace;
  if (!std::strcmp(e, "surrogateescape")) return ErrHandler::SurrogateEscape;
  if (!std::strcmp(e, "surrogatepass")) return ErrHandler::SurrogatePass;
  if (!std::strcmp(e, "xmlcharrefreplace")) return ErrHandler::XmlCharRefReplace;
  if (!std::strcmp(e, "namereplace")) return ErrHandler::NameReplace;
  return ErrHandler::Unknown;
}

static void raise_unicode_error(Type* type, const char* encoding, Object* obj, ssize start, ssize end,
                                const char* reason) {
  Ref<> enc = steal(str_from_cstr(encoding));
  Ref<> st = steal(int_from_ssize(start));
  Ref<> en = steal(int_from_ssize(end));
  Ref<> rs = steal(str_from_cstr(reason));
  if (!enc || !st || !en || !rs) return;
  Ref<> e = steal(call_args(type, {enc.get(), obj, st.get(), en.get(), rs.get()}));
  if (!e) return;
  err_set_object(type, e.get());
}

void raise_decode_error(const char* encoding, const char* data, ssize len, ssize start, ssize end,
                        const char* reason) {
  Ref<> b = steal(bytes_from(data, len));
  if (!b) return;
  raise_unicode_error(&exc::UnicodeDecodeError, encoding, b.get(), start, end, reason);
}

void raise_encode_error(const char* encoding, Object* str, ssize start, ssize end, const char* reason) {
  raise_unicode_error(&exc::UnicodeEncodeError, encoding, str, start, end, reason);
}

static void unknown_handler(const char* errors) {
  err_format(&exc::LookupError, "unknown error handler name '%.200s'", errors);
}

// ---------------------------------------------------------------------------
// UTF-8 decoding

// Decodes one sequence at s (s < end). Returns its length and sets *cp, or 0
// with *errlen / *reason set (CPython's error ranges and reasons).
static inline int utf8_decode_one(const uint8_t* s, const uint8_t* end, bool surrogatepass, uint32_t* cp,
                                  int* errlen, const char** reason) {
  uint32_t c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  ssize avail = end - s;
  auto cont = [](uint8_t b) { return (b & 0xC0) == 0x80; };
  if (c < 0xC2) { *errlen = 1; *reason = "invalid start byte"; return 0; }
  if (c < 0xE0) {
    if (avail < 2) { *errlen = 1; *reason = "unexpected end of data"; return 0; }
    if (!cont(s[1])) { *errlen = 1; *reason = "invalid continuation byte"; return 0; }
    *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    uint8_t lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED && !surrogatepass) hi = 0x9F;
    if (avail < 2) { *errlen = 1; *reason = "unexpected end of data"; return 0; }
    if (s[1] < lo || s[1] > hi) { *errlen = 1; *reason = "invalid continuation byte"; return 0; }
    if (avail < 3) { *errlen = 2; *reason = "unexpected end of data"; return 0; }
    if (!cont(s[2])) { *errlen = 2; *reason = "invalid continuation byte"; return 0; }
    *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  if (c < 0xF5) {
    uint8_t lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (avail < 2) { *errlen = 1; *reason = "unexpected end of data"; return 0; }
    if (s[1] < lo || s[1] > hi) { *errlen = 1; *reason = "invalid continuation byte"; return 0; }
    if (avail < 3) { *errlen = 2; *reason = "unexpected end of data"; return 0; }
    if (!cont(s[2])) { *errlen = 2; *reason = "invalid continuation byte"; return 0; }
    if (avail < 4) { *errlen = 3; *reason = "unexpected end of data"; return 0; }
    if (!cont(s[3])) { *errlen = 3; *reason = "invalid continuation byte"; return 0; }
    *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
  *errlen = 1; *reason = "invalid start byte";
  return 0;
}

static bool all_ascii(const uint8_t* p, ssize n) {
  ssize i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < n; i++) if (p[i] & 0x80) return false;
  return true;
}

// General decoder for utf-8 / ascii / latin-1 with an error handler.
// `enc` is 8 (utf-8), 7 (ascii) or 1 (latin-1).
static Object* decode_generic(const char* data, ssize len, int enc, ErrHandler eh, const char* errors) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(data);
  const uint8_t* end = p + len;
  if (enc == 1) return str_from_latin1(p, len);
  if (all_ascii(p, len)) {
    if (len == 1) return latin1_char(p[0]);
    if (len == 0) return new_ref(str_empty());
    Object* s = str_alloc(&StrType, len, 1, true);
    if (!s) return nullptr;
    std::memcpy(str_data(s), p, size_t(len));
    return s;
  }
  const char* encname = enc == 8 ? "utf-8" : "ascii";
  StrBuilder b;
  const uint8_t* q = p;
  while (q < end) {
    // copy an ascii run quickly
    uint32_t cp = 0;
    int errlen = 1;
    const char* reason = nullptr;
    int n;
    if (enc == 8) {
      n = utf8_decode_one(q, end, eh == ErrHandler::SurrogatePass, &cp, &errlen, &reason);
    } else {
      if (*q < 0x80) { cp = *q; n = 1; }
      else { n = 0; errlen = 1; reason = "ordinal not in range(128)"; }
    }
    if (n) {
      if (!b.append_char(cp)) return nullptr;
      q += n;
      continue;
    }
    ssize start = q - p, stop = start + errlen;
    switch (eh) {
      case ErrHandler::Strict:
      case ErrHandler::SurrogatePass:
      case ErrHandler::XmlCharRefReplace:
      case ErrHandler::NameReplace:
        if (eh == ErrHandler::XmlCharRefReplace || eh == ErrHandler::NameReplace) {
          err_format(&exc::TypeError, "don't know how to handle UnicodeDecodeError in error callback");
          return nullptr;
        }
        raise_decode_error(encname, data, len, start, stop, reason);
        return nullptr;
      case ErrHandler::Ignore: break;
      case ErrHandler::Replace:
        if (!b.append_char(0xFFFD)) return nullptr;
        break;
      case ErrHandler::BackslashReplace:
        for (ssize k = start; k < stop; k++) {
          static const char hx[] = "0123456789abcdef";
          char buf[4] = {'\\', 'x', hx[p[k] >> 4], hx[p[k] & 15]};
          if (!b.append_ascii(std::string_view(buf, 4))) return nullptr;
        }
        break;
      case ErrHandler::SurrogateEscape:
        for (ssize k = start; k < stop; k++) {
          if (p[k] < 128) { raise_decode_error(encname, data, len, start, stop, reason); return nullptr; }
          if (!b.append_char(0xDC00 + p[k])) return nullptr;
        }
        break;
      default:
        unknown_handler(errors);
        return nullptr;
    }
    q = p + stop;
  }
  return b.finish();
}

Object* str_from_utf8(const char* data, ssize len) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(data);
  if (len == 0) return new_ref(str_empty());
  if (len == 1 && p[0] < 128) return latin1_char(p[0]);
  if (all_ascii(p, len)) {
    Object* s = str_alloc(&StrType, len, 1, true);
    if (!s) return nullptr;
    std::memcpy(str_data(s), p, size_t(len));
    return s;
  }
  // Two passes: validate + measure, then write with the final kind.
  const uint8_t* end = p + len;
  ssize count = 0;
  uint32_t maxc = 0;
  for (const uint8_t* q = p; q < end;) {
    uint32_t cp;
    int errlen;
    const char* reason;
    int n = utf8_decode_one(q, end, false, &cp, &errlen, &reason);
    if (!n) {
      raise_decode_error("utf-8", data, len, q - p, q - p + errlen, reason);
      return nullptr;
    }
    if (cp > maxc) maxc = cp;
    q += n;
    count++;
  }
  if (count == 1 && maxc < 256) return latin1_char(maxc);
  Object* s = str_new(count, maxc);
  if (!s) return nullptr;
  visit_kind(str_kind(s), [&](auto t) {
    using T = decltype(t);
    T* d = static_cast<T*>(str_data(s));
    for (const uint8_t* q = p; q < end;) {
      uint32_t cp = 0;
      int errlen;
      const char* reason;
      q += utf8_decode_one(q, end, false, &cp, &errlen, &reason);
      *d++ = T(cp);
    }
  });
  return s;
}

Object* str_from_utf8_surrogatepass(const char* data, ssize len) {
  return decode_generic(data, len, 8, ErrHandler::SurrogatePass, "surrogatepass");
}

Object* str_from_cstr(const char* s) { return str_from_utf8(s, ssize(std::strlen(s))); }

// Normalizes an encoding name the way codecs does for the built-in fast paths.
// Returns 8 utf-8, 7 ascii, 1 latin-1, 0 other.
static int builtin_codec(const char* enc) {
  if (!enc) return 8;
  char buf[32];
  size_t n = 0;
  for (const char* p = enc; *p; p++) {
    if (n + 1 >= sizeof buf) return 0;
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c == '-' || c == ' ') c = '_';
    buf[n++] = c;
  }
  buf[n] = 0;
  if (!std::strcmp(buf, "utf_8") || !std::strcmp(buf, "utf8") || !std::strcmp(buf, "u8") ||
      !std::strcmp(buf, "utf") || !std::strcmp(buf, "cp65001"))
    return 8;
  if (!std::strcmp(buf, "ascii") || !std::strcmp(buf, "us_ascii") || !std::strcmp(buf, "646")) return 7;
  if (!std::strcmp(buf, "latin_1") || !std::strcmp(buf, "latin1") || !std::strcmp(buf, "iso_8859_1") ||
      !std::strcmp(buf, "iso8859_1") || !std::strcmp(buf, "l1") || !std::strcmp(buf, "8859") ||
      !std::strcmp(buf, "cp819") || !std::strcmp(buf, "latin") || !std::strcmp(buf, "iso_ir_100"))
    return 1;
  return 0;
}


// Encodings other than the built-in fast paths go through the Python codecs
// registry (codecs.encode / codecs.decode), as CPython's PyUnicode_AsEncodedString.
static Object* codecs_call(const char* func, Object* obj, const char* encoding, const char* errors) {
  Ref<> name = steal(str_from_cstr("codecs"));
  if (!name) return nullptr;
  Ref<> mod = steal(import_module_level(name.get(), nullptr, nullptr, 0));
  if (!mod) {
    err_clear();
    return err_format(&exc::LookupError, "unknown encoding: %s", encoding);
  }
  Ref<> enc = steal(str_from_cstr(encoding));
  Ref<> err = steal(str_from_cstr(errors ? errors : "strict"));
  if (!enc || !err) return nullptr;
  Ref<> fn = steal(object_getattr_str(mod.get(), func));
  if (!fn) return nullptr;
  return call_args(fn.get(), {obj, enc.get(), err.get()});
}

Object* str_decode(const char* data, ssize len, const char* encoding, const char* errors) {
  int enc = builtin_codec(encoding);
  if (!enc) {
    Ref<> b = steal(bytes_from(data, len));
    if (!b) return nullptr;
    Ref<> r = steal(codecs_call("decode", b.get(), encoding, errors));
    if (!r) return nullptr;
    if (!str_check(r.get()))
      return err_format(&exc::TypeError,
                        "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                        encoding, r->type->tp_name);
    return r.release();
  }
  ErrHandler eh = errhandler_from_name(errors);
  if (eh == ErrHandler::Strict && enc == 8) return str_from_utf8(data, len);
  if (eh == ErrHandler::Unknown) {
    // CPython only looks the handler up when an error occurs.
    Object* r = decode_generic(data, len, enc, ErrHandler::Strict, errors);
    if (!r && err_exception_matches(&exc::UnicodeDecodeError)) {
      err_clear();
      unknown_handler(errors);
    }
    return r;
  }
  return decode_generic(data, len, enc, eh, errors);
}

// ---------------------------------------------------------------------------
// Encoding

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

static inline char* put_utf8(char* o, uint32_t c) {
  if (c < 0x80) { *o++ = char(c); }
  else if (c < 0x800) { *o++ = char(0xC0 | (c >> 6)); *o++ = char(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) {
    *o++ = char(0xE0 | (c >> 12)); *o++ = char(0x80 | ((c >> 6) & 0x3F)); *o++ = char(0x80 | (c & 0x3F));
  } else {
    *o++ = char(0xF0 | (c >> 18)); *o++ = char(0x80 | ((c >> 12) & 0x3F));
    *o++ = char(0x80 | ((c >> 6) & 0x3F)); *o++ = char(0x80 | (c & 0x3F));
  }
  return o;
}

static void append_backslash_escape(std::string& out, uint32_t c) {
  char buf[16];
  if (c < 0x100) snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", c);
  else snprintf(buf, sizeof buf, "\\U%08x", c);
  out += buf;
}

// Encodes s with a builtin codec into out. Returns false with an exception.
static bool encode_generic(Object* s, int enc, ErrHandler eh, const char* errors, std::string& out) {
  ssize len = str_length(s);
  int kind = str_kind(s);
  const void* data = str_data(s);
  const char* encname = enc == 8 ? "utf-8" : enc == 7 ? "ascii" : "latin-1";
  uint32_t limit = enc == 7 ? 128 : enc == 1 ? 256 : 0x110000;
  const char* reason = enc == 7 ? "ordinal not in range(128)" : enc == 1 ? "ordinal not in range(256)"
                                                                        : "surrogates not allowed";
  out.reserve(size_t(len));
  for (ssize i = 0; i < len;) {
    uint32_t c = str_read(kind, data, i);
    bool bad = enc == 8 ? is_surrogate(c) : c >= limit;
    if (!bad) {
      if (enc == 8) {
        char buf[4];
        out.append(buf, size_t(put_utf8(buf, c) - buf));
      } else {
        out.push_back(char(c));
      }
      i++;
      continue;
    }
    ssize j = i + 1;
    while (j < len) {
      uint32_t d = str_read(kind, data, j);
      if (!(enc == 8 ? is_surrogate(d) : d >= limit)) break;
      j++;
    }
    switch (eh) {
      case ErrHandler::Strict:
      case ErrHandler::Unknown:
        if (eh == ErrHandler::Unknown) { unknown_handler(errors); return false; }
        raise_encode_error(encname, s, i, j, reason);
        return false;
      case ErrHandler::Ignore: break;
      case ErrHandler::Replace: out.append(size_t(j - i), '?'); break;
      case ErrHandler::BackslashReplace:
        for (ssize k = i; k < j; k++) append_backslash_escape(out, str_read(kind, data, k));
        break;
      case ErrHandler::XmlCharRefReplace:
        for (ssize k = i; k < j; k++) {
          out += "&#" + std::to_string(str_read(kind, data, k)) + ";";
        }
        break;
      case ErrHandler::SurrogateEscape:
        for (ssize k = i; k < j; k++) {
          uint32_t d = str_read(kind, data, k);
          if (d < 0xDC80 || d > 0xDCFF) { raise_encode_error(encname, s, k, k + 1, reason); return false; }
          out.push_back(char(d - 0xDC00));
        }
        break;
      case ErrHandler::SurrogatePass:
        if (enc != 8) { raise_encode_error(encname, s, i, j, reason); return false; }
        for (ssize k = i; k < j; k++) {
          char buf[4];
          out.append(buf, size_t(put_utf8(buf, str_read(kind, data, k)) - buf));
        }
        break;
      case ErrHandler::NameReplace:
        for (ssize k = i; k < j; k++) {
          uint32_t ch = str_read(kind, data, k);
          std::string name;
          if (unicode_char_name(ch, &name)) out += "\\N{" + name + "}";
          else append_backslash_escape(out, ch);
        }
        break;
    }
    i = j;
  }
  return true;
}

Object* str_encode(Object* s, const char* encoding, const char* errors) {
  int enc = builtin_codec(encoding);
  if (!enc) {
    Ref<> r = steal(codecs_call("encode", s, encoding, errors));
    if (!r) return nullptr;
    if (!bytes_check(r.get()))
      return err_format(&exc::TypeError,
                        "'%.400s' encoder returned '%.400s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                        encoding, r->type->tp_name);
    return r.release();
  }
  if (enc == 8 && (!errors || !std::strcmp(errors, "strict"))) {
    ssize n;
    const char* u = str_as_utf8(s, &n);
    if (!u) return nullptr;
    return bytes_from(u, n);
  }
  if (as_str(s)->ascii) return bytes_from(str_data(s), str_length(s));
  std::string out;
  if (!encode_generic(s, enc, errhandler_from_name(errors), errors, out)) return nullptr;
  return bytes_from(out.data(), ssize(out.size()));
}

const char* str_as_utf8(Object* s, ssize* len) {
  StrObject* o = as_str(s);
  if (PYXX_LIKELY(o->utf8 != nullptr)) {
    if (len) *len = o->utf8_length;
    return o->utf8;
  }
  ssize n = o->length;
  int kind = o->kind;
  const void* data = str_data(s);
  // Size first (4 bytes per code point at most).
  ssize size = 0;
  for (ssize i = 0; i < n; i++) {
    uint32_t c = str_read(kind, data, i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c < 0x10000) {
      if (is_surrogate(c)) {
        ssize j = i + 1;
        while (j < n && is_surrogate(str_read(kind, data, j))) j++;
        raise_encode_error("utf-8", s, i, j, "surrogates not allowed");
        return nullptr;
      }
      size += 3;
    } else size += 4;
  }
  char* buf = static_cast<char*>(mem_alloc(size_t(size) + 1));
  if (!buf) { err_no_memory(); return nullptr; }
  char* w = buf;
  for (ssize i = 0; i < n; i++) w = put_utf8(w, str_read(kind, data, i));
  *w = 0;
  o->utf8 = buf;
  o->utf8_length = size;
  if (len) *len = size;
  return buf;
}

std::string_view str_view(Object* s) {
  ssize n;
  const char* p = str_as_utf8(s, &n);
  if (!p) return {};
  return std::string_view(p, size_t(n));
}

// ---------------------------------------------------------------------------
// Equality, comparison, hashing

bool str_eq(Object* a, Object* b) {
  if (a == b) return true;
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(str_data(a), str_data(b), size_t(x->length) * x->kind) == 0;
}

bool str_eq_cstr(Object* a, const char* s) {
  StrObject* x = as_str(a);
  if (x->ascii) {
    size_t n = std::strlen(s);
    return size_t(x->length) == n && std::memcmp(str_data(a), s, n) == 0;
  }
  ssize n;
  const char* u = str_as_utf8(a, &n);
  if (!u) { err_clear(); return false; }
  return size_t(n) == std::strlen(s) && std::memcmp(u, s, size_t(n)) == 0;
}

int str_compare(Object* a, Object* b) {
  if (a == b) return 0;
  ssize la = str_length(a), lb = str_length(b), n = std::min(la, lb);
  int ka = str_kind(a), kb = str_kind(b);
  if (ka == 1 && kb == 1) {
    int c = std::memcmp(str_data(a), str_data(b), size_t(n));
    if (c) return c < 0 ? -1 : 1;
  } else {
    const void* da = str_data(a);
    const void* db = str_data(b);
    for (ssize i = 0; i < n; i++) {
      uint32_t x = str_read(ka, da, i), y = str_read(kb, db, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Hash str_hash(Object* s) {
  StrObject* o = as_str(s);
  if (o->hash != -1) return o->hash;
  // CPython hashes the canonical PEP 393 representation's bytes.
  Hash h = hash_bytes(str_data(s), o->length * o->kind);
  o->hash = h;
  return h;
}

// ---------------------------------------------------------------------------
// Concatenation and joining

Object* str_concat(Object* a, Object* b) {
  if (!str_check(a) || !str_check(b)) {
    Object* bad = str_check(a) ? b : a;
    return err_format(&exc::TypeError, "can only concatenate str (not \"%.200s\") to str", bad->type->tp_name);
  }
  ssize la = str_length(a), lb = str_length(b);
  if (la == 0) return str_exact_copy(b);
  if (lb == 0) return str_exact_copy(a);
  if (la > kSsizeMax - lb) return err_string(&exc::OverflowError, "strings are too large to concat");
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  int kind = std::max(x->kind, y->kind);
  bool ascii = x->ascii && y->ascii;
  Object* r = str_alloc(&StrType, la + lb, kind, ascii);
  if (!r) return nullptr;
  str_copy_chars(r, 0, a, 0, la);
  str_copy_chars(r, la, b, 0, lb);
  return r;
}

Object* str_concat_steal_left(Object* left, Object* right) {
  StrObject* x = as_str(left);
  ssize ll = x->length, rl = str_check(right) ? str_length(right) : -1;
  if (left->refcnt == 1 && str_check_exact(left) && !x->interned && rl >= 0 && x->data_offset8 == 0 &&
      str_kind(right) <= x->kind && (!x->ascii || as_str(right)->ascii) && ll > 0 && rl <= kSsizeMax / 4 - ll - 1) {
    if (rl == 0) return left;
    if (x->utf8 && x->utf8 != static_cast<char*>(str_data(left))) mem_free(x->utf8);
    x->utf8 = nullptr;
    ssize n = ll + rl;
    Object* r = object_realloc_var(left, sizeof(StrObject) + size_t(n + 1) * x->kind);
    if (!r) {
      // left is still valid (realloc failure leaves it untouched); restore its cache.
      if (x->ascii) { x->utf8 = static_cast<char*>(str_data(left)); x->utf8_length = ll; }
      decref(left);
      return nullptr;
    }
    StrObject* s = as_str(r);
    str_copy_chars(r, ll, right, 0, rl);
    str_write(s->kind, str_data(r), n, 0);
    s->length = n;
    s->hash = -1;
    if (s->ascii) { s->utf8 = static_cast<char*>(str_data(r)); s->utf8_length = n; }
    else { s->utf8 = nullptr; s->utf8_length = 0; }
    // Non-ascii latin-1 data stays canonical: kind is unchanged and right's
    // characters fit in it; the ascii flag can only turn off, which the
    // condition above excludes.
    return r;
  }
  Object* r = str_concat(left, right);
  decref(left);
  return r;
}

Object* str_join_array(Object* sep, Object* const* items, ssize n) {
  if (n == 0) return new_ref(str_empty());
  if (n == 1 && str_check_exact(items[0])) return new_ref(items[0]);
  ssize seplen = sep ? str_length(sep) : 0;
  ssize total = 0;
  int kind = sep && seplen ? str_kind(sep) : 1;
  bool ascii = sep && seplen ? as_str(sep)->ascii : true;
  for (ssize i = 0; i < n; i++) {
    Object* it = items[i];
    if (!str_check(it)) {
      return err_format(&exc::TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                        it->type->tp_name);
    }
    ssize l = str_length(it);
    if (total > kSsizeMax - l - (i ? seplen : 0)) return err_string(&exc::OverflowError, "join() result is too long for a Python string");
    total += l + (i ? seplen : 0);
    if (l) {
      if (str_kind(it) > kind) kind = str_kind(it);
      ascii = ascii && as_str(it)->ascii;
    }
  }
  if (total == 0) return new_ref(str_empty());
  Object* r = str_alloc(&StrType, total, kind, ascii);
  if (!r) return nullptr;
  ssize pos = 0;
  if (kind == 1) {
    uint8_t* d = static_cast<uint8_t*>(str_data(r));
    const uint8_t* sd = seplen ? static_cast<const uint8_t*>(str_data(sep)) : nullptr;
    for (ssize i = 0; i < n; i++) {
      if (i && seplen) { std::memcpy(d + pos, sd, size_t(seplen)); pos += seplen; }
      ssize l = str_length(items[i]);
      std::memcpy(d + pos, str_data(items[i]), size_t(l));
      pos += l;
    }
  } else {
    for (ssize i = 0; i < n; i++) {
      if (i && seplen) { str_copy_chars(r, pos, sep, 0, seplen); pos += seplen; }
      ssize l = str_length(items[i]);
      str_copy_chars(r, pos, items[i], 0, l);
      pos += l;
    }
  }
  return r;
}

Object* str_join(Object* sep, Object* iterable) {
  if (tuple_check_exact(iterable)) return str_join_array(sep, tuple_items(iterable), tuple_size(iterable));
  if (list_check_exact(iterable)) {
    // Hold the list's items while joining (items are borrowed from the list).
    Ref<> t = steal(list_as_tuple(iterable));
    if (!t) return nullptr;
    return str_join_array(sep, tuple_items(t.get()), tuple_size(t.get()));
  }
  // As PySequence_Fast: only a failing iter() becomes "can only join an iterable".
  Ref<> it = steal(object_get_iter(iterable));
  if (!it) {
    if (err_exception_matches(&exc::TypeError)) {
      err_clear();
      err_set_string(&exc::TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  Ref<> seq = steal(sequence_tuple(it.get()));
  if (!seq) return nullptr;
  return str_join_array(sep, tuple_items(seq.get()), tuple_size(seq.get()));
}

// ---------------------------------------------------------------------------
// Searching

template <class H, class N>
static ssize find_units(const H* h, ssize hl, const N* n, ssize nl, int dir) {
  if (nl == 0) return dir > 0 ? 0 : hl;
  if (nl > hl) return -1;
  if constexpr (sizeof(H) == 1 && sizeof(N) == 1) {
    if (dir > 0) {
      const void* p = memmem(h, size_t(hl), n, size_t(nl));
      return p ? static_cast<const H*>(p) - h : -1;
    }
  }
  N first = n[0];
  if (dir > 0) {
    for (ssize i = 0; i + nl <= hl; i++) {
      if (h[i] == first) {
        ssize k = 1;
        while (k < nl && h[i + k] == n[k]) k++;
        if (k == nl) return i;
      }
    }
  } else {
    for (ssize i = hl - nl; i >= 0; i--) {
      if (h[i] == first) {
        ssize k = 1;
        while (k < nl && h[i + k] == n[k]) k++;
        if (k == nl) return i;
      }
    }
  }
  return -1;
}

ssize str_find_range(Object* h, Object* n, ssize start, ssize end, int direction) {
  ssize hl = str_length(h);
  adjust_indices(start, end, hl);
  if (end - start < str_length(n)) return -1;
  if (str_length(n) == 0) return direction > 0 ? start : end;
  if (str_kind(n) > str_kind(h)) return -1;
  return visit_kind(str_kind(h), [&](auto ht) -> ssize {
    using H = decltype(ht);
    const H* hd = static_cast<const H*>(str_data(h)) + start;
    return visit_kind(str_kind(n), [&](auto nt) -> ssize {
      using N = decltype(nt);
      ssize r = find_units(hd, end - start, static_cast<const N*>(str_data(n)), str_length(n), direction);
      return r < 0 ? -1 : r + start;
    });
  });
}

ssize str_find_char(Object* h, uint32_t ch, ssize start, ssize end, int direction) {
  return visit_kind(str_kind(h), [&](auto ht) -> ssize {
    using H = decltype(ht);
    const H* d = static_cast<const H*>(str_data(h));
    if (direction > 0) {
      if constexpr (sizeof(H) == 1) {
        if (ch > 255) return -1;
        const void* p = std::memchr(d + start, int(ch), size_t(end - start));
        return p ? static_cast<const H*>(p) - d : -1;
      }
      for (ssize i = start; i < end; i++) if (d[i] == ch) return i;
    } else {
      for (ssize i = end - 1; i >= start; i--) if (d[i] == ch) return i;
    }
    return -1;
  });
}

ssize str_count_range(Object* h, Object* n, ssize start, ssize end, ssize maxcount) {
  ssize hl = str_length(h);
  adjust_indices(start, end, hl);
  ssize nl = str_length(n);
  if (end - start < nl) return 0;
  if (nl == 0) return std::min(end - start + 1, maxcount);
  if (str_kind(n) > str_kind(h)) return 0;
  ssize count = 0;
  if (nl == 1) {
    uint32_t c = str_char_at(n, 0);
    visit_kind(str_kind(h), [&](auto ht) {
      using H = decltype(ht);
      const H* d = static_cast<const H*>(str_data(h));
      for (ssize i = start; i < end && count < maxcount; i++) count += d[i] == c;
    });
    return count;
  }
  ssize pos = start;
  while (count < maxcount) {
    ssize r = str_find_range(h, n, pos, end, 1);
    if (r < 0) break;
    count++;
    pos = r + nl;
  }
  return count;
}

int str_contains(Object* haystack, Object* needle) {
  if (!str_check(needle)) {
    err_format(&exc::TypeError, "'in <string>' requires string as left operand, not %.100s", needle->type->tp_name);
    return -1;
  }
  if (str_length(needle) == 1) return str_find_char(haystack, str_char_at(needle, 0), 0, str_length(haystack), 1) >= 0;
  return str_find_range(haystack, needle, 0, kSsizeMax, 1) >= 0;
}

// ---------------------------------------------------------------------------
// repr

bool unicode_is_printable(uint32_t cp) { return unicode::has(cp, unicode::kPrintable); }

Object* str_repr(Object* s) {
  ssize n = str_length(s);
  int kind = str_kind(s);
  const void* data = str_data(s);
  // Quote choice: single quotes unless the string has ' and no ".
  bool has_sq = false, has_dq = false;
  ssize outlen = 2;
  uint32_t maxc = 0;
  for (ssize i = 0; i < n; i++) {
    uint32_t c = str_read(kind, data, i);
    if (c == '\'') has_sq = true;
    else if (c == '"') has_dq = true;
  }
  uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
  for (ssize i = 0; i < n; i++) {
    uint32_t c = str_read(kind, data, i);
    ssize inc;
    if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r') inc = 2;
    else if (c < ' ' || c == 0x7f) inc = 4;
    else if (c < 0x7f) inc = 1;
    else if (unicode_is_printable(c)) { inc = 1; if (c > maxc) maxc = c; }
    else if (c < 0x100) inc = 4;
    else if (c < 0x10000) inc = 6;
    else inc = 10;
    outlen += inc;
  }
  Object* r = str_new(outlen, maxc < 128 ? 127 : maxc);
  if (!r) return nullptr;
  int rk = str_kind(r);
  void* rd = str_data(r);
  ssize o = 0;
  static const char hx[] = "0123456789abcdef";
  auto put = [&](uint32_t c) { str_write(rk, rd, o++, c); };
  put(quote);
  for (ssize i = 0; i < n; i++) {
    uint32_t c = str_read(kind, data, i);
    if (c == quote || c == '\\') { put('\\'); put(c); }
    else if (c == '\t') { put('\\'); put('t'); }
    else if (c == '\n') { put('\\'); put('n'); }
    else if (c == '\r') { put('\\'); put('r'); }
    else if (c < ' ' || c == 0x7f) { put('\\'); put('x'); put(hx[c >> 4]); put(hx[c & 15]); }
    else if (c < 0x7f || unicode_is_printable(c)) put(c);
    else if (c < 0x100) { put('\\'); put('x'); put(hx[c >> 4]); put(hx[c & 15]); }
    else if (c < 0x10000) {
      put('\\'); put('u');
      for (int sh = 12; sh >= 0; sh -= 4) put(hx[(c >> sh) & 15]);
    } else {
      put('\\'); put('U');
      for (int sh = 28; sh >= 0; sh -= 4) put(hx[(c >> sh) & 15]);
    }
  }
  put(quote);
  return r;
}

// ---------------------------------------------------------------------------
// Interning. One process-wide table of immortal strings (CPython keeps its
// static strings runtime-global too); keyed by an own FNV hash so it does not
// depend on any interpreter's hash secret.

namespace {
// The table of immortal interned strings is runtime-wide (Runtime::interned),
// as CPython keeps its statically interned strings in _PyRuntime.
InternTable& intern_table() { return interp_get()->runtime->interned; }

uint64_t intern_key(Object* s) {
  uint64_t h = 1469598103934665603ULL;
  const uint8_t* p = static_cast<const uint8_t*>(str_data(s));
  size_t n = size_t(str_length(s)) * size_t(str_kind(s));
  for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
  return h;
}

bool intern_grow() {
  size_t ncap = intern_table().mask ? (intern_table().mask + 1) * 2 : 1024;
  Object** ns = static_cast<Object**>(mem_calloc(ncap, sizeof(Object*)));
  if (!ns) return false;
  for (size_t i = 0; intern_table().slots && i <= intern_table().mask; i++) {
    Object* o = intern_table().slots[i];
    if (!o) continue;
    size_t j = intern_key(o) & (ncap - 1);
    while (ns[j]) j = (j + 1) & (ncap - 1);
    ns[j] = o;
  }
  mem_free(intern_table().slots);
  intern_table().slots = ns;
  intern_table().mask = ncap - 1;
  return true;
}
}  // namespace

Object* str_intern(Object* s) {
  if (!str_check_exact(s)) return s;  // CPython does not intern subclass instances
  if (as_str(s)->interned) return s;
  if ((intern_table().used + 1) * 2 > intern_table().mask + 1 && !intern_grow()) return s;
  size_t j = intern_key(s) & intern_table().mask;
  while (Object* o = intern_table().slots[j]) {
    if (str_eq(o, s)) {
      decref(s);
      return new_ref(o);
    }
    j = (j + 1) & intern_table().mask;
  }
  intern_table().slots[j] = s;
  intern_table().used++;
  as_str(s)->interned = 2;
  // Interned strings live as long as the process (immortal).
  s->refcnt = kImmortalRefcnt;
  return s;
}

Object* str_intern_cstr(const char* s) {
  Object* o = str_from_cstr(s);
  if (!o) return nullptr;
  return str_intern(o);
}

// ---------------------------------------------------------------------------
// StrBuilder

StrBuilder::~StrBuilder() { mem_free(buf_); }

bool StrBuilder::reserve(ssize extra) {
  // Sizes that cannot be allocated fail as MemoryError (and keep the
  // doubling below from overflowing).
  if (extra > kSsizeMax / 8 - len_) { err_no_memory(); return false; }
  ssize need = len_ + extra;
  if (need <= cap_) return true;
  ssize ncap = cap_ ? cap_ * 2 : 64;
  while (ncap < need) ncap *= 2;
  void* nb = mem_realloc(buf_, size_t(ncap) * size_t(kind_));
  if (!nb) { err_no_memory(); return false; }
  buf_ = nb;
  cap_ = ncap;
  return true;
}

bool StrBuilder::widen() {
  ssize ncap = cap_ < 16 ? 16 : cap_;
  uint32_t* nb = static_cast<uint32_t*>(mem_alloc(size_t(ncap) * 4));
  if (!nb) { err_no_memory(); return false; }
  const uint8_t* old = static_cast<const uint8_t*>(buf_);
  for (ssize i = 0; i < len_; i++) nb[i] = old[i];
  mem_free(buf_);
  buf_ = nb;
  cap_ = ncap;
  kind_ = 4;
  return true;
}

bool StrBuilder::append_char(uint32_t cp) {
  if (cp > 255 && kind_ == 1 && !widen()) return false;
  if (len_ >= cap_ && !reserve(1)) return false;
  if (kind_ == 1) static_cast<uint8_t*>(buf_)[len_++] = uint8_t(cp);
  else static_cast<uint32_t*>(buf_)[len_++] = cp;
  if (cp > maxchar_) maxchar_ = cp;
  return true;
}

bool StrBuilder::append_repeat(uint32_t cp, ssize n) {
  if (n <= 0) return true;
  if (cp > 255 && kind_ == 1 && !widen()) return false;
  if (!reserve(n)) return false;
  if (kind_ == 1) std::memset(static_cast<uint8_t*>(buf_) + len_, int(cp), size_t(n));
  else std::fill_n(static_cast<uint32_t*>(buf_) + len_, n, cp);
  len_ += n;
  if (cp > maxchar_) maxchar_ = cp;
  return true;
}

bool StrBuilder::append_ascii(std::string_view s) {
  ssize n = ssize(s.size());
  if (n == 0) return true;  // s.data() may be null: memcpy(_, nullptr, 0) is UB
  if (!reserve(n)) return false;
  if (kind_ == 1) {
    std::memcpy(static_cast<uint8_t*>(buf_) + len_, s.data(), size_t(n));
    for (size_t i = 0; i < s.size(); i++) if (uint8_t(s[i]) > maxchar_) maxchar_ = uint8_t(s[i]);
  } else {
    uint32_t* d = static_cast<uint32_t*>(buf_) + len_;
    for (size_t i = 0; i < s.size(); i++) {
      d[i] = uint8_t(s[i]);
      if (d[i] > maxchar_) maxchar_ = d[i];
    }
  }
  len_ += n;
  return true;
}

bool StrBuilder::append_utf8(std::string_view s) {
  if (all_ascii(reinterpret_cast<const uint8_t*>(s.data()), ssize(s.size()))) return append_ascii(s);
  Ref<> t = steal(str_from_utf8(s.data(), ssize(s.size())));
  if (!t) return false;
  return append_str(t.get());
}

bool StrBuilder::append_substr(Object* s, ssize start, ssize end) {
  ssize n = end - start;
  if (n <= 0) return true;
  int sk = str_kind(s);
  if (sk > 1 && kind_ == 1 && !widen()) return false;
  if (!reserve(n)) return false;
  // Canonical strings: the kind/ascii class bound is enough to pick the
  // result's kind (a substring may only be narrower; finish() then narrows).
  uint32_t bound = str_max_char_bound(s);
  if (n < str_length(s) && bound > 127) bound = str_max_char(s, start, end);
  if (bound > maxchar_) maxchar_ = bound;
  if (kind_ == 1) {
    std::memcpy(static_cast<uint8_t*>(buf_) + len_, static_cast<const uint8_t*>(str_data(s)) + start, size_t(n));
  } else {
    uint32_t* d = static_cast<uint32_t*>(buf_) + len_;
    visit_kind(sk, [&](auto t) {
      using T = decltype(t);
      copy_units(d, static_cast<const T*>(str_data(s)) + start, n);
    });
  }
  len_ += n;
  return true;
}

bool StrBuilder::append_str(Object* s) { return append_substr(s, 0, str_length(s)); }

Object* StrBuilder::finish() {
  Object* r;
  if (len_ == 0) {
    r = new_ref(str_empty());
  } else if (kind_ == 1) {
    const uint8_t* src = static_cast<const uint8_t*>(buf_);
    if (len_ == 1) r = latin1_char(src[0]);
    else {
      r = str_alloc(&StrType, len_, 1, maxchar_ < 128);
      if (r) std::memcpy(str_data(r), src, size_t(len_));
    }
  } else {
    // maxchar_ may be a class bound: narrow to the exact kind.
    r = str_from_ucs4(static_cast<const uint32_t*>(buf_), len_);
  }
  len_ = 0;
  maxchar_ = 0;
  return r;
}

// ---------------------------------------------------------------------------
// The str type: slots

static Object* str_subtype_new(Type* type, Object* exact) {
  ssize n = str_length(exact);
  Object* r = str_alloc(type, n, str_kind(exact), as_str(exact)->ascii);
  if (!r) return nullptr;
  str_copy_chars(r, 0, exact, 0, n);
  return r;
}

static Object* str_tp_new(Type* type, Object* args, Object* kwds) {
  static const char* const names[] = {"object", "encoding", "errors"};
  static const ArgSpec spec = {"str", names, 3, 0, 0, 0};
  Object* av[3] = {nullptr, nullptr, nullptr};
  // Build a vector of positionals + keyword values for bind_args.
  ssize nargs = tuple_size(args);
  Object* stack[8];
  Ref<> kwnames;
  ssize nk = 0;
  if (kwds) nk = dict_size(kwds);
  if (nk == 0 && nargs == 1 && type == &StrType) return object_str(tuple_get(args, 0));  // str(x)
  if (nargs + nk > 3) {
    if (nk == 0) return err_format(&exc::TypeError, "str expected at most 3 arguments, got %zd", nargs);
    return err_format(&exc::TypeError, "str() takes at most 3 arguments (%zd given)", nargs + nk);
  }
  if (nk) {
    kwnames = steal(tuple_new(nk));
    if (!kwnames) return nullptr;
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      tuple_init_item(kwnames.get(), i, new_ref(k));
      stack[nargs + i] = v;
      i++;
    }
  }
  for (ssize i = 0; i < nargs; i++) stack[i] = tuple_get(args, i);
  if (!bind_args(spec, stack, nargs, kwnames.get(), av)) return nullptr;
  Ref<> result;
  if (!av[1] && !av[2]) {
    if (!av[0]) result = borrow(str_empty());
    else result = steal(object_str(av[0]));
  } else {
    const char* encoding = nullptr;
    const char* errors = nullptr;
    if (av[1]) {
      if (!str_check(av[1]))
        return err_format(&exc::TypeError, "str() argument 'encoding' must be str, not %.50s", av[1]->type->tp_name);
      encoding = str_as_utf8(av[1]);
      if (!encoding) return nullptr;
    }
    if (av[2]) {
      if (!str_check(av[2]))
        return err_format(&exc::TypeError, "str() argument 'errors' must be str, not %.50s", av[2]->type->tp_name);
      errors = str_as_utf8(av[2]);
      if (!errors) return nullptr;
    }
    Object* obj = av[0];
    const char* bd = nullptr;
    ssize bl = 0;
    if (!obj) {
      result = borrow(str_empty());
    } else if (bytes_like_view(obj, &bd, &bl)) {
      result = steal(str_decode(bd, bl, encoding ? encoding : "utf-8", errors));
    } else if (str_check(obj)) {
      return err_string(&exc::TypeError, "decoding str is not supported");
    } else {
      return err_format(&exc::TypeError, "decoding to str: need a bytes-like object, %.80s found",
                        obj->type->tp_name);
    }
  }
  if (!result) return nullptr;
  if (type == &StrType) return result.release();
  return str_subtype_new(type, result.get());
}

static Object* str_tp_repr(Object* s) { return str_repr(s); }
static Object* str_tp_str(Object* s) { return str_exact_copy(s); }
static Hash str_tp_hash(Object* s) { return str_hash(s); }

static Object* str_richcompare(Object* a, Object* b, int op) {
  if (!str_check(a) || !str_check(b)) return new_ref(NotImplemented);
  bool r;
  if (op == kEQ || op == kNE) {
    r = str_eq(a, b);
    if (op == kNE) r = !r;
  } else {
    int c = str_compare(a, b);
    switch (op) {
      case kLT: r = c < 0; break;
      case kLE: r = c <= 0; break;
      case kGT: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return new_ref(bool_from(r));
}

static ssize str_sq_length(Object* s) { return str_length(s); }

static Object* str_sq_concat(Object* a, Object* b) { return str_concat(a, b); }

static Object* str_sq_repeat(Object* s, ssize n) {
  ssize len = str_length(s);
  if (n <= 0 || len == 0) return new_ref(str_empty());
  if (n == 1) return str_exact_copy(s);
  if (len > kSsizeMax / n) return err_string(&exc::OverflowError, "repeated string is too long");
  ssize total = len * n;
  StrObject* o = as_str(s);
  Object* r = str_alloc(&StrType, total, o->kind, o->ascii);
  if (!r) return nullptr;
  size_t unit = size_t(len) * o->kind;
  char* d = static_cast<char*>(str_data(r));
  if (len == 1 && o->kind == 1) {
    std::memset(d, static_cast<uint8_t*>(str_data(s))[0], size_t(n));
  } else {
    std::memcpy(d, str_data(s), unit);
    size_t done = unit, all = size_t(total) * o->kind;
    while (done < all) {
      size_t c = std::min(done, all - done);
      std::memcpy(d + done, d, c);
      done += c;
    }
  }
  return r;
}

static Object* str_sq_item(Object* s, ssize i) {
  if (i < 0 || i >= str_length(s)) return err_string(&exc::IndexError, "string index out of range");
  uint32_t c = str_char_at(s, i);
  return str_from_codepoint(c);
}

static int str_sq_contains(Object* s, Object* x) { return str_contains(s, x); }

static Object* str_mp_subscript(Object* s, Object* key) {
  if (int_check(key) || (!slice_check(key) && index_check(key))) {
    ssize i = number_as_ssize(key, &exc::IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += str_length(s);
    return str_sq_item(s, i);
  }
  if (slice_check(key)) {
    ssize start, stop, step, slicelen;
    if (slice_get_indices(key, str_length(s), &start, &stop, &step, &slicelen) < 0) return nullptr;
    if (slicelen <= 0) return new_ref(str_empty());
    if (step == 1) return str_substring(s, start, start + slicelen);
    int kind = str_kind(s);
    const void* d = str_data(s);
    uint32_t m = 0;
    for (ssize i = 0, p = start; i < slicelen; i++, p += step) m = std::max(m, str_read(kind, d, p));
    if (slicelen == 1) return str_from_codepoint(m);
    Object* r = str_new(slicelen, m);
    if (!r) return nullptr;
    int rk = str_kind(r);
    void* rd = str_data(r);
    for (ssize i = 0, p = start; i < slicelen; i++, p += step) str_write(rk, rd, i, str_read(kind, d, p));
    return r;
  }
  return err_format(&exc::TypeError, "string indices must be integers, not '%.200s'", key->type->tp_name);
}

static Object* str_nb_remainder(Object* a, Object* b) {
  if (!str_check(a)) return new_ref(NotImplemented);
  return str_mod(a, b);
}

// Iterators --------------------------------------------------------------

struct StrIterObject : Object {
  Object* seq;   // null when exhausted
  ssize index;
};

static Object* str_iter(Object* s) {
  Type* t = as_str(s)->ascii ? &StrAsciiIteratorType : &StrIteratorType;
  Object* it = object_alloc(t, sizeof(StrIterObject));
  if (!it) return nullptr;
  auto* o = static_cast<StrIterObject*>(it);
  o->seq = new_ref(s);
  o->index = 0;
  return it;
}

static void striter_dealloc(Object* op) {
  xdecref(static_cast<StrIterObject*>(op)->seq);
  object_free(op);
}

static Object* striter_next(Object* op) {
  auto* it = static_cast<StrIterObject*>(op);
  Object* s = it->seq;
  if (!s) return nullptr;
  if (it->index < str_length(s)) {
    uint32_t c = str_char_at(s, it->index++);
    return str_from_codepoint(c);
  }
  it->seq = nullptr;
  decref(s);
  return nullptr;
}

static Object* striter_length_hint(Object* op, Object*) {
  auto* it = static_cast<StrIterObject*>(op);
  ssize n = it->seq ? str_length(it->seq) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

static Object* striter_self(Object* op) { return new_ref(op); }

static Object* builtin_iter_func() {
  Object* b = interp_get()->builtins;
  Object* f = b ? dict_getitem_str(b, "iter") : nullptr;
  if (!f) {
    if (!err_occurred()) err_set_string(&exc::RuntimeError, "lost builtins.iter");
    return nullptr;
  }
  return new_ref(f);
}

static Object* striter_reduce(Object* op, Object*) {
  auto* it = static_cast<StrIterObject*>(op);
  Ref<> iter = steal(builtin_iter_func());
  if (!iter) return nullptr;
  if (it->seq) {
    Ref<> args = steal(tuple_pack({it->seq}));
    Ref<> idx = steal(int_from_ssize(it->index));
    if (!args || !idx) return nullptr;
    return tuple_pack({iter.get(), args.get(), idx.get()});
  }
  Ref<> args = steal(tuple_pack({str_empty()}));
  if (!args) return nullptr;
  return tuple_pack({iter.get(), args.get()});
}

static Object* striter_setstate(Object* op, Object* state) {
  auto* it = static_cast<StrIterObject*>(op);
  ssize i = number_as_ssize(state, nullptr);
  if (i == -1 && err_occurred()) return nullptr;
  if (it->seq) {
    if (i < 0) i = 0;
    else if (i > str_length(it->seq)) i = str_length(it->seq);
    it->index = i;
  }
  return new_ref(None);
}

static const MethodDef kStrIterMethods[] = {
    {"__length_hint__", reinterpret_cast<void*>(striter_length_hint), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(striter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(striter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr},
};

static NumberMethods kStrAsNumber;
static SequenceMethods kStrAsSequence;
static MappingMethods kStrAsMapping;

void init_str_types() {
  kStrAsNumber.nb_remainder = str_nb_remainder;
  kStrAsSequence.sq_length = str_sq_length;
  kStrAsSequence.sq_concat = str_sq_concat;
  kStrAsSequence.sq_repeat = str_sq_repeat;
  kStrAsSequence.sq_item = str_sq_item;
  kStrAsSequence.sq_contains = str_sq_contains;
  kStrAsMapping.mp_length = str_sq_length;
  kStrAsMapping.mp_subscript = str_mp_subscript;

  Type& t = StrType;
  t.tp_name = "str";
  t.tp_basicsize = sizeof(StrObject);
  t.tp_itemsize = 0;
  t.tp_dealloc = str_dealloc;
  t.tp_repr = str_tp_repr;
  t.tp_str = str_tp_str;
  t.tp_hash = str_tp_hash;
  t.tp_as_number = &kStrAsNumber;
  t.tp_as_sequence = &kStrAsSequence;
  t.tp_as_mapping = &kStrAsMapping;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsUnicodeSubclass | kTpflagsMatchSelf;
  t.tp_doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
      "Create a new string object from the given object. If encoding or\n"
      "errors is specified, then the object must expose a data buffer\n"
      "that will be decoded using the given encoding and error handler.\n"
      "Otherwise, returns the result of object.__str__() (if defined)\n"
      "or repr(object).\nencoding defaults to 'utf-8'.\nerrors defaults to 'strict'.";
  t.tp_richcompare = str_richcompare;
  t.tp_iter = str_iter;
  t.tp_methods = kStrMethods;
  t.tp_base = &ObjectType;
  t.tp_new = str_tp_new;
  t.tp_free = object_free;

  for (Type* it : {&StrIteratorType, &StrAsciiIteratorType}) {
    it->tp_name = it == &StrIteratorType ? "str_iterator" : "str_ascii_iterator";
    it->tp_basicsize = sizeof(StrIterObject);
    it->tp_dealloc = striter_dealloc;
    it->tp_getattro = object_generic_getattr;
    it->tp_iter = striter_self;
    it->tp_iternext = striter_next;
    it->tp_methods = kStrIterMethods;
    it->tp_base = &ObjectType;
    it->tp_flags = kTpflagsDefault | kTpflagsDisallowInstantiation;
  }
}

}  // namespace pyxx
