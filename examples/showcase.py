# pyxx showcase: a small inventory simulation using classes, generators,
# closures, comprehensions, exceptions and f-strings (no imports needed).

class OutOfStock(Exception):
    def __init__(self, item, wanted, have):
        super().__init__(f"{item}: wanted {wanted}, only {have} left")
        self.item = item

class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"

class Perishable(Item):
    def __init__(self, name, price, qty, days):
        super().__init__(name, price, qty)
        self.days = days

    def __repr__(self):
        return super().__repr__()[:-1] + f", days={self.days})"

def make_counter():
    count = 0
    def tick(n=1):
        nonlocal count
        count += n
        return count
    return tick

def orders():
    yield from [("apple", 3), ("bread", 1), ("milk", 5), ("apple", 20), ("tea", 2)]

stock = {i.name: i for i in [Item("apple", 0.5, 10), Perishable("bread", 2.25, 4, 2),
                             Perishable("milk", 1.1, 6, 5), Item("tea", 3.0, 1)]}
served, attempts = make_counter(), make_counter()
for name, wanted in orders():
    item = stock[name]
    try:
        if wanted > item.qty:
            raise OutOfStock(name, wanted, item.qty)
        item.qty -= wanted
        print(f"sold {wanted:>2} x {name:<6} -> {wanted * item.price:6.2f}  (order #{served()})")
    except OutOfStock as e:
        print(f"cannot sell: {e}")
    finally:
        attempts()

print(sorted(stock.values(), key=lambda i: i.value, reverse=True))
print({name: round(i.value, 2) for name, i in stock.items() if i.value})
print(f"total value: {sum(i.value for i in stock.values()):.2f}, "
      f"perishables: {[i.name for i in stock.values() if isinstance(i, Perishable)]}, "
      f"served {served(0)} of {attempts(0)} orders")
squares = (n * n for n in range(1, 8))
print(*[s for s in squares if s % 2], sep=" | ")
