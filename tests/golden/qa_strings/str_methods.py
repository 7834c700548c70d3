s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" !H")), repr("xxaxx".strip("x")))
print(s.split(), s.split(","), "a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".split(" "), "".split(), "".split(","))
print("a,b,c".rsplit(",", 1), "  a  b  ".rsplit(None, 1), "line1\nline2\r\nline3".splitlines(), "x\n".splitlines(True))
print("abc".partition("b"), "abc".partition("z"), "abcb".rpartition("b"), "abc".rpartition("z"))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("", ""))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"), "aaaa".count("aa"), "abc".count(""))
print("Hello".upper(), "Hello".lower(), "hello world".title(), "hello world".capitalize(), "HeLLo".swapcase(), "ß".upper(), "ǅ".lower())
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(2))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo", 0, 5), "hello".startswith("l", 2))
print("123".isdigit(), "12.3".isdecimal(), "abc".isalpha(), "abc1".isalnum(), " \t".isspace(), "Title Case".istitle(), "ABC".isupper(), "".isupper())
print("a-b-c".join("xyz"), "".join([]), ", ".join(["a"]), "tab\there".expandtabs(4), "a\tb".expandtabs())
print("hello"[1:-1], "hello"[::-1], "hello" * 0, "ab" * 3, "a" + "b", "abc" < "abd", "Z" < "a", "" < "a")
print("%s" % "x", "x".encode(), "é".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode(), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xff".decode("latin-1"))
print("abc".removeprefix("ab"), "abc".removesuffix("bc"), "abc".removeprefix("x"), str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy", "c")))
print("Hello World".casefold(), "straße".casefold(), "ﬁ".upper(), len("ﬁ".upper()))
print("a{}b".format(1), "x".isidentifier(), "1x".isidentifier(), "class".isidentifier(), "é".isascii(), "abc".isascii(), "½".isnumeric(), "½".isdigit())
print(ord("€"), chr(8364), "\u20ac", "\N{EURO SIGN}", "\x41", "\101", len("\U0001F600"), "😀".encode("utf-8"))
print(repr("a'b"), repr('a"b'), repr("a'\"b"), repr("\n\t\\"), repr("\x7f\x80\xff"), repr("\u200b"), repr("\U0001f600"))
print(str(1), str(1.0), str([1, "a"]), str(("a",)), str({"k": "v"}), str(None), str(b"b"))
print("Abc".index("c"), "abcabc".rindex("b"), "abc"[-1], "abc"[0:0], min("bca"), max("bca"), sorted("bca"), "a" in "abc", "" in "abc")
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "abc".split("")
except ValueError as e:
    print(e)
try:
    "a".center(5, "ab")
except TypeError as e:
    print(e)
try:
    "abc"[5]
except IndexError as e:
    print(e)
try:
    "abc"[1] = "x"
except TypeError as e:
    print(e)
try:
    "x".join([1, 2])
except TypeError as e:
    print(e)
try:
    "abc".startswith(["a"])
except TypeError as e:
    print(e)
print("-".join(str(i) for i in range(5)), "x".rjust(3, "0"), "%-5s|" % "ab", "%5.1s|" % "xyz")
print("one two three".split(maxsplit=1), "a.b.c".split(".", maxsplit=-1), "CamelCaseString".lower().count("c"))
