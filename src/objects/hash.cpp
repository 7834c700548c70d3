// SipHash-1-3 and the hash secret, behaving as CPython 3.14 (Python/pyhash.c,
// Python/bootstrap_hash.c) so that PYTHONHASHSEED=N gives CPython's hash values.
#include "objects/hash.h"
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <sys/random.h>
#include "core/state.h"

namespace pyxx {

static inline uint64_t rotl64(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define PYXX_SIPROUND(v0, v1, v2, v3)                                   \
  do {                                                                  \
    v0 += v1; v2 += v3; v1 = rotl64(v1, 13) ^ v0; v3 = rotl64(v3, 16) ^ v2; \
    v0 = rotl64(v0, 32);                                                \
    v2 += v1; v0 += v3; v1 = rotl64(v1, 17) ^ v2; v3 = rotl64(v3, 21) ^ v0; \
    v2 = rotl64(v2, 32);                                                \
  } while (0)

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, ssize len) {
  const uint8_t* in = static_cast<const uint8_t*>(data);
  uint64_t b = uint64_t(len) << 56;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = k1 ^ 0x7465646279746573ULL;
  while (len >= 8) {
    uint64_t m;
    std::memcpy(&m, in, 8);  // little-endian host (x86-64/aarch64)
    in += 8; len -= 8;
    v3 ^= m;
    PYXX_SIPROUND(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t t = 0;
  for (ssize i = 0; i < len; i++) t |= uint64_t(in[i]) << (8 * i);
  b |= t;
  v3 ^= b;
  PYXX_SIPROUND(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  PYXX_SIPROUND(v0, v1, v2, v3);
  PYXX_SIPROUND(v0, v1, v2, v3);
  PYXX_SIPROUND(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

Hash hash_bytes(const void* data, ssize len) {
  if (len == 0) return 0;
  Interpreter* interp = interp_get();
  Hash x = Hash(siphash13(interp->siphash_k0, interp->siphash_k1, data, len));
  return x == -1 ? -2 : x;
}

// CPython's lcg_urandom: a Microsoft-style LCG producing one byte per step.
static void lcg_bytes(uint32_t x, uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    x = x * 214013u + 2531011u;
    out[i] = uint8_t((x >> 16) & 0xff);
  }
}

void init_hash_secret(Interpreter* interp, bool have_seed, uint64_t seed) {
  uint8_t secret[24] = {0};  // sizeof(_Py_HashSecret_t) on 64-bit
  if (have_seed) {
    interp->hash_seed = int64_t(seed);
    if (seed != 0) lcg_bytes(uint32_t(seed), secret, sizeof secret);
  } else {
    interp->hash_seed = 0;
    size_t got = 0;
    while (got < sizeof secret) {
      ssize_t r = getrandom(secret + got, sizeof secret - got, 0);
      if (r <= 0) break;
      got += size_t(r);
    }
    if (got < sizeof secret) {
      int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
      if (fd >= 0) {
        while (got < sizeof secret) {
          ssize_t r = read(fd, secret + got, sizeof secret - got);
          if (r <= 0) break;
          got += size_t(r);
        }
        close(fd);
      }
    }
  }
  std::memcpy(&interp->siphash_k0, secret, 8);
  std::memcpy(&interp->siphash_k1, secret + 8, 8);
}

}  // namespace pyxx
