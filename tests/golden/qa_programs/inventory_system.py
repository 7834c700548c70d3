# An inventory/order system: dataclass-like classes, properties, class
# methods, custom exceptions with chaining, generators, sorting with keys,
# dict/set manipulation, formatted reports.
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, have {have}")
        self.sku, self.wanted, self.have = sku, wanted, have
class UnknownItem(InventoryError, KeyError):
    pass

class Item:
    _registry = {}
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku, self.name, self._price, self.qty = sku, name, price, qty
        self.tags = frozenset(tags)
        Item._registry[sku] = self
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, value):
        if value < 0:
            raise ValueError(f"negative price for {self.sku}: {value}")
        self._price = round(value, 2)
    @classmethod
    def lookup(cls, sku):
        try:
            return cls._registry[sku]
        except KeyError as e:
            raise UnknownItem(sku) from e
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price:.2f}, qty={self.qty})"
    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)
    def __hash__(self):
        return hash(self.sku)
    def __eq__(self, other):
        return isinstance(other, Item) and self.sku == other.sku

class Order:
    _next_id = 1
    def __init__(self, customer):
        self.id = Order._next_id
        Order._next_id += 1
        self.customer = customer
        self.lines = {}
    def add(self, sku, qty=1):
        item = Item.lookup(sku)
        self.lines[item] = self.lines.get(item, 0) + qty
        return self
    @property
    def total(self):
        return sum(item.price * q for item, q in self.lines.items())
    def __iter__(self):
        yield from sorted(self.lines.items(), key=lambda kv: (-kv[0].price * kv[1], kv[0].sku))
    def __len__(self):
        return sum(self.lines.values())
    def __repr__(self):
        return f"<Order #{self.id} {self.customer} {len(self)} items {self.total:,.2f}>"

def fulfil(order):
    for item, q in order:
        if item.qty < q:
            raise OutOfStock(item.sku, q, item.qty)
    for item, q in order:
        item.qty -= q
    return order.total

items = [
    Item("A1", "widget", 2.5, 100, {"metal", "small"}),
    Item("B2", "gadget", 12.99, 10, {"plastic"}),
    Item("C3", "doohickey", 0.35, 1000, {"small"}),
    Item("D4", "gizmo", 149.0, 2, {"metal", "large"}),
    Item("E5", "widget", 3.0, 0, {"plastic", "small"}),
]
print(sorted(items))
print([i.sku for i in sorted(items, key=lambda i: (-i.price, i.sku))])
by_tag = {}
for it in items:
    for tag in sorted(it.tags):
        by_tag.setdefault(tag, []).append(it.sku)
print(dict(sorted(by_tag.items())))
print(sorted(set.intersection(*(set(v) for k, v in by_tag.items() if k in ("small", "metal")))))
orders = [
    Order("ann").add("A1", 10).add("C3", 200).add("A1", 5),
    Order("bob").add("D4", 3),
    Order("cy").add("B2").add("E5", 1),
    Order("dee").add("B2", 2).add("D4", 1),
]
for o in orders:
    print(repr(o), [(i.sku, q) for i, q in o])
for o in orders:
    try:
        print(f"order {o.id}: charged {fulfil(o):>10,.2f}")
    except OutOfStock as e:
        print(f"order {o.id}: failed ({e}); sku={e.sku} short by {e.wanted - e.have}")
try:
    Order("eve").add("ZZ9")
except InventoryError as e:
    print(type(e).__name__, repr(e), isinstance(e, KeyError), type(e.__cause__).__name__)
try:
    items[0].price = -1
except ValueError as e:
    print(e)
items[1].price = 9.999
print(items[1], items[1].price)
report = [f"{i.sku:<4}|{i.name:^11}|{i.price:>8.2f}|{i.qty:>5}|{','.join(sorted(i.tags))}" for i in sorted(items, key=lambda i: i.sku)]
print("\n".join(report))
low = [i.sku for i in items if i.qty < 5]
value = sum(i.price * i.qty for i in items)
print(f"low stock: {low}; stock value: {value:,.2f}; distinct: {len(set(items))}")
print({i: i.qty for i in items if i.qty} == {Item.lookup(s): Item.lookup(s).qty for s in "A1 B2 C3 D4".split()})
