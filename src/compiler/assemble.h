// Assembler entry point (compiler/assemble.cpp).
#pragma once
#include "compiler/internal.h"

namespace pyxx::compiler {
// instrs: real opcodes only; Instr::target = index of the target instruction,
// Instr::except_handler = index of the handler instruction (or -1).
[[nodiscard]] Object* assemble_code(std::vector<Instr>& instrs, UnitMetadata& md, Object* filename, int stackdepth,
                                    Object* localsplusnames, Object* localspluskinds, int nlocalsplus);
}  // namespace pyxx::compiler
