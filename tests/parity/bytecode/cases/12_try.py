try:
    a = 1
except ValueError as e:
    a = 2
except (TypeError, KeyError):
    a = 3
else:
    a = 4
finally:
    a = 5
