z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z)
print(z + 1, z * 2, z * z, z / 2, (1 + 1j) * (1 - 1j), 1j * 1j)
print(complex(1, 2), complex(), complex(2), 1j ** 2, type(z).__name__)
print(z == 3 + 4j, z != 3, (0j == 0), repr(-0j), repr(1 - 0j))
print(complex('1+2j'), (2 + 0j).real)
