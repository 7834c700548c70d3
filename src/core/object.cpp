// Deallocation entry point and the recursive-repr guard.
#include "core/object.h"
#include "core/error.h"
#include "core/state.h"
#include "core/type.h"
#include "objects/list.h"

namespace pyxx {

void dealloc_object(Object* op) {
  Type* type = op->type;
  type->tp_dealloc(op);
}

int repr_enter(Object* obj) {
  ThreadState* ts = tstate_get();
  if (!ts->repr_running) {
    ts->repr_running = list_new(0);
    if (!ts->repr_running) return -1;
  }
  Object* list = ts->repr_running;
  ssize n = list_size(list);
  for (ssize i = n - 1; i >= 0; --i)
    if (list_get(list, i) == obj) return 1;
  return list_append(list, obj) < 0 ? -1 : 0;
}

void repr_leave(Object* obj) {
  ThreadState* ts = tstate_get();
  Object* list = ts->repr_running;
  if (!list) return;
  // Preserve a pending exception across the list mutation.
  Object* exc = err_get_raised();
  for (ssize i = list_size(list) - 1; i >= 0; --i) {
    if (list_get(list, i) == obj) {
      Object* item = list_get(list, i);
      Object** items = list_items(list);
      for (ssize j = i; j + 1 < list_size(list); ++j) items[j] = items[j + 1];
      static_cast<ListObject*>(list)->size -= 1;
      decref(item);
      break;
    }
  }
  if (exc) err_set_raised(exc);
}

}  // namespace pyxx
