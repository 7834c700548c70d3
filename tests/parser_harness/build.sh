#!/usr/bin/env bash
# Builds the standalone parser harness into /tmp/ph/parse (one job, no pyxx_lib needed).
set -e
here=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p /tmp/ph
objs=()
for f in "$here"/src/parser/*.cpp "$here"/src/objects/unicode_tables.cpp "$here"/src/objects/unicode_names.cpp "$here"/src/objects/unicode_names_api.cpp "$here"/tests/parser_harness/stubs.cpp "$here"/tests/parser_harness/main.cpp; do
  o=/tmp/ph/$(basename "$f" .cpp).o
  if [ ! -e "$o" ] || [ "$f" -nt "$o" ] || [ -n "$(find "$here/src/parser" -name '*.h' -newer "$o" -o -name '*.inc' -newer "$o")" ]; then
    nice g++ -std=c++20 -O1 -g -c -I"$here/src" -I"$here/include" "$f" -o "$o"
  fi
  objs+=("$o")
done
g++ -o /tmp/ph/parse "${objs[@]}" -lgmp
