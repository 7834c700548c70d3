try:
    raise ExceptionGroup('group', [ValueError('v'), TypeError('t')])
except* ValueError as eg:
    print('value errors:', eg.exceptions)
except* TypeError as eg:
    print('type errors:', eg.exceptions)
eg = ExceptionGroup('msg', [KeyError('k')])
print(eg, repr(eg), eg.message)
