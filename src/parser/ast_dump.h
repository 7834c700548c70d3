// ast_dump(): text identical to the reference's ast.dump(tree,
// include_attributes=...) with default indent=None (parser/ast_dump.cpp).
#pragma once
#include <string>
#include "parser/ast_nodes.h"

namespace pyxx {
std::string ast_dump(const ast::Mod* mod, bool include_attributes);
}  // namespace pyxx
