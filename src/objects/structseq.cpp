// Struct sequences: a tuple whose first n_in_sequence items are visible to
// len()/indexing, the rest stored after them and read through member
// descriptors, with repr "name(field=value, ...)" as CPython's structseq.c.
#include "objects/structseq.h"
#include <cstring>
#include <string>
#include <vector>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {
namespace {

StructSeqType* seq_type(Object* o) { return reinterpret_cast<StructSeqType*>(o->type); }

void structseq_dealloc(Object* op) {
  auto* t = static_cast<TupleObject*>(op);
  int n = seq_type(op)->n_fields;
  gc_untrack(op);
  for (int i = 0; i < n; ++i) xdecref(t->items[i]);
  object_free(op);
}

Object* structseq_repr(Object* self) {
  StructSeqType* st = seq_type(self);
  std::string out = st->base.tp_name;
  size_t dot = out.rfind('.');
  (void)dot;
  StrBuilder b;
  if (!b.append_utf8(out) || !b.append_char('(')) return nullptr;
  for (int i = 0; i < st->desc->n_in_sequence; ++i) {
    if (i && !b.append_ascii(", ")) return nullptr;
    if (!b.append_utf8(st->desc->fields[i].name) || !b.append_char('=')) return nullptr;
    Ref<> r = steal(object_repr(tuple_get(self, i)));
    if (!r || !b.append_str(r.get())) return nullptr;
  }
  if (!b.append_char(')')) return nullptr;
  return b.finish();
}

// structseq(sequence, dict=None): the visible fields from the sequence, the
// others from the sequence's tail or the dict (None when absent).
Object* structseq_new_from_python(Type* type, Object* args, Object* kwds) {
  static const char* const names[] = {"sequence", "dict"};
  static const ArgSpec spec{"structseq", names, 2, 0, 1, 0};
  Ref<> kwnames;
  std::vector<Object*> flat(tuple_items(args), tuple_items(args) + tuple_size(args));
  if (kwds && dict_size(kwds)) {
    kwnames = steal(tuple_new(dict_size(kwds)));
    if (!kwnames) return nullptr;
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      tuple_init_item(kwnames.get(), i++, new_ref(k));
      flat.push_back(v);
    }
  }
  Object* a[2];
  if (!bind_args(spec, flat.data(), tuple_size(args), kwnames.get(), a)) return nullptr;
  StructSeqType* st = reinterpret_cast<StructSeqType*>(type);
  Ref<> seq = steal(sequence_tuple(a[0]));
  if (!seq) return nullptr;
  Object* dict = a[1] && a[1] != None ? a[1] : nullptr;
  if (dict && !dict_check(dict))
    return err_format(&exc::TypeError, "%.500s() takes a dict as second arg, if any", type->tp_name);
  ssize len = tuple_size(seq.get());
  ssize min_len = st->desc->n_in_sequence, max_len = st->n_fields;
  if (len < min_len || len > max_len) {
    if (min_len == max_len)
      return err_format(&exc::TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)", type->tp_name, min_len, len);
    if (len < min_len)
      return err_format(&exc::TypeError, "%.500s() takes an at least %zd-sequence (%zd-sequence given)", type->tp_name, min_len, len);
    return err_format(&exc::TypeError, "%.500s() takes an at most %zd-sequence (%zd-sequence given)", type->tp_name, max_len, len);
  }
  Object* o = structseq_new(st);
  if (!o) return nullptr;
  for (ssize i = 0; i < max_len; ++i) {
    Object* v = i < len ? tuple_get(seq.get(), i) : nullptr;
    if (!v && dict) v = dict_getitem_str(dict, st->desc->fields[i].name);
    structseq_set_item(o, int(i), new_ref(v ? v : None));
  }
  return o;
}

}  // namespace

int structseq_init_type(StructSeqType* t, const StructSeqDesc* desc) {
  int n = 0;
  while (desc->fields[n].name) ++n;
  if (n >= int(sizeof(t->members) / sizeof(t->members[0]))) {
    err_string(&exc::SystemError, "too many struct sequence fields");
    return -1;
  }
  t->desc = desc;
  t->n_fields = n;
  for (int i = 0; i < n; ++i) {
    t->members[i] = MemberDef{desc->fields[i].name, MemberKind::Object,
                              ssize(offsetof(TupleObject, items) + sizeof(Object*) * size_t(i)), kMemberReadonly,
                              desc->fields[i].doc};
  }
  t->members[n] = MemberDef{nullptr, MemberKind::Object, 0, 0, nullptr};
  Type& ty = t->base;
  ty.refcnt = kImmortalRefcnt;
  ty.type = &TypeType;
  ty.tp_name = desc->name;
  ty.tp_doc = desc->doc;
  ty.tp_basicsize = ssize(offsetof(TupleObject, items));
  ty.tp_itemsize = sizeof(Object*);
  ty.tp_dealloc = structseq_dealloc;
  ty.tp_repr = structseq_repr;
  ty.tp_members = t->members;
  ty.tp_base = &TupleType;
  ty.tp_new = desc->disallow_instantiation ? nullptr : structseq_new_from_python;
  ty.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsTupleSubclass | kTpflagsImmutableType |
                (desc->disallow_instantiation ? (unsigned long)kTpflagsDisallowInstantiation : 0UL);
  if (type_ready(&ty) < 0) return -1;
  Object* dict = ty.tp_dict;
  Ref<> nf = steal(int_from_i64(n));
  Ref<> ns = steal(int_from_i64(desc->n_in_sequence));
  Ref<> nu = steal(int_from_i64(0));
  if (!nf || !ns || !nu || dict_setitem_str(dict, "n_fields", nf.get()) < 0 ||
      dict_setitem_str(dict, "n_sequence_fields", ns.get()) < 0 ||
      dict_setitem_str(dict, "n_unnamed_fields", nu.get()) < 0)
    return -1;
  // __match_args__ lists the visible fields, as CPython's structseq.
  Ref<> args = steal(tuple_new(desc->n_in_sequence));
  if (!args) return -1;
  for (int i = 0; i < desc->n_in_sequence; ++i) {
    Object* s = str_intern_cstr(desc->fields[i].name);
    if (!s) return -1;
    tuple_init_item(args.get(), i, s);
  }
  if (dict_setitem_str(dict, "__match_args__", args.get()) < 0) return -1;
  type_modified(&ty);
  return 0;
}

Object* structseq_new(StructSeqType* t) {
  Object* o = object_alloc_zeroed(&t->base, offsetof(TupleObject, items) + sizeof(Object*) * size_t(t->n_fields));
  if (!o) return nullptr;
  auto* tup = static_cast<TupleObject*>(o);
  tup->size = t->desc->n_in_sequence;
  tup->hash_cache = -1;
  return o;
}

void structseq_set_item(Object* seq, int i, Object* steal_value) {
  static_cast<TupleObject*>(seq)->items[i] = steal_value;
}

}  // namespace pyxx
