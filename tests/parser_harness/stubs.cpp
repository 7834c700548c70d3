// Minimal stand-ins for the object layer so the front end can be run and
// compared with the reference before the whole interpreter links. Only what
// the parser and ast_dump use; reprs follow CPython's rules for the literal
// kinds the parser creates. Not part of the pyxx build (see README.md here).
#include <gmp.h>

#include <cmath>
#include <charconv>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode_tables.h"

namespace pyxx {

Type StrType, IntType, BoolType, FloatType, ComplexType, BytesType, TupleType, NoneType, EllipsisType,
    NotImplementedType;
namespace exc {
Type SyntaxError, IndentationError, TabError, ValueError, MemoryError, _IncompleteInputError;
}
Object NoneStruct = {kImmortalRefcnt, &NoneType};
Object EllipsisStruct = {kImmortalRefcnt, &EllipsisType};
Object NotImplementedStruct = {kImmortalRefcnt, &NotImplementedType};
IntObject TrueStruct = {{kImmortalRefcnt, &BoolType}, 1, nullptr};
IntObject FalseStruct = {{kImmortalRefcnt, &BoolType}, 0, nullptr};

namespace {
struct Init {
  Init() {
    StrType.tp_flags = kTpflagsUnicodeSubclass;
    BytesType.tp_flags = kTpflagsBytesSubclass;
    StrType.tp_name = "str";
    BytesType.tp_name = "bytes";
    IntType.tp_name = "int";
    FloatType.tp_name = "float";
    ComplexType.tp_name = "complex";
    TupleType.tp_name = "tuple";
    exc::SyntaxError.tp_name = "SyntaxError";
    exc::IndentationError.tp_name = "IndentationError";
    exc::TabError.tp_name = "TabError";
    exc::ValueError.tp_name = "ValueError";
    exc::MemoryError.tp_name = "MemoryError";
  }
} init_;

struct StubInt : IntObject { std::string* text; };
struct StubTuple : Object { ssize n; Object** items; };

Type* g_err_type = nullptr;
Object* g_err_value = nullptr;

std::string float_repr_str(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::atoi(sci.c_str() + e + 1);
  bool neg = mant[0] == '-';
  if (neg) mant = mant.substr(1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits.push_back(c);
  std::string out;
  if (exp >= -4 && exp < 16) {
    int point = exp + 1;
    if (point <= 0) {
      out = "0." + std::string(size_t(-point), '0') + digits;
    } else if (point >= int(digits.size())) {
      out = digits + std::string(size_t(point - int(digits.size())), '0') + ".0";
    } else {
      out = digits.substr(0, size_t(point)) + "." + digits.substr(size_t(point));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return neg ? "-" + out : out;
}

void put_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) out.push_back(char(cp));
  else if (cp < 0x800) { out.push_back(char(0xC0 | (cp >> 6))); out.push_back(char(0x80 | (cp & 0x3F))); }
  else if (cp < 0x10000) { out.push_back(char(0xE0 | (cp >> 12))); out.push_back(char(0x80 | ((cp >> 6) & 0x3F))); out.push_back(char(0x80 | (cp & 0x3F))); }
  else { out.push_back(char(0xF0 | (cp >> 18))); out.push_back(char(0x80 | ((cp >> 12) & 0x3F))); out.push_back(char(0x80 | ((cp >> 6) & 0x3F))); out.push_back(char(0x80 | (cp & 0x3F))); }
}

Object* make_str(const std::string& utf8) {
  // Count code points, find max.
  ssize n = 0;
  uint32_t maxc = 0;
  const unsigned char* u = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp;
    int len;
    if (u[i] < 0x80) { cp = u[i]; len = 1; }
    else if ((u[i] & 0xE0) == 0xC0) { cp = ((u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F); len = 2; }
    else if ((u[i] & 0xF0) == 0xE0) { cp = ((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F); len = 3; }
    else { cp = ((u[i] & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) | ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F); len = 4; }
    if (cp > maxc) maxc = cp;
    n++;
    i += size_t(len);
  }
  StrObject* s = static_cast<StrObject*>(std::calloc(1, sizeof(StrObject) + size_t(n + 1) * 4));
  s->refcnt = 1;
  s->type = &StrType;
  s->length = n;
  s->hash = -1;
  s->kind = 4;
  s->ascii = maxc < 128;
  s->utf8 = static_cast<char*>(std::malloc(utf8.size() + 1));
  std::memcpy(s->utf8, utf8.data(), utf8.size());
  s->utf8[utf8.size()] = 0;
  s->utf8_length = ssize(utf8.size());
  uint32_t* d = reinterpret_cast<uint32_t*>(s + 1);
  for (size_t i = 0, k = 0; i < utf8.size(); k++) {
    uint32_t cp;
    int len;
    if (u[i] < 0x80) { cp = u[i]; len = 1; }
    else if ((u[i] & 0xE0) == 0xC0) { cp = ((u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F); len = 2; }
    else if ((u[i] & 0xF0) == 0xE0) { cp = ((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F); len = 3; }
    else { cp = ((u[i] & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) | ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F); len = 4; }
    d[k] = cp;
    i += size_t(len);
  }
  return s;
}

std::string str_repr_text(Object* o) {
  StrObject* s = as_str(o);
  uint32_t* d = reinterpret_cast<uint32_t*>(s + 1);
  bool has_sq = false, has_dq = false;
  for (ssize i = 0; i < s->length; i++) {
    if (d[i] == '\'') has_sq = true;
    if (d[i] == '"') has_dq = true;
  }
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(1, q);
  for (ssize i = 0; i < s->length; i++) {
    uint32_t c = d[i];
    if (c == uint32_t(q) || c == '\\') { out.push_back('\\'); out.push_back(char(c)); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7f) { char b[8]; std::snprintf(b, sizeof b, "\\x%02x", c); out += b; }
    else if (c < 0x7f) out.push_back(char(c));
    else if (!unicode::has(c, unicode::kPrintable)) {
      char b[16];
      if (c <= 0xff) std::snprintf(b, sizeof b, "\\x%02x", c);
      else if (c <= 0xffff) std::snprintf(b, sizeof b, "\\u%04x", c);
      else std::snprintf(b, sizeof b, "\\U%08x", c);
      out += b;
    } else put_utf8(out, c);
  }
  out.push_back(q);
  return out;
}
}  // namespace

void dealloc_object(Object* op) { (void)op; }  // leak: harness only

Object* str_from_utf8(const char* data, ssize len) { return make_str(std::string(data, size_t(len))); }
Object* str_from_utf8_surrogatepass(const char* data, ssize len) { return make_str(std::string(data, size_t(len))); }
Object* str_intern(Object* s) { return s; }
Object* str_intern_cstr(const char* s) { return make_str(s); }
std::string_view str_view(Object* s) { return std::string_view(as_str(s)->utf8, size_t(as_str(s)->utf8_length)); }
bool str_eq_cstr(Object* a, const char* s) { return str_view(a) == s; }
Object* str_from_format(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object* a = va_arg(ap, Object*);
  Object* b = va_arg(ap, Object*);
  va_end(ap);
  return make_str(std::string(str_view(a)) + "." + std::string(str_view(b)));
}
StrBuilder::~StrBuilder() { delete static_cast<std::string*>(buf_); }
bool StrBuilder::append_str(Object* s) {
  if (!buf_) buf_ = new std::string();
  static_cast<std::string*>(buf_)->append(str_view(s));
  return true;
}
Object* StrBuilder::finish() {
  Object* r = make_str(buf_ ? *static_cast<std::string*>(buf_) : std::string());
  delete static_cast<std::string*>(buf_);
  buf_ = nullptr;
  return r;
}

Object* int_from_i64(int64_t v) {
  StubInt* o = new StubInt();
  o->refcnt = 1;
  o->type = &IntType;
  o->value = v;
  o->big = nullptr;
  o->text = new std::string(std::to_string(v));
  return o;
}
Object* int_from_string(std::string_view text, int base) {
  std::string t(text);
  mpz_t z;
  mpz_init(z);
  const char* p = t.c_str();
  int b = 10;
  if (t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) { b = 16; p += 2; }
  else if (t.size() > 1 && t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) { b = 8; p += 2; }
  else if (t.size() > 1 && t[0] == '0' && (t[1] == 'b' || t[1] == 'B')) { b = 2; p += 2; }
  mpz_set_str(z, p, b);
  char* s = mpz_get_str(nullptr, 10, z);
  StubInt* o = new StubInt();
  o->refcnt = 1;
  o->type = &IntType;
  o->value = 0;
  o->big = nullptr;
  o->text = new std::string(s);
  free(s);
  mpz_clear(z);
  (void)base;
  return o;
}
Object* float_from_string(std::string_view text) {
  std::string t(text);
  FloatObject* f = new FloatObject();
  f->refcnt = 1;
  f->type = &FloatType;
  f->value = std::strtod(t.c_str(), nullptr);
  return f;
}
Object* complex_from_doubles(double real, double imag) {
  ComplexObject* c = new ComplexObject();
  c->refcnt = 1;
  c->type = &ComplexType;
  c->real = real;
  c->imag = imag;
  return c;
}
bool type_is_subtype(Type* a, Type* b) { return a == b; }
Object* bytes_from(const void* data, ssize len) {
  BytesObject* b = static_cast<BytesObject*>(std::calloc(1, sizeof(BytesObject) + size_t(len) + 1));
  b->refcnt = 1;
  b->type = &BytesType;
  b->size = len;
  if (data) std::memcpy(b->data, data, size_t(len));
  return b;
}
Object* tuple_pack(std::initializer_list<Object*> items) {
  StubTuple* t = new StubTuple();
  t->refcnt = 1;
  t->type = &TupleType;
  t->n = ssize(items.size());
  t->items = new Object*[items.size()];
  ssize i = 0;
  for (Object* o : items) t->items[i++] = o;
  return t;
}

Object* object_repr(Object* o) {
  std::string r;
  if (o == None) r = "None";
  else if (o == True) r = "True";
  else if (o == False) r = "False";
  else if (o == Ellipsis) r = "Ellipsis";
  else if (o->type == &IntType) r = *static_cast<StubInt*>(o)->text;
  else if (o->type == &FloatType) r = float_repr_str(float_value(o));
  else if (o->type == &ComplexType) {
    std::string s = float_repr_str(static_cast<ComplexObject*>(o)->imag);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    r = s + "j";
  } else if (o->type == &StrType) r = str_repr_text(o);
  else if (o->type == &BytesType) {
    BytesObject* b = static_cast<BytesObject*>(o);
    bool sq = false, dq = false;
    for (ssize i = 0; i < b->size; i++) {
      if (b->data[i] == '\'') sq = true;
      if (b->data[i] == '"') dq = true;
    }
    char q = (sq && !dq) ? '"' : '\'';
    r = "b";
    r.push_back(q);
    for (ssize i = 0; i < b->size; i++) {
      unsigned char c = static_cast<unsigned char>(b->data[i]);
      if (c == q || c == '\\') { r.push_back('\\'); r.push_back(char(c)); }
      else if (c == '\t') r += "\\t";
      else if (c == '\n') r += "\\n";
      else if (c == '\r') r += "\\r";
      else if (c < 32 || c >= 127) { char buf[8]; std::snprintf(buf, sizeof buf, "\\x%02x", c); r += buf; }
      else r.push_back(char(c));
    }
    r.push_back(q);
  } else r = "<?>";
  return make_str(r);
}
Object* object_str(Object* o) { return object_repr(o); }

void err_set_object(Type* type, Object* value) {
  g_err_type = type;
  g_err_value = value;
}
void err_set_string(Type* type, const char* msg) {
  g_err_type = type;
  g_err_value = make_str(msg);
}
Type* err_occurred() { return g_err_type; }
bool err_exception_matches(Type* t) {
  if (!g_err_type) return false;
  if (t == &exc::SyntaxError)
    return g_err_type == &exc::SyntaxError || g_err_type == &exc::IndentationError || g_err_type == &exc::TabError;
  return g_err_type == t;
}
void err_clear() { g_err_type = nullptr; g_err_value = nullptr; }
// Pending exception as a 2-tuple (type-as-object, value).
Object* err_get_raised() {
  if (!g_err_type) return nullptr;
  Object* r = tuple_pack({reinterpret_cast<Object*>(g_err_type), g_err_value});
  err_clear();
  return r;
}
void err_set_raised(Object* e) {
  StubTuple* t = static_cast<StubTuple*>(e);
  g_err_type = reinterpret_cast<Type*>(t->items[0]);
  g_err_value = t->items[1];
}

// For the harness driver: formats the pending SyntaxError like the reference script.
std::string harness_format_error() {
  if (!g_err_type) return "NO ERROR";
  if (g_err_value->type != &TupleType) return std::string(g_err_type->tp_name) + " " + std::string(str_view(g_err_value));
  StubTuple* args = static_cast<StubTuple*>(g_err_value);
  StubTuple* loc = static_cast<StubTuple*>(args->items[1]);
  std::string out = std::string(g_err_type->tp_name) + "|" + std::string(str_view(args->items[0]));
  for (int i = 1; i < 6; i++) {
    if (i == 3) continue;
    out += "|" + *static_cast<StubInt*>(loc->items[i])->text;
  }
  out += "|" + str_repr_text(loc->items[3]);
  return out;
}

}  // namespace pyxx
