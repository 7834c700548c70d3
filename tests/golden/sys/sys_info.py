# sys's struct sequences and namespaces: repr, indexing, attributes, comparisons.
import sys
print(sys.version_info[:2], sys.version_info >= (3, 14), sys.version_info.major, sys.version_info.minor)
print(type(sys.version_info).__name__, len(sys.version_info), sys.version_info.releaselevel)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[0] == sys.float_info.max)
print(sys.int_info)
print(sys.hash_info)
print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.algorithm)
print(type(sys.flags).n_fields, type(sys.flags).n_sequence_fields, len(sys.flags))
print(sys.flags.optimize, sys.flags.isolated, sys.flags.safe_path, sys.flags.int_max_str_digits)
print(isinstance(sys.flags, tuple), tuple(sys.int_info))
a, b, c, d = sys.int_info
print(a, b, c, d)
for cls in (type(sys.flags), type(sys.version_info), type(sys.float_info)):
    try:
        cls()
    except TypeError as e:
        print(e)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print(type(e).__name__)
ns = type(sys.implementation)(b=1, a="x")
print(ns, ns.a, ns == type(sys.implementation)(a="x", b=1))
ns.c = [ns]
print(ns)
print(sys.maxsize, sys.maxunicode, sys.byteorder)
