// Stack effects of CPython 3.14's instructions and pseudo-instructions
// (PyCompile_OpcodeStackEffectWithJump): pushed - popped, per the reference's
// instruction definitions. Checked against tests/unit/stack_effect_samples.inc.
#include "compiler/compile.h"
#include "compiler/internal.h"

namespace pyxx {

int stack_effect(int opcode, int oparg, int jump) {
  switch (opcode) {
    // pseudo-ops
    case ANNOTATIONS_PLACEHOLDER: case JUMP: case JUMP_IF_FALSE: case JUMP_IF_TRUE:
    case JUMP_NO_INTERRUPT: case POP_BLOCK: return 0;
    case LOAD_CLOSURE: return 1;
    case STORE_FAST_MAYBE_NULL: return -1;
    case SETUP_CLEANUP: return jump == 0 ? 0 : 2;
    case SETUP_FINALLY: case SETUP_WITH: return jump == 0 ? 0 : 1;

    case BINARY_SLICE: return -2;
    case BUILD_TEMPLATE: return -1;
    case CALL_FUNCTION_EX: return -3;
    case CHECK_EG_MATCH: case CHECK_EXC_MATCH: return 0;
    case CLEANUP_THROW: return -1;
    case DELETE_SUBSCR: return -2;
    case END_FOR: return -1;
    case END_SEND: return -1;
    case EXIT_INIT_CHECK: return -1;
    case FORMAT_SIMPLE: return 0;
    case FORMAT_WITH_SPEC: return -1;
    case GET_AITER: return 0;
    case GET_ANEXT: return 1;
    case GET_ITER: return 0;
    case GET_LEN: return 1;
    case GET_YIELD_FROM_ITER: return 0;
    case INTERPRETER_EXIT: return -1;
    case LOAD_BUILD_CLASS: case LOAD_LOCALS: return 1;
    case MAKE_FUNCTION: return 0;
    case MATCH_KEYS: case MATCH_MAPPING: case MATCH_SEQUENCE: return 1;
    case NOP: case NOT_TAKEN: return 0;
    case POP_EXCEPT: case POP_ITER: case POP_TOP: return -1;
    case PUSH_EXC_INFO: case PUSH_NULL: case RETURN_GENERATOR: return 1;
    case RETURN_VALUE: return 0;
    case SETUP_ANNOTATIONS: return 0;
    case STORE_SLICE: return -4;
    case STORE_SUBSCR: return -3;
    case TO_BOOL: case UNARY_INVERT: case UNARY_NEGATIVE: case UNARY_NOT: return 0;
    case WITH_EXCEPT_START: return 1;
    case BINARY_OP: return -1;
    case BUILD_INTERPOLATION: return -1 - (oparg & 1);
    case BUILD_LIST: case BUILD_SET: case BUILD_SLICE: case BUILD_STRING: case BUILD_TUPLE: return 1 - oparg;
    case BUILD_MAP: return 1 - 2 * oparg;
    case CALL: return -1 - oparg;
    case CALL_INTRINSIC_1: return 0;
    case CALL_INTRINSIC_2: return -1;
    case CALL_KW: return -2 - oparg;
    case COMPARE_OP: case CONTAINS_OP: return -1;
    case CONVERT_VALUE: return 0;
    case COPY: return 1;
    case COPY_FREE_VARS: return 0;
    case DELETE_ATTR: return -1;
    case DELETE_DEREF: case DELETE_FAST: case DELETE_GLOBAL: case DELETE_NAME: return 0;
    case DICT_MERGE: case DICT_UPDATE: return -1;
    case END_ASYNC_FOR: return -2;
    case EXTENDED_ARG: return 0;
    case FOR_ITER: return 1;
    case GET_AWAITABLE: return 0;
    case IMPORT_FROM: return 1;
    case IMPORT_NAME: return -1;
    case IS_OP: return -1;
    case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT: case JUMP_FORWARD: return 0;
    case LIST_APPEND: case LIST_EXTEND: return -1;
    case LOAD_ATTR: return oparg & 1;
    case LOAD_COMMON_CONSTANT: case LOAD_CONST: case LOAD_DEREF: case LOAD_FAST: case LOAD_FAST_AND_CLEAR:
    case LOAD_FAST_BORROW: case LOAD_FAST_CHECK: case LOAD_NAME: case LOAD_SMALL_INT: return 1;
    case LOAD_FAST_BORROW_LOAD_FAST_BORROW: case LOAD_FAST_LOAD_FAST: return 2;
    case LOAD_FROM_DICT_OR_DEREF: case LOAD_FROM_DICT_OR_GLOBALS: return 0;
    case LOAD_GLOBAL: return 1 + (oparg & 1);
    case LOAD_SPECIAL: return 1;
    case LOAD_SUPER_ATTR: return -2 + (oparg & 1);
    case MAKE_CELL: return 0;
    case MAP_ADD: return -2;
    case MATCH_CLASS: return -2;
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case POP_JUMP_IF_TRUE: return -1;
    case RAISE_VARARGS: return -oparg;
    case RERAISE: return -1;
    case SEND: return 0;
    case SET_ADD: case SET_FUNCTION_ATTRIBUTE: case SET_UPDATE: return -1;
    case STORE_ATTR: return -2;
    case STORE_DEREF: case STORE_FAST: case STORE_GLOBAL: case STORE_NAME: return -1;
    case STORE_FAST_LOAD_FAST: return 0;
    case STORE_FAST_STORE_FAST: return -2;
    case SWAP: return 0;
    case UNPACK_EX: return (oparg & 0xFF) + (oparg >> 8);
    case UNPACK_SEQUENCE: return oparg - 1;
    case YIELD_VALUE: return 0;
    case RESUME: return 0;
    default:
      if (opcode >= 0 && opcode < 256 && kOpcodeDeopt[opcode] != opcode) return stack_effect(kOpcodeDeopt[opcode], oparg, jump);
      return 0;
  }
}

namespace compiler {
int stack_effect(int opcode, int oparg, int jump) { return pyxx::stack_effect(opcode, oparg, jump); }
}  // namespace compiler
}  // namespace pyxx
