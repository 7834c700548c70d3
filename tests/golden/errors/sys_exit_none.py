import sys
try:
    sys.exit()
except SystemExit as e:
    print('caught SystemExit', repr(e.code), e.args)
try:
    sys.exit(4)
except SystemExit as e:
    print('caught', e.code)
print('continuing, then exit None')
sys.exit(None)
