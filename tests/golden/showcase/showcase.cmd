# runs the README showcase itself, so the two never drift apart
../../../examples/showcase.py
