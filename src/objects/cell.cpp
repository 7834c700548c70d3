// cell objects: the shared boxes behind closures (MAKE_CELL / LOAD_DEREF).
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/function.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

Type CellType;

Object* cell_new(Object* value) {
  auto* c = static_cast<CellObject*>(object_alloc(&CellType, sizeof(CellObject)));
  if (!c) return nullptr;
  c->ref = xnew_ref(value);
  gc_track(c);
  return c;
}

static void cell_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<CellObject*>(self)->ref);
  object_free(self);
}

static int cell_traverse(Object* self, VisitProc visit, void* arg) {
  Object* r = static_cast<CellObject*>(self)->ref;
  return r ? visit(r, arg) : 0;
}

static int cell_clear(Object* self) {
  clear_ref(static_cast<CellObject*>(self)->ref);
  return 0;
}

static Object* cell_repr(Object* self) {
  Object* r = static_cast<CellObject*>(self)->ref;
  if (!r) return str_from_format("<cell at %p: empty>", self);
  return str_from_format("<cell at %p: %.80s object at %p>", self, type_name(r->type), r);
}

static Object* cell_richcompare(Object* a, Object* b, int op) {
  if (!cell_check(a) || !cell_check(b)) return new_ref(NotImplemented);
  Object* x = static_cast<CellObject*>(a)->ref;
  Object* y = static_cast<CellObject*>(b)->ref;
  if (x && y) return object_richcompare(x, y, op);
  // Empty cells sort before full ones.
  int cx = x != nullptr, cy = y != nullptr;
  bool r = false;
  switch (op) {
    case kLT: r = cx < cy; break;
    case kLE: r = cx <= cy; break;
    case kEQ: r = cx == cy; break;
    case kNE: r = cx != cy; break;
    case kGT: r = cx > cy; break;
    case kGE: r = cx >= cy; break;
  }
  return new_ref(bool_from(r));
}

static Object* cell_get_contents(Object* self, void*) {
  Object* r = static_cast<CellObject*>(self)->ref;
  if (!r) return err_string(&exc::ValueError, "Cell is empty");
  return new_ref(r);
}
static int cell_set_contents(Object* self, Object* v, void*) {
  xset_ref(static_cast<CellObject*>(self)->ref, xnew_ref(v));
  return 0;
}

static Object* cell_tp_new(Type*, Object* args, Object* kwds) {
  if (kwds) {
    if (dict_size(kwds) > 0) return err_string(&exc::TypeError, "cell() takes no keyword arguments");
  }
  ssize n = tuple_size(args);
  if (n > 1) return err_format(&exc::TypeError, "cell expected at most 1 argument, got %zd", n);
  return cell_new(n ? tuple_get(args, 0) : nullptr);
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

void init_cell_types() {
  CellType.tp_name = "cell";
  CellType.tp_basicsize = sizeof(CellObject);
  CellType.tp_dealloc = cell_dealloc;
  CellType.tp_traverse = cell_traverse;
  CellType.tp_clear = cell_clear;
  CellType.tp_repr = cell_repr;
  CellType.tp_richcompare = cell_richcompare;
  CellType.tp_hash = hash_not_implemented;
  CellType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  CellType.tp_getattro = object_generic_getattr;
  CellType.tp_getset = cell_getset;
  CellType.tp_new = cell_tp_new;
  CellType.tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and further attempts to access its cell_contents attribute will\n    raise a ValueError.";
}

}  // namespace pyxx
