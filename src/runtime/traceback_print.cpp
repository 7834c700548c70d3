// Printing an exception with its traceback the way CPython 3.14's default
// sys.excepthook does (Lib/traceback.py's TracebackException.format): chained
// causes/contexts, "[Previous line repeated N more times]", source lines with
// the ~~~^^^ position markers, SyntaxError's caret line and __notes__.
#include <optional>
#include <tuple>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "modules/sys.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/ast_nodes.h"
#include "parser/parser.h"
#include "runtime/run.h"
#include "runtime/suggestions.h"
#include "vm/frame.h"

namespace pyxx {
namespace {

using U32 = std::u32string;
constexpr int kRecursiveCutoff = 3;

U32 decode_utf8(const std::string& s) {
  U32 out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    uint32_t cp;
    int n;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 6 && i + 1 < s.size()) { cp = c & 0x1F; n = 2; }
    else if ((c >> 4) == 14 && i + 2 < s.size()) { cp = c & 0x0F; n = 3; }
    else if ((c >> 3) == 30 && i + 3 < s.size()) { cp = c & 0x07; n = 4; }
    else { out.push_back(0xFFFD); ++i; continue; }
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    out.push_back(cp);
    i += size_t(n);
  }
  return out;
}

std::string encode_utf8(const U32& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out.push_back(char(c));
    else if (c < 0x800) { out.push_back(char(0xC0 | (c >> 6))); out.push_back(char(0x80 | (c & 0x3F))); }
    else if (c < 0x10000) {
      out.push_back(char(0xE0 | (c >> 12))); out.push_back(char(0x80 | ((c >> 6) & 0x3F))); out.push_back(char(0x80 | (c & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (c >> 18))); out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3F))); out.push_back(char(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool is_space(char32_t c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x1680; }

// Characters in the first `byte_offset` bytes of the UTF-8 form of line.
int byte_to_char_offset(const U32& line, int byte_offset) {
  std::string utf8 = encode_utf8(line);
  if (byte_offset < 0) byte_offset = 0;
  if (size_t(byte_offset) > utf8.size()) byte_offset = int(utf8.size());
  return int(decode_utf8(utf8.substr(0, size_t(byte_offset))).size());
}

// Terminal display width; wide East Asian characters count 2 (common ranges).
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}
int display_width(const U32& line, int offset) {
  int n = offset < 0 ? int(line.size()) : std::min<int>(offset, int(line.size()));
  int w = 0;
  for (int i = 0; i < n; ++i) w += is_wide(line[size_t(i)]) ? 2 : 1;
  return w;
}

std::vector<U32> split_lines(const U32& s) {
  std::vector<U32> lines;
  U32 cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 ||
        c == 0x2028 || c == 0x2029) {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      lines.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

U32 lstrip(const U32& s) { size_t i = 0; while (i < s.size() && is_space(s[i])) ++i; return s.substr(i); }
U32 rstrip(const U32& s) { size_t n = s.size(); while (n > 0 && is_space(s[n - 1])) --n; return s.substr(0, n); }

// textwrap.dedent on a list of lines.
std::vector<U32> dedent(std::vector<U32> lines) {
  std::optional<U32> margin;
  for (U32& l : lines) {
    bool blank = true;
    for (char32_t c : l) if (c != ' ' && c != '\t') { blank = false; break; }
    if (blank) { l.clear(); continue; }
    size_t k = 0;
    while (k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
    U32 indent = l.substr(0, k);
    if (!margin) margin = indent;
    else {
      size_t j = 0;
      while (j < margin->size() && j < indent.size() && (*margin)[j] == indent[j]) ++j;
      margin = margin->substr(0, j);
    }
  }
  if (margin && !margin->empty())
    for (U32& l : lines) if (!l.empty()) l = l.substr(margin->size());
  return lines;
}

// Parses `src` as a module; returns the arena-owned tree or null (errors cleared).
ast::Module* parse_module(const std::string& src, ast::Arena& arena) {
  Ref<> fn = steal(str_from_cstr("<traceback>"));
  if (!fn) { err_clear(); return nullptr; }
  ast::Mod* mod = parse_source(src, fn.get(), ParseMode::File, 0, arena);
  if (!mod) { err_clear(); return nullptr; }
  if (mod->kind != ast::Mod::Kind::Module) return nullptr;
  return static_cast<ast::Module*>(mod);
}

struct Anchors {
  int left_end_lineno, left_end_offset, right_start_lineno, right_start_offset;
  char32_t primary = '~', secondary = '^';
};

// Port of traceback._extract_caret_anchors_from_line_segment.
std::optional<Anchors> extract_anchors(const U32& segment) {
  ast::Arena arena;
  ast::Module* tree = parse_module("(\n" + encode_utf8(segment) + "\n)", arena);
  if (!tree || tree->body.size != 1) return std::nullopt;
  std::vector<U32> lines = split_lines(segment);
  auto normalize = [&](int lineno, int offset) -> std::optional<int> {
    if (lineno < 0 || size_t(lineno) >= lines.size()) return std::nullopt;
    return byte_to_char_offset(lines[size_t(lineno)], offset);
  };
  auto next_valid = [&](int lineno, int col) -> std::optional<std::pair<int, int>> {
    while (size_t(lineno) < lines.size() && size_t(col) >= lines[size_t(lineno)].size()) { col = 0; ++lineno; }
    if (size_t(lineno) >= lines.size() || size_t(col) >= lines[size_t(lineno)].size()) return std::nullopt;
    return std::make_pair(lineno, col);
  };
  auto increment_until = [&](int lineno, int col, auto stop) -> std::optional<std::pair<int, int>> {
    for (;;) {
      char32_t ch = lines[size_t(lineno)][size_t(col)];
      if (ch == '\\' || ch == '#') {
        auto p = next_valid(lineno + 1, 0);
        if (!p) return std::nullopt;
        std::tie(lineno, col) = *p;
      } else if (!stop(ch)) {
        auto p = next_valid(lineno, col + 1);
        if (!p) return std::nullopt;
        std::tie(lineno, col) = *p;
      } else {
        return std::make_pair(lineno, col);
      }
    }
  };
  auto setup_positions = [&](ast::Expr* e, bool force_valid) -> std::optional<std::pair<int, int>> {
    int lineno = e->end_lineno - 2;
    auto col = normalize(lineno, e->end_col_offset);
    if (!col) return std::nullopt;
    if (force_valid) return next_valid(lineno, *col);
    return std::make_pair(lineno, *col);
  };
  ast::Stmt* st = tree->body[0];
  if (st->kind != ast::Stmt::Kind::Expr) return std::nullopt;
  ast::Expr* expr = static_cast<ast::ExprStmt*>(st)->value;
  if (expr->kind == ast::Expr::Kind::BinOp) {
    auto* b = static_cast<ast::BinOp*>(expr);
    auto p = setup_positions(b->left, true);
    if (!p) return std::nullopt;
    p = increment_until(p->first, p->second, [](char32_t c) { return !is_space(c) && c != ')'; });
    if (!p) return std::nullopt;
    auto [lineno, col] = *p;
    int right_col = col + 1;
    const U32& line = lines[size_t(lineno)];
    if (size_t(right_col) < line.size()) {
      bool before_right = b->right->lineno - 2 > lineno;
      if (!before_right) {
        auto rc = normalize(b->right->lineno - 2, b->right->col_offset);
        if (!rc) return std::nullopt;
        before_right = right_col < *rc;
      }
      char32_t ch = line[size_t(right_col)];
      if (before_right && !is_space(ch) && ch != '\\' && ch != '#') ++right_col;
    }
    return Anchors{lineno, col, lineno, right_col};
  }
  if (expr->kind == ast::Expr::Kind::Subscript || expr->kind == ast::Expr::Kind::Call) {
    ast::Expr* left = expr->kind == ast::Expr::Kind::Subscript ? static_cast<ast::Subscript*>(expr)->value
                                                                : static_cast<ast::Call*>(expr)->func;
    char32_t bracket = expr->kind == ast::Expr::Kind::Subscript ? '[' : '(';
    auto l = setup_positions(left, true);
    if (!l) return std::nullopt;
    l = increment_until(l->first, l->second, [bracket](char32_t c) { return c == bracket; });
    if (!l) return std::nullopt;
    auto r = setup_positions(expr, false);
    if (!r) return std::nullopt;
    return Anchors{l->first, l->second, r->first, r->second};
  }
  return std::nullopt;
}

// Port of StackSummary._should_show_carets.
bool should_show_carets(int start_offset, int end_offset, const std::vector<U32>& all_lines, bool have_anchors) {
  U32 joined;
  for (size_t i = 0; i < all_lines.size(); ++i) { if (i) joined.push_back('\n'); joined += all_lines[i]; }
  ast::Arena arena;
  ast::Module* tree = parse_module(encode_utf8(joined), arena);
  if (tree) {
    if (tree->body.size == 0) return false;
    ast::Stmt* st = tree->body[0];
    ast::Expr* value = nullptr;
    if (st->kind == ast::Stmt::Kind::Return) {
      auto* r = static_cast<ast::Return*>(st);
      if (r->value && r->value->kind == ast::Expr::Kind::Call &&
          static_cast<ast::Call*>(r->value)->func->kind == ast::Expr::Kind::Name)
        value = r->value;
    } else if (st->kind == ast::Stmt::Kind::Assign) {
      auto* a = static_cast<ast::Assign*>(st);
      if (a->value->kind == ast::Expr::Kind::Call && a->targets.size == 1 &&
          a->targets[0]->kind == ast::Expr::Kind::Name)
        value = a->value;
    }
    if (value && value->lineno == 1 && value->end_lineno == int(all_lines.size()) &&
        value->col_offset == start_offset && value->end_col_offset == end_offset)
      return false;
  }
  if (have_anchors) return true;
  if (!lstrip(all_lines.front().substr(0, size_t(start_offset))).empty()) return true;
  if (size_t(end_offset) < all_lines.back().size() && !rstrip(all_lines.back().substr(size_t(end_offset))).empty()) return true;
  return false;
}

struct FrameSummary {
  std::string filename, name;
  int lineno = -1, end_lineno = -1, colno = -1, end_colno = -1;
};

void format_frame(const FrameSummary& fs, std::string& out) {
  out += "  File \"" + fs.filename + "\", line " + (fs.lineno < 0 ? std::string("None") : std::to_string(fs.lineno)) +
         ", in " + fs.name + "\n";
  if (fs.lineno < 1) return;
  int end_lineno = fs.end_lineno < fs.lineno ? fs.lineno : fs.end_lineno;
  std::vector<U32> original;
  for (int ln = fs.lineno; ln <= end_lineno; ++ln) {
    std::string line;
    if (!get_source_line(fs.filename, ln, &line)) {
      if (ln == fs.lineno) return;
      break;
    }
    original.push_back(decode_utf8(line));
  }
  std::vector<U32> dedented = dedent(original);
  bool any = false;
  for (const U32& l : dedented) if (!rstrip(l).empty()) { any = true; break; }
  if (!any) return;
  if (fs.colno < 0 || fs.end_colno < 0 || int(original.size()) < end_lineno - fs.lineno + 1) {
    out += "    " + encode_utf8(rstrip(lstrip(original[0]))) + "\n";
    return;
  }
  const U32& first_line = original.front();
  const U32& last_line = original[size_t(end_lineno - fs.lineno)];
  int start_offset = byte_to_char_offset(first_line, fs.colno);
  int end_offset = byte_to_char_offset(last_line, fs.end_colno);
  std::vector<U32> all_lines(dedented.begin(), dedented.begin() + (end_lineno - fs.lineno + 1));
  int dedent_chars = int(first_line.size()) - int(all_lines[0].size());
  start_offset = std::max(0, start_offset - dedent_chars);
  end_offset = std::max(0, end_offset - dedent_chars);
  int dp_start = display_width(all_lines.front(), start_offset);
  int dp_end = display_width(all_lines.back(), end_offset);
  U32 segment;
  for (size_t i = 0; i < all_lines.size(); ++i) { if (i) segment.push_back('\n'); segment += all_lines[i]; }
  ssize seg_end = ssize(segment.size()) - (ssize(all_lines.back().size()) - end_offset);
  if (seg_end < start_offset) seg_end = start_offset;
  segment = segment.substr(size_t(std::min<ssize>(start_offset, ssize(segment.size()))),
                           size_t(std::max<ssize>(0, seg_end - start_offset)));
  std::optional<Anchors> anchors = extract_anchors(segment);
  bool show = should_show_carets(start_offset, end_offset, all_lines, anchors.has_value());
  std::set<int> significant = {0, int(all_lines.size()) - 1};
  int left_end = 0, right_start = 0;
  char32_t primary = '^', secondary = '^';
  if (anchors) {
    left_end = anchors->left_end_offset;
    right_start = anchors->right_start_offset;
    if (anchors->left_end_lineno == 0) left_end += start_offset;
    if (anchors->right_start_lineno == 0) right_start += start_offset;
    if (size_t(anchors->left_end_lineno) < all_lines.size())
      left_end = display_width(all_lines[size_t(anchors->left_end_lineno)], left_end);
    if (size_t(anchors->right_start_lineno) < all_lines.size())
      right_start = display_width(all_lines[size_t(anchors->right_start_lineno)], right_start);
    primary = anchors->primary;
    secondary = anchors->secondary;
    for (int d = -1; d <= 1; ++d) {
      significant.insert(anchors->left_end_lineno + d);
      significant.insert(anchors->right_start_lineno + d);
    }
  }
  significant.erase(-1);
  significant.erase(int(all_lines.size()));
  std::vector<U32> result;
  auto output_line = [&](int lineno) {
    const U32& line = all_lines[size_t(lineno)];
    result.push_back(line);
    if (!show) return;
    int num_spaces = int(line.size() - lstrip(line).size());
    int num_carets = lineno == int(all_lines.size()) - 1 ? dp_end : display_width(line, -1);
    U32 carets;
    for (int col = 0; col < num_carets; ++col) {
      if (col < num_spaces || (lineno == 0 && col < dp_start)) carets.push_back(' ');
      else if (anchors &&
               (lineno > anchors->left_end_lineno || (lineno == anchors->left_end_lineno && col >= left_end)) &&
               (lineno < anchors->right_start_lineno || (lineno == anchors->right_start_lineno && col < right_start)))
        carets.push_back(secondary);
      else carets.push_back(primary);
    }
    result.push_back(carets);
  };
  std::vector<int> sig(significant.begin(), significant.end());
  for (size_t i = 0; i < sig.size(); ++i) {
    if (i) {
      int diff = sig[i] - sig[i - 1];
      if (diff == 2) output_line(sig[i] - 1);
      else if (diff > 2) result.push_back(decode_utf8("...<" + std::to_string(diff - 1) + " lines>..."));
    }
    output_line(sig[i]);
  }
  for (const U32& l : dedent(result)) out += "    " + encode_utf8(l) + "\n";
}

std::string safe_str(Object* o, const char* what) {
  Ref<> s = steal(object_str(o));
  if (!s) { err_clear(); return std::string("<") + what + " str() failed>"; }
  return std::string(str_view(s.get()));
}

std::string attr_string(Object* o, const char* name) {
  Ref<> v = steal(object_getattr_str(o, name));
  if (!v) { err_clear(); return ""; }
  if (!str_check(v.get())) return "";
  return std::string(str_view(v.get()));
}

std::string exc_type_str(Object* exc) {
  Object* t = exc->type;
  std::string qual = attr_string(t, "__qualname__");
  Ref<> mod = steal(object_getattr_str(t, "__module__"));
  if (!mod) err_clear();
  std::string m = mod && str_check(mod.get()) ? std::string(str_view(mod.get())) : "<unknown>";
  if (m == "__main__" || m == "builtins") return qual;
  return m + "." + qual;
}

int int_attr(Object* o, Object* v) {
  (void)o;
  if (!v || v == None || !int_check(v)) return -1;
  int overflow = 0;
  int64_t x = int_as_i64_overflow(v, &overflow);
  return overflow ? -1 : int(x);
}

void format_syntax_error(Object* exc, const std::string& stype, std::string& out) {
  auto* se = static_cast<SyntaxErrorObject*>(exc);
  std::string filename_suffix;
  int lineno = int_attr(exc, se->lineno);
  bool have_lineno = se->lineno && se->lineno != None;
  std::string filename = se->filename && se->filename != None ? safe_str(se->filename, "filename") : "";
  if (have_lineno) {
    out += "  File \"" + (filename.empty() ? std::string("<string>") : filename) + "\", line " + safe_str(se->lineno, "lineno") + "\n";
  } else if (se->filename && se->filename != None) {
    filename_suffix = " (" + filename + ")";
  }
  if (se->text && str_check(se->text)) {
    U32 text = decode_utf8(std::string(str_view(se->text)));
    U32 rtext = text;
    while (!rtext.empty() && rtext.back() == '\n') rtext.pop_back();
    size_t k = 0;
    while (k < rtext.size() && (rtext[k] == ' ' || rtext[k] == '\n' || rtext[k] == '\f')) ++k;
    U32 ltext = rtext.substr(k);
    int spaces = int(rtext.size() - ltext.size());
    if (!se->offset || se->offset == None) {
      out += "    " + encode_utf8(ltext) + "\n";
    } else if (int_check(se->offset)) {
      int offset = int_attr(exc, se->offset);
      int end_lineno = int_attr(exc, se->end_lineno);
      int end_offset;
      if (lineno == end_lineno && (se->end_lineno && se->end_lineno != None) == (se->lineno && se->lineno != None)) {
        int eo = se->end_offset && int_check(se->end_offset) ? int_attr(exc, se->end_offset) : 0;
        end_offset = eo != 0 ? eo : offset;
      } else {
        end_offset = int(rtext.size()) + 1;
      }
      if (!text.empty() && offset > int(text.size())) offset = int(rtext.size()) + 1;
      if (!text.empty() && end_offset > int(text.size())) end_offset = int(rtext.size()) + 1;
      if (offset >= end_offset || end_offset < 0) end_offset = offset + 1;
      int colno = offset - 1 - spaces;
      int end_colno = end_offset - 1 - spaces;
      out += "    " + encode_utf8(ltext) + "\n";
      if (colno >= 0) {
        U32 caretspace;
        for (int i = 0; i < colno && size_t(i) < ltext.size(); ++i) caretspace.push_back(is_space(ltext[size_t(i)]) ? ltext[size_t(i)] : ' ');
        for (int i = int(ltext.size()); i < colno; ++i) caretspace.push_back(' ');
        out += "    " + encode_utf8(caretspace) + std::string(size_t(std::max(0, end_colno - colno)), '^') + "\n";
      }
    }
  }
  std::string msg = se->msg && se->msg != None ? safe_str(se->msg, "msg") : "";
  if (msg.empty()) msg = "<no detail available>";
  out += stype + ": " + msg + filename_suffix + "\n";
}

void format_exception_only(Object* exc, std::string& out) {
  std::string stype = exc_type_str(exc);
  if (err_given_exception_matches(exc, &exc::SyntaxError)) {
    format_syntax_error(exc, stype, out);
  } else {
    std::string s = safe_str(exc, "exception") + exception_suggestion_suffix(exc);
    out += s.empty() ? stype + "\n" : stype + ": " + s + "\n";
  }
  auto* be = static_cast<BaseExceptionObject*>(exc);
  Ref<> notes;
  if (be->dict) notes = borrow(dict_getitem_str(be->dict, "__notes__"));
  if (!notes) notes = borrow(be->notes);
  if (notes && (list_check(notes.get()) || tuple_check(notes.get()))) {
    Ref<> seq = steal(sequence_tuple(notes.get()));
    if (!seq) { err_clear(); return; }
    for (ssize i = 0; i < tuple_size(seq.get()); ++i) out += safe_str(tuple_get(seq.get(), i), "note") + "\n";
  } else if (notes && notes.get() != None) {
    Ref<> r = steal(object_repr(notes.get()));
    if (!r) { err_clear(); out += "<__notes__ repr() failed>\n"; }
    else out += std::string(str_view(r.get())) + "\n";
  }
}

void extract_stack(Object* tb, std::vector<FrameSummary>& frames) {
  for (auto* t = static_cast<TracebackObject*>(tb); t && static_cast<Object*>(t) != None; t = t->tb_next) {
    FrameSummary fs;
    auto* fo = static_cast<FrameObject*>(t->tb_frame);
    if (!fo || !fo->f_frame) continue;
    Object* code = fo->f_frame->f_code;
    auto* co = static_cast<CodeObject*>(code);
    fs.filename = std::string(str_view(co->co_filename));
    fs.name = std::string(str_view(co->co_name));
    int index = t->tb_lasti >= 0 ? t->tb_lasti / 2 : -1;
    int line = -1, end_line = -1, col = -1, end_col = -1;
    if (index >= 0 && code_positions(code, index, &line, &end_line, &col, &end_col)) {
      fs.lineno = t->tb_lineno >= 0 ? t->tb_lineno : line;
      fs.end_lineno = end_line;
      fs.colno = col;
      fs.end_colno = end_col;
    } else {
      fs.lineno = t->tb_lineno >= 0 ? t->tb_lineno : (index >= 0 ? code_addr_to_line(code, index) : -1);
    }
    frames.push_back(fs);
  }
}

void format_stack(const std::vector<FrameSummary>& frames, std::string& out) {
  const FrameSummary* last = nullptr;
  int count = 0;
  auto flush_repeat = [&]() {
    if (count > kRecursiveCutoff) {
      int n = count - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(n) + " more time" + (n > 1 ? "s" : "") + "]\n";
    }
  };
  for (const FrameSummary& fs : frames) {
    if (!last || last->filename != fs.filename || last->lineno != fs.lineno || last->name != fs.name) {
      flush_repeat();
      last = &fs;
      count = 0;
    }
    ++count;
    if (count > kRecursiveCutoff) continue;
    format_frame(fs, out);
  }
  flush_repeat();
}

// The tree traceback.TracebackException builds (compact=True): cause and
// context only when not seen yet, members of exception groups; built with
// the same LIFO work list so `seen` is filled in the same order.
struct TENode {
  Object* exc = nullptr;  // borrowed (kept alive by the printed exception)
  std::unique_ptr<TENode> cause, context;
  std::vector<std::unique_ptr<TENode>> exceptions;
  bool is_group = false;
};

std::unique_ptr<TENode> build_te_tree(Object* exc) {
  std::set<Object*> seen;
  auto root = std::make_unique<TENode>();
  root->exc = exc;
  seen.insert(exc);
  std::vector<TENode*> work{root.get()};
  auto make = [&](Object* e) {
    auto n = std::make_unique<TENode>();
    n->exc = e;
    seen.insert(e);
    return n;
  };
  while (!work.empty()) {
    TENode* te = work.back();
    work.pop_back();
    Object* e = te->exc;
    Object* cause = exception_get_cause(e);
    if (cause && cause != None && !seen.count(cause)) te->cause = make(cause);
    bool need_context = !te->cause && !static_cast<BaseExceptionObject*>(e)->suppress_context;
    Object* context = exception_get_context(e);
    if (context && context != None && need_context && !seen.count(context)) te->context = make(context);
    if (type_is_subtype(e->type, &exc::BaseExceptionGroup)) {
      te->is_group = true;
      Object* excs = static_cast<BaseExceptionGroupObject*>(e)->excs;
      if (excs && tuple_check(excs)) {
        for (ssize i = 0; i < tuple_size(excs); ++i) te->exceptions.push_back(make(tuple_get(excs, i)));
      }
    }
    if (te->cause) work.push_back(te->cause.get());
    if (te->context) work.push_back(te->context.get());
    for (auto& m : te->exceptions) work.push_back(m.get());
  }
  return root;
}

// traceback._ExceptionPrintContext: indentation and "| " margins of
// exception groups.
struct PrintCtx {
  int depth = 0;
  bool need_close = false;
  std::string indent() const { return std::string(size_t(2 * depth), ' '); }
  void emit(const std::string& text, std::string& out, char margin = '|') const {
    std::string prefix = indent();
    if (depth) { prefix += margin; prefix += ' '; }
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      out += prefix;
      out.append(text, pos, end - pos);
      pos = end;
    }
  }
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

void format_te(const TENode* self, PrintCtx& ctx, std::string& out) {
  std::vector<std::pair<const char*, const TENode*>> chain;
  for (const TENode* e = self; e;) {
    if (e->cause) {
      chain.push_back({"\nThe above exception was the direct cause of the following exception:\n\n", e});
      e = e->cause.get();
    } else if (e->context) {
      chain.push_back({"\nDuring handling of the above exception, another exception occurred:\n\n", e});
      e = e->context.get();
    } else {
      chain.push_back({nullptr, e});
      e = nullptr;
    }
  }
  // chain[i].first is the message printed after chain[i + 1] (the older one).
  for (size_t k = chain.size(); k-- > 0;) {
    const TENode* te = chain[k].second;
    if (k + 1 < chain.size()) ctx.emit(chain[k].first, out);
    Object* exc = te->exc;
    Object* tb = exception_get_traceback(exc);
    bool has_stack = tb && tb != None;
    std::string text;
    if (!te->is_group) {
      if (has_stack) {
        ctx.emit("Traceback (most recent call last):\n", out);
        std::vector<FrameSummary> frames;
        extract_stack(tb, frames);
        format_stack(frames, text);
        ctx.emit(text, out);
        text.clear();
      }
      format_exception_only(exc, text);
      ctx.emit(text, out);
    } else if (ctx.depth > kMaxGroupDepth) {
      ctx.emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", out);
    } else {
      bool is_toplevel = ctx.depth == 0;
      if (is_toplevel) ctx.depth++;
      if (has_stack) {
        ctx.emit("Exception Group Traceback (most recent call last):\n", out, is_toplevel ? '+' : '|');
        std::vector<FrameSummary> frames;
        extract_stack(tb, frames);
        format_stack(frames, text);
        ctx.emit(text, out);
        text.clear();
      }
      format_exception_only(exc, text);
      ctx.emit(text, out);
      int num = int(te->exceptions.size());
      int n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
      ctx.need_close = false;
      for (int i = 0; i < n; ++i) {
        bool last = i == n - 1;
        if (last) ctx.need_close = true;
        bool truncated = i >= kMaxGroupWidth;
        std::string title = truncated ? "..." : std::to_string(i + 1);
        out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
        ctx.depth++;
        if (!truncated) {
          format_te(te->exceptions[size_t(i)].get(), ctx, out);
        } else {
          int remaining = num - kMaxGroupWidth;
          ctx.emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n", out);
        }
        if (last && ctx.need_close) {
          out += ctx.indent() + "+------------------------------------\n";
          ctx.need_close = false;
        }
        ctx.depth--;
      }
      if (is_toplevel) ctx.depth = 0;
    }
  }
}

}  // namespace

void err_print_exception(Object* exc) {
  if (!exc) return;
  Object* saved = err_get_raised();
  std::string out;
  if (exception_instance_check(exc)) {
    auto tree = build_te_tree(exc);
    PrintCtx ctx;
    format_te(tree.get(), ctx, out);
  } else {
    out = "TypeError: print_exception(): Exception expected for value, " + std::string(exc->type->tp_name) + " found\n";
  }
  Object* file = sys_get_object("stderr");
  bool written = false;
  if (file && file != None) {
    Ref<> s = steal(str_from_utf8(out.data(), ssize(out.size())));
    if (s && sys_write_str(file, s.get()) == 0) {
      Ref<> r = steal(call_method_str(file, "flush"));
      written = true;
    }
    err_clear();
  }
  if (!written) std::fputs(out.c_str(), stderr);
  if (saved) err_set_raised(saved);
}

void err_write_unraisable(Object* obj, const char* context_msg) {
  Object* exc = err_get_raised();
  if (!exc) return;
  std::string header;
  if (context_msg) header = std::string(context_msg);
  else header = "Exception ignored in";
  if (obj) {
    Ref<> r = steal(object_repr(obj));
    if (!r) { err_clear(); header += ": <object repr() failed>"; }
    else header += ": " + std::string(str_view(r.get()));
  }
  header += "\n";
  Object* file = sys_get_object("stderr");
  if (file && file != None) {
    Ref<> s = steal(str_from_utf8(header.data(), ssize(header.size())));
    if (!s || sys_write_str(file, s.get()) < 0) err_clear();
  } else {
    std::fputs(header.c_str(), stderr);
  }
  err_print_exception(exc);
  decref(exc);
}

}  // namespace pyxx
