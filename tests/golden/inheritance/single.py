class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = 'woof'
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f' (age {self.age})'
for a in [Animal('generic'), Dog('rex'), Puppy('bit', 1)]:
    print(a.speak(), a.kind(), isinstance(a, Animal), isinstance(a, Dog), type(a).__mro__)
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, object), issubclass(bool, int))
print(Puppy.__bases__, Dog.__base__, Animal.__bases__)
print(Puppy.__mro__)
print(isinstance(3, (str, int)), issubclass(Dog, (int, Animal)))
