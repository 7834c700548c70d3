// except* support: CPython's _PyExc_PrepReraiseStar (INTRINSIC_PREP_RERAISE_STAR).
#pragma once
#include "core/object.h"

namespace pyxx {

// orig: the exception caught by the try/except* statement; excs: list of the
// exceptions raised or re-raised by its except* clauses (None entries allowed).
// Returns the exception to re-raise (new reference), None, or nullptr on error.
[[nodiscard]] Object* exc_prep_reraise_star(Object* orig, Object* excs);

}  // namespace pyxx
