def total(items):
    return sum(
        item["price"] * item["qty"]
        for item in items
    )
orders = [
    {"price": 2, "qty": 3},
    {"price": 5},
]
print(total(orders[:1]))
result = (
    total(orders)
    + 1
)
