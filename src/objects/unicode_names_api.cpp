// Unicode character names: decoding of the generated name tables
// (objects/unicode_names.cpp) plus the algorithmic names (Hangul syllables,
// PREFIX-<hex> ranges such as CJK UNIFIED IDEOGRAPH-4E00), as unicodedata.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>
#include "objects/str.h"
#include "objects/unicode_tables.h"

namespace pyxx::unicode {

extern const char kNameWords[];
extern const unsigned kNameWordsSize;
extern const unsigned char kNameBlob[];
extern const unsigned kNameBlobSize;
extern const unsigned kNameCount;
extern const NameRange kNameRanges[];
extern const unsigned kNameRangeCount;

namespace {
// Immutable indexes built on first use (process-wide, like the tables).
struct NameIndex {
  std::vector<const char*> words;
  std::vector<uint32_t> cps;       // sorted
  std::vector<uint32_t> offsets;   // offset of each entry's byte count in kNameBlob
  std::unordered_map<std::string, uint32_t> by_name;
  bool by_name_built = false;
};

NameIndex& index() {
  static NameIndex* idx = [] {
    auto* x = new NameIndex();
    const char* p = kNameWords;
    const char* end = kNameWords + kNameWordsSize;
    while (p <= end) {
      x->words.push_back(p);
      p += std::strlen(p) + 1;
    }
    x->cps.reserve(kNameCount);
    x->offsets.reserve(kNameCount);
    uint32_t cp = uint32_t(-1);
    for (unsigned i = 0; i < kNameBlobSize;) {
      uint32_t d = 0;
      int shift = 0;
      for (;;) {
        unsigned char b = kNameBlob[i++];
        d |= uint32_t(b & 0x7F) << shift;
        shift += 7;
        if (!(b & 0x80)) break;
      }
      cp += d;
      x->cps.push_back(cp);
      x->offsets.push_back(i);
      i += 1 + kNameBlob[i];
    }
    return x;
  }();
  return *idx;
}

const char* const kJamoL[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kJamoV[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                              "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kJamoT[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
                              "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};
constexpr uint32_t kSBase = 0xAC00, kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

void decode_entry(const NameIndex& x, size_t k, std::string* out) {
  unsigned off = x.offsets[k];
  unsigned n = kNameBlob[off];
  const unsigned char* c = kNameBlob + off + 1;
  out->clear();
  for (unsigned i = 0; i < n;) {
    unsigned w = c[i++];
    if (w & 0x80) w = ((w & 0x7F) << 8) | c[i++];
    if (!out->empty()) out->push_back(' ');
    out->append(x.words[w]);
  }
}

// Longest jamo short name of `table` that prefixes s at *pos.
int match_jamo(const char* const* table, int count, std::string_view s, size_t* pos) {
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < count; i++) {
    size_t l = std::strlen(table[i]);
    if (l >= best_len && s.substr(*pos, l) == table[i] && (best < 0 || l > best_len)) {
      best = i;
      best_len = l;
    }
  }
  if (best >= 0) *pos += best_len;
  return best;
}
}  // namespace

bool name_of(uint32_t cp, std::string* out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    uint32_t s = cp - kSBase;
    *out = "HANGUL SYLLABLE ";
    out->append(kJamoL[s / kNCount]);
    out->append(kJamoV[(s % kNCount) / kTCount]);
    out->append(kJamoT[s % kTCount]);
    return true;
  }
  for (unsigned i = 0; i < kNameRangeCount; i++) {
    if (cp >= kNameRanges[i].first && cp <= kNameRanges[i].last) {
      char buf[16];
      std::snprintf(buf, sizeof buf, cp < 0x10000 ? "-%04X" : "-%05X", unsigned(cp));
      *out = kNameRanges[i].prefix;
      out->append(buf);
      return true;
    }
  }
  NameIndex& x = index();
  auto it = std::lower_bound(x.cps.begin(), x.cps.end(), cp);
  if (it == x.cps.end() || *it != cp) return false;
  decode_entry(x, size_t(it - x.cps.begin()), out);
  return true;
}

bool lookup_name(std::string_view name, uint32_t* cp) {
  std::string up(name);
  for (char& c : up) if (c >= 'a' && c <= 'z') c = char(c - 32);
  std::string_view u(up);
  if (u.substr(0, 16) == "HANGUL SYLLABLE ") {
    size_t pos = 16;
    int l = match_jamo(kJamoL, kLCount, u, &pos);
    int v = match_jamo(kJamoV, kVCount, u, &pos);
    int t = match_jamo(kJamoT, kTCount, u, &pos);
    if (l >= 0 && v >= 0 && t >= 0 && pos == u.size()) {
      *cp = kSBase + (uint32_t(l) * kVCount + uint32_t(v)) * kTCount + uint32_t(t);
      return true;
    }
    return false;
  }
  size_t dash = u.rfind('-');
  if (dash != std::string_view::npos) {
    std::string_view prefix = u.substr(0, dash), hex = u.substr(dash + 1);
    if (hex.size() >= 4 && hex.size() <= 5) {
      uint32_t v = 0;
      bool ok = true;
      for (char c : hex) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) { ok = false; break; }
        v = v * 16 + uint32_t(d);
      }
      if (ok) {
        for (unsigned i = 0; i < kNameRangeCount; i++) {
          if (prefix == kNameRanges[i].prefix && v >= kNameRanges[i].first && v <= kNameRanges[i].last) {
            char buf[16];
            std::snprintf(buf, sizeof buf, v < 0x10000 ? "%04X" : "%05X", unsigned(v));
            if (hex != buf) return false;
            *cp = v;
            return true;
          }
        }
      }
    }
  }
  NameIndex& x = index();
  if (!x.by_name_built) {
    x.by_name.reserve(x.cps.size());
    std::string tmp;
    for (size_t k = 0; k < x.cps.size(); k++) {
      decode_entry(x, k, &tmp);
      x.by_name.emplace(tmp, x.cps[k]);
    }
    x.by_name_built = true;
  }
  auto it = x.by_name.find(up);
  if (it == x.by_name.end()) return false;
  *cp = it->second;
  return true;
}

}  // namespace pyxx::unicode

namespace pyxx {
bool unicode_char_name(uint32_t cp, std::string* out) { return unicode::name_of(cp, out); }
bool unicode_lookup_name(std::string_view name, uint32_t* cp) { return unicode::lookup_name(name, cp); }
}  // namespace pyxx
