// Fuzz target: marshal.loads on arbitrary bytes (code objects allowed, as for
// .pyc files). A successful load is dumped again and the dump must load back.
// EOFError / ValueError / TypeError are normal outcomes; crashes, hangs,
// leaks, sanitizer reports and broken error conventions are bugs.
#include <cstddef>
#include <cstdint>
#include "core/error.h"
#include "fuzz_common.h"
#include "modules/marshal.h"
#include "objects/bytes.h"

using namespace pyxx;
using pyxx_fuzz::fail;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pyxx_fuzz::init_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ssize consumed = -1;
  Ref<> v = steal(marshal_loads_ex(reinterpret_cast<const char*>(data), ssize(size), true, &consumed));
  if (!v) {
    if (!err_occurred()) fail("marshal_loads: null without exception", "loads");
    err_clear();
    return 0;
  }
  if (err_occurred()) fail("marshal_loads: result with exception set", "loads");
  if (consumed < 0 || size_t(consumed) > size) fail("marshal_loads: bad consumed count", "loads");
  Ref<> dumped = steal(marshal_dumps_ex(v.get(), kMarshalVersion, true));
  if (!dumped) {  // e.g. too deeply nested: still a clean error
    if (!err_occurred()) fail("marshal_dumps: null without exception", "dumps");
    err_clear();
    return 0;
  }
  Ref<> again = steal(marshal_loads_ex(bytes_data(dumped.get()), bytes_size(dumped.get()), true, nullptr));
  if (!again) fail("marshal.loads(marshal.dumps(loads(x))) failed", "round trip");
  pyxx_fuzz::check_clean("end");
  return 0;
}
