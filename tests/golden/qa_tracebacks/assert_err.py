def check(v):
    assert v > 0, f"value must be positive, got {v}"
    return v
print(check(1))
try:
    check(-1)
except AssertionError as e:
    print("caught:", e)
assert len([]) == 1
