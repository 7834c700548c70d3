def low():
    return {}['missing']
def high():
    try:
        low()
    except KeyError as e:
        raise ValueError('bad lookup') from e
print('before')
high()
