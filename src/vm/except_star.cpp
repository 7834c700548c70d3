// INTRINSIC_PREP_RERAISE_STAR with CPython's semantics: the exceptions left
// after the except* clauses ran are split into re-raised ones (same
// traceback/context/cause/notes as the original group: they are parts of it)
// and newly raised ones. The re-raised leaves are projected back onto the
// original group's nesting structure (derive() copies), and the result is
// that projection alone, the one raised exception, or a new
// ExceptionGroup("", [raised..., projection]).
#include "vm/except_star.h"

#include <unordered_set>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

namespace {

bool is_group(Object* e) { return type_is_subtype(e->type, &exc::BaseExceptionGroup); }

bool same_metadata(Object* a, Object* b) {
  auto* x = static_cast<BaseExceptionObject*>(a);
  auto* y = static_cast<BaseExceptionObject*>(b);
  return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

int collect_leaf_ids(Object* e, std::unordered_set<Object*>& ids) {
  if (e == None) return 0;
  if (!is_group(e)) {
    ids.insert(e);
    return 0;
  }
  Object* excs = static_cast<BaseExceptionGroupObject*>(e)->excs;
  for (ssize i = 0; i < tuple_size(excs); i++) {
    if (enter_recursive_call(" in collect_exception_group_leaf_ids") < 0) return -1;
    int r = collect_leaf_ids(tuple_get(excs, i), ids);
    leave_recursive_call();
    if (r < 0) return -1;
  }
  return 0;
}

// eg.derive(excs) with eg's traceback, context, cause and a copy of its notes
// (CPython's exceptiongroup_subset).
Object* subset(Object* eg, Object* excs) {
  auto res = Ref<Object>::steal(call_method_str(eg, "derive", {excs}));
  if (!res) return nullptr;
  if (!is_group(res.get())) return err_string(&exc::TypeError, "derive must return an instance of BaseExceptionGroup");
  if (Object* tb = exception_get_traceback(eg)) exception_set_traceback(res.get(), tb);
  exception_set_context(res.get(), xnew_ref(exception_get_context(eg)));
  exception_set_cause(res.get(), xnew_ref(exception_get_cause(eg)));
  auto name = Ref<Object>::steal(str_intern_cstr("__notes__"));
  Object* notes = nullptr;
  int r = object_lookup_attr(eg, name.get(), &notes);
  if (r < 0) return nullptr;
  if (r > 0) {
    auto keep = Ref<Object>::steal(notes);
    if (sequence_check(notes)) {
      auto copy = Ref<Object>::steal(sequence_list(notes));
      if (!copy || object_setattr(res.get(), name.get(), copy.get()) < 0) return nullptr;
    }
  }
  return res.release();
}

// The part of e whose leaves are in ids (nullptr with no error: nothing).
int split_by_ids(Object* e, const std::unordered_set<Object*>& ids, Object** match) {
  *match = nullptr;
  if (!is_group(e)) {
    if (ids.count(e)) *match = new_ref(e);
    return 0;
  }
  auto mlist = Ref<Object>::steal(list_new(0));
  if (!mlist) return -1;
  Object* excs = static_cast<BaseExceptionGroupObject*>(e)->excs;
  for (ssize i = 0; i < tuple_size(excs); i++) {
    Object* m = nullptr;
    if (enter_recursive_call(" in exceptiongroup_split_recursive") < 0) return -1;
    int r = split_by_ids(tuple_get(excs, i), ids, &m);
    leave_recursive_call();
    if (r < 0) return -1;
    if (m && list_append_steal(mlist.get(), m) < 0) return -1;
  }
  if (list_size(mlist.get()) > 0 && !(*match = subset(e, mlist.get()))) return -1;
  return 0;
}

}  // namespace

Object* exc_prep_reraise_star(Object* orig, Object* excs) {
  ssize n = list_size(excs);
  if (n == 0) return new_ref(None);
  if (!is_group(orig)) {
    // a naked exception was wrapped: at most one clause ran
    return new_ref(list_get(excs, 0));
  }
  auto raised = Ref<Object>::steal(list_new(0));
  std::unordered_set<Object*> ids;
  if (!raised) return nullptr;
  for (ssize i = 0; i < n; i++) {
    Object* e = list_get(excs, i);
    if (e == None) continue;
    if (same_metadata(e, orig)) {
      if (collect_leaf_ids(e, ids) < 0) return nullptr;
    } else if (list_append(raised.get(), e) < 0) {
      return nullptr;
    }
  }
  Object* proj = nullptr;
  if (split_by_ids(orig, ids, &proj) < 0) return nullptr;
  auto reraised = Ref<Object>::steal(proj ? proj : new_ref(None));
  if (list_size(raised.get()) == 0) return reraised.release();
  if (reraised.get() != None && list_append(raised.get(), reraised.get()) < 0) return nullptr;
  if (list_size(raised.get()) == 1) return new_ref(list_get(raised.get(), 0));
  auto msg = Ref<Object>::steal(str_empty());
  if (!msg) return nullptr;
  return call_args(&exc::BaseExceptionGroup, {msg.get(), raised.get()});
}

}  // namespace pyxx
