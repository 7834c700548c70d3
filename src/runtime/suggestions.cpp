// Name suggestions (Lib/traceback.py _compute_suggestion_error and
// Python/suggestions.c): Levenshtein distance with case-insensitive
// substitutions costing less, over the names visible where the error happened.
#include "runtime/suggestions.h"
#include <algorithm>
#include <climits>
#include <cstring>
#include <vector>
#include "core/abstract.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"

namespace pyxx {
namespace {

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;

using U32 = std::u32string;

U32 to_u32(Object* s) {
  U32 out;
  ssize n = str_length(s);
  out.reserve(size_t(n));
  for (ssize i = 0; i < n; ++i) out.push_back(str_char_at(s, i));
  return out;
}

char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

int substitution_cost(char32_t a, char32_t b) {
  if (a == b) return 0;
  if (ascii_lower(a) == ascii_lower(b)) return kCaseCost;
  return kMoveCost;
}

int levenshtein(U32 a, U32 b, int max_cost) {
  if (a == b) return 0;
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  a = a.substr(pre);
  b = b.substr(pre);
  while (!a.empty() && !b.empty() && a.back() == b.back()) { a.pop_back(); b.pop_back(); }
  if (a.empty() || b.empty()) return kMoveCost * int(a.size() + b.size());
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if (int(b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<int> row(a.size());
  for (size_t i = 0; i < a.size(); ++i) row[i] = kMoveCost * int(i + 1);
  int result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char32_t bc = b[bi];
    int distance = result = int(bi) * kMoveCost;
    int minimum = INT_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      int substitute = distance + substitution_cost(bc, a[i]);
      distance = row[i];
      int insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// Closest candidate to `wrong` or null (borrowed from `candidates`, a list of str).
Object* closest(Object* candidates, Object* wrong) {
  ssize n = list_size(candidates);
  if (size_t(n) > kMaxCandidateItems) return nullptr;
  U32 w = to_u32(wrong);
  if (w.size() > kMaxStringSize) return nullptr;
  int best = int(w.size());
  Object* suggestion = nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* cand = list_get(candidates, i);
    if (!str_check(cand)) continue;
    if (str_eq(cand, wrong)) continue;
    U32 c = to_u32(cand);
    int max_distance = int((c.size() + w.size() + 3) * kMoveCost / 6);
    max_distance = std::min(max_distance, best - 1);
    int d = levenshtein(w, c, max_distance);
    if (d > max_distance) continue;
    if (!suggestion || d < best) {
      suggestion = cand;
      best = d;
    }
  }
  return suggestion;
}

// sorted(x for x in obj.__dir__() if isinstance(x, str))
Object* safe_dir(Object* obj) {
  Ref<> d = steal(call_method_str(obj, "__dir__"));
  if (!d) {
    if (!err_exception_matches(&exc::TypeError)) return nullptr;
    err_clear();
    Ref<> meth = steal(object_getattr_str(obj->type, "__dir__"));
    if (!meth) return nullptr;
    d = steal(call_one_arg(meth.get(), obj));
    if (!d) return nullptr;
  }
  Ref<> all = steal(sequence_list(d.get()));
  if (!all) return nullptr;
  Ref<> out = steal(list_new(0));
  if (!out) return nullptr;
  for (ssize i = 0; i < list_size(all.get()); ++i)
    if (str_check(list_get(all.get(), i)) && list_append(out.get(), list_get(all.get(), i)) < 0) return nullptr;
  if (list_sort(out.get()) < 0) return nullptr;
  return out.release();
}

Object* drop_underscored(Object* names) {
  Ref<> out = steal(list_new(0));
  if (!out) return nullptr;
  for (ssize i = 0; i < list_size(names); ++i) {
    Object* s = list_get(names, i);
    if (str_length(s) > 0 && str_char_at(s, 0) == '_') continue;
    if (list_append(out.get(), s) < 0) return nullptr;
  }
  return out.release();
}

InterpreterFrame* last_frame(Object* exc) {
  auto* tb = static_cast<TracebackObject*>(exception_get_traceback(exc));
  if (!tb) return nullptr;
  while (tb->tb_next) tb = tb->tb_next;
  auto* fo = static_cast<FrameObject*>(tb->tb_frame);
  return fo ? fo->f_frame : nullptr;
}

bool is_stdlib_module_name(Object* name) {
  static const char* const kNames[] = {
#include "modules/stdlib_module_names.inc"
  };
  std::string_view n = str_view(name);
  for (const char* s : kNames) if (n == s) return true;
  return false;
}

// Returns a new reference to the suggested name, or null (no error) when none.
Object* compute_suggestion(Object* exc, Object* wrong) {
  Ref<> candidates;
  if (err_given_exception_matches(exc, &exc::AttributeError)) {
    Object* obj = static_cast<AttributeErrorObject*>(exc)->obj;
    if (!obj) return nullptr;
    candidates = steal(safe_dir(obj));
    if (!candidates) return nullptr;
    bool hide = !(str_length(wrong) > 0 && str_char_at(wrong, 0) == '_');
    if (hide) {
      if (InterpreterFrame* f = last_frame(exc)) {
        Ref<> locals = steal(frame_get_locals(f));
        if (!locals) return nullptr;
        Object* self = mapping_check(locals.get()) && dict_check(locals.get()) ? dict_getitem_str(locals.get(), "self") : nullptr;
        if (self == obj) hide = false;
      }
    }
    if (hide) candidates = steal(drop_underscored(candidates.get()));
  } else if (err_given_exception_matches(exc, &exc::ImportError)) {
    Object* name = static_cast<ImportErrorObject*>(exc)->name;
    if (!name || !str_check(name)) return nullptr;
    Object* mod = dict_getitem(interp_get()->modules, name);
    if (!mod) return nullptr;
    candidates = steal(safe_dir(mod));
    if (!candidates) return nullptr;
    if (!(str_length(wrong) > 0 && str_char_at(wrong, 0) == '_')) candidates = steal(drop_underscored(candidates.get()));
  } else {
    InterpreterFrame* f = last_frame(exc);
    if (!f) return nullptr;
    Ref<> locals = steal(frame_get_locals(f));
    if (!locals) return nullptr;
    candidates = steal(list_new(0));
    if (!candidates) return nullptr;
    for (Object* d : {locals.get(), f->f_globals, f->f_builtins}) {
      if (!d || !dict_check(d)) continue;
      ssize pos = 0;
      Object *k, *v;
      while (dict_next(d, &pos, &k, &v))
        if (str_check(k) && list_append(candidates.get(), k) < 0) return nullptr;
    }
    if (dict_check(locals.get())) {
      if (Object* self = dict_getitem_str(locals.get(), "self")) {
        int has = object_hasattr(self, wrong);
        if (has < 0) err_clear();
        if (has > 0) return str_from_format("self.%U", wrong);
      }
    }
  }
  if (!candidates) return nullptr;
  return xnew_ref(closest(candidates.get(), wrong));
}

}  // namespace

const char* suggest_keyword(const char* const* names, int n, Object* wrong) {
  if (!str_check(wrong) || size_t(n) >= kMaxCandidateItems) return nullptr;
  // Python/suggestions.c compares UTF-8 bytes.
  ssize wlen = 0;
  const char* ws = str_as_utf8(wrong, &wlen);
  if (!ws) { err_clear(); return nullptr; }
  U32 w(ws, ws + wlen);
  const char* best = nullptr;
  int best_distance = INT_MAX;
  for (int i = 0; i < n; ++i) {
    U32 c(names[i], names[i] + std::strlen(names[i]));
    if (c == w) continue;
    int max_distance = int((w.size() + c.size() + 3) * kMoveCost / 6);
    if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
    int d = levenshtein(w, c, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) { best = names[i]; best_distance = d; }
  }
  return best;
}

std::string exception_suggestion_suffix(Object* exc) {
  Object* saved = err_get_raised();
  std::string suffix;
  Object* wrong = nullptr;
  bool is_name_error = false;
  if (err_given_exception_matches(exc, &exc::ImportError)) {
    wrong = static_cast<ImportErrorObject*>(exc)->name_from;
  } else if (err_given_exception_matches(exc, &exc::NameError)) {
    wrong = static_cast<NameErrorObject*>(exc)->name;
    is_name_error = true;
  } else if (err_given_exception_matches(exc, &exc::AttributeError)) {
    wrong = static_cast<AttributeErrorObject*>(exc)->name;
  }
  if (wrong && str_check(wrong)) {
    Ref<> s = steal(compute_suggestion(exc, wrong));
    err_clear();
    if (s) suffix = ". Did you mean: '" + std::string(str_view(s.get())) + "'?";
    if (is_name_error && is_stdlib_module_name(wrong)) {
      if (s) suffix += " Or did you forget to import '" + std::string(str_view(wrong)) + "'?";
      else suffix = ". Did you forget to import '" + std::string(str_view(wrong)) + "'?";
    }
  }
  err_clear();
  if (saved) err_set_raised(saved);
  return suffix;
}

}  // namespace pyxx
