// Every header that declares a static type listed in static_types.inc.
#pragma once
#include "modules/sys.h"
#include "objects/builtin_iters.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/super.h"
#include "objects/mappingproxy.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/generator.h"  // needed by vm (GenType, CoroType, AsyncGenType)
#include "vm/frame.h"           // needed by vm (FrameType, init_traceback_types)
#include "objects/namespace.h"
#include "objects/typevar.h"  // compiler area: PEP 695 objects
#include "objects/genericalias.h"  // genericalias area: types.GenericAlias
#include "objects/union.h"  // genericalias area: typing.Union (int | str)
