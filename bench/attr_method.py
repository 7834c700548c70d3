# Attribute loads/stores and method calls on instances of a user class.
class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 100:
            self.vx = -self.vx
        if self.y < 0 or self.y > 100:
            self.vy = -self.vy
    def energy(self):
        return self.vx * self.vx + self.vy * self.vy
def main():
    ps = [Particle(i % 100, (i * 7) % 100, (i % 5) - 2, (i % 3) - 1) for i in range(100)]
    e = 0
    for _ in range(60000):
        for p in ps:
            p.step(1)
    for p in ps:
        e += p.energy()
    return e, ps[17].x, ps[42].y
print(main())
