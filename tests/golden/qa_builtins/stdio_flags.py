import sys
print(sys.stdout.line_buffering, sys.stderr.line_buffering, sys.stdout.errors, sys.stdin.errors, sys.stderr.errors)
sys.stderr.write("err1\n")
print("out1")
