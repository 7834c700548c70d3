// str_from_format: CPython's PyUnicode_FromFormat directives (%% %c %d %i %u
// %ld %li %lu %lld %llu %zd %zu %zi %x %X %o %p %s %U %V %S %R %A %T %N) with
// flags '-' and '0', widths and precisions (also '*'). Used by err_format.
#include "objects/str_internal.h"
#include <cstdio>
#include <string>
#include "objects/dict.h"

namespace pyxx {

// Fully qualified type name as CPython's %T / %N: "module.QualName", module
// omitted for builtins and __main__. `colon` uses ':' as separator (%#T).
static Object* type_fullname(Type* t, bool colon) {
  Ref<> module, qualname;
  if (type_has_flag(t, kTpflagsHeapType)) {
    HeapType* ht = static_cast<HeapType*>(t);
    if (ht->ht_qualname) qualname = borrow(ht->ht_qualname);
    if (t->tp_dict) {
      Object* m = dict_getitem_str(t->tp_dict, "__module__");
      if (m && str_check(m)) module = borrow(m);
      else if (!m) err_clear();
    }
    if (!qualname) qualname = steal(str_from_cstr(t->tp_name));
  } else {
    const char* name = t->tp_name;
    const char* dot = std::strrchr(name, '.');
    if (dot) {
      module = steal(str_from_utf8(name, dot - name));
      qualname = steal(str_from_cstr(dot + 1));
    } else {
      qualname = steal(str_from_cstr(name));
    }
  }
  if (!qualname) return nullptr;
  if (module && !str_eq_cstr(module.get(), "builtins") && !str_eq_cstr(module.get(), "__main__")) {
    Ref<> sep = steal(str_from_cstr(colon ? ":" : "."));
    Object* items[3] = {module.get(), sep.get(), qualname.get()};
    return str_join_array(nullptr, items, 3);
  }
  return qualname.release();
}

static bool append_padded(StrBuilder& b, Object* s, ssize width, ssize precision, bool left) {
  ssize n = str_length(s);
  if (precision >= 0 && n > precision) n = precision;
  ssize pad = width > n ? width - n : 0;
  if (!left) for (ssize i = 0; i < pad; i++) if (!b.append_char(' ')) return false;
  if (!b.append_substr(s, 0, n)) return false;
  if (left) for (ssize i = 0; i < pad; i++) if (!b.append_char(' ')) return false;
  return true;
}

Object* str_from_format_v(const char* fmt, va_list vargs) {
  va_list ap;
  va_copy(ap, vargs);
  StrBuilder b;
  const char* p = fmt;
  bool ok = true;
  while (*p && ok) {
    if (*p != '%') {
      const char* q = p;
      while (*q && *q != '%') q++;
      ok = b.append_utf8(std::string_view(p, size_t(q - p)));
      p = q;
      continue;
    }
    const char* start = p;
    p++;
    if (*p == '%') { ok = b.append_char('%'); p++; continue; }
    bool left = false, zero = false, alt = false;
    for (;; p++) {
      if (*p == '-') left = true;
      else if (*p == '0') zero = true;
      else if (*p == '#') alt = true;
      else break;
    }
    ssize width = -1, precision = -1;
    if (*p == '*') { width = va_arg(ap, int); if (width < 0) { left = true; width = -width; } p++; }
    else if (*p >= '0' && *p <= '9') { width = 0; while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0'); }
    if (*p == '.') {
      p++;
      if (*p == '*') { precision = va_arg(ap, int); if (precision < 0) precision = -1; p++; }
      else { precision = 0; while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0'); }
    }
    int lng = 0;  // 1 l, 2 ll, 3 z, 4 j, 5 t
    if (*p == 'l') { lng = 1; p++; if (*p == 'l') { lng = 2; p++; } }
    else if (*p == 'z') { lng = 3; p++; }
    else if (*p == 'j') { lng = 4; p++; }
    else if (*p == 't') { lng = 5; p++; }
    char c = *p;
    if (!c) {
      err_set_string(&exc::SystemError, "invalid format string");
      return nullptr;
    }
    p++;
    switch (c) {
      case 'c': {
        int ch = va_arg(ap, int);
        if (ch < 0 || ch > 0x10FFFF) {
          err_set_string(&exc::OverflowError, "character argument not in range(0x110000)");
          return nullptr;
        }
        ok = b.append_char(uint32_t(ch));
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        char spec[16];
        char* sp = spec;
        *sp++ = '%';
        if (left) *sp++ = '-';
        if (zero) *sp++ = '0';
        if (alt) *sp++ = '#';
        *sp++ = '*'; *sp++ = '.'; *sp++ = '*';
        bool is_signed = c == 'd' || c == 'i';
        char buf[128];
        int w = int(width < 0 ? 0 : width), pr = int(precision);
        if (is_signed) {
          long long v;
          switch (lng) {
            case 1: v = va_arg(ap, long); break;
            case 2: v = va_arg(ap, long long); break;
            case 3: case 5: v = va_arg(ap, ssize); break;
            case 4: v = va_arg(ap, intmax_t); break;
            default: v = va_arg(ap, int); break;
          }
          *sp++ = 'l'; *sp++ = 'l'; *sp++ = c; *sp = 0;
          std::snprintf(buf, sizeof buf, spec, w, pr, v);
        } else {
          unsigned long long v;
          switch (lng) {
            case 1: v = va_arg(ap, unsigned long); break;
            case 2: v = va_arg(ap, unsigned long long); break;
            case 3: case 5: v = va_arg(ap, size_t); break;
            case 4: v = va_arg(ap, uintmax_t); break;
            default: v = va_arg(ap, unsigned int); break;
          }
          *sp++ = 'l'; *sp++ = 'l'; *sp++ = c; *sp = 0;
          std::snprintf(buf, sizeof buf, spec, w, pr, v);
        }
        ok = b.append_ascii(buf);
        break;
      }
      case 'p': {
        void* v = va_arg(ap, void*);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%p", v);
        std::string s = buf;
        if (s.rfind("0x", 0) != 0) s = "0x" + s;
        ok = b.append_ascii(s);
        break;
      }
      case 's': {
        const char* s = va_arg(ap, const char*);
        if (!s) s = "(null)";
        size_t n = std::strlen(s);
        Ref<> str = steal(str_decode(s, ssize(n), "utf-8", "replace"));
        ok = str && append_padded(b, str.get(), width, precision, left);
        break;
      }
      case 'U': {
        Object* o = va_arg(ap, Object*);
        ok = append_padded(b, o, width, precision, left);
        break;
      }
      case 'V': {
        Object* o = va_arg(ap, Object*);
        const char* s = va_arg(ap, const char*);
        if (o) {
          ok = append_padded(b, o, width, precision, left);
        } else {
          Ref<> str = steal(str_decode(s, ssize(std::strlen(s)), "utf-8", "replace"));
          ok = str && append_padded(b, str.get(), width, precision, left);
        }
        break;
      }
      case 'S': case 'R': case 'A': {
        Object* o = va_arg(ap, Object*);
        Ref<> s = steal(c == 'S' ? object_str(o) : c == 'R' ? object_repr(o) : object_ascii(o));
        ok = s && append_padded(b, s.get(), width, precision, left);
        break;
      }
      case 'T': case 'N': {
        Object* o = va_arg(ap, Object*);
        Type* t;
        if (c == 'T') t = o->type;
        else {
          if (!type_check(o)) {
            err_format(&exc::TypeError, "%%N argument must be a type; got %s", o->type->tp_name);
            return nullptr;
          }
          t = static_cast<Type*>(o);
        }
        Ref<> s = steal(type_fullname(t, alt));
        ok = s && append_padded(b, s.get(), width, precision, left);
        break;
      }
      default: {
        err_format(&exc::SystemError, "invalid format string: %s", start);
        return nullptr;
      }
    }
  }
  va_end(ap);
  if (!ok) return nullptr;
  return b.finish();
}

Object* str_from_format(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object* r = str_from_format_v(fmt, ap);
  va_end(ap);
  return r;
}

}  // namespace pyxx
