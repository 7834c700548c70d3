try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise X from e
else:
    pass
finally:
    pass
try:
    pass
finally:
    x = 1
try:
    pass
except* ValueError as eg:
    pass
except* (A, B):
    pass
try:
    pass
except A, B:
    pass
