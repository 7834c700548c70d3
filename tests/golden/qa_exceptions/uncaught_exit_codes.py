import sys
print("before")
sys.stdout.flush()
sys.exit("fatal: message to stderr")
