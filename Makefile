# pyxx: top-level commands. `make` builds build/pyxx; `make test` runs what CI runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
GOLDEN_ARGS ?=
BENCH_ARGS ?=
DEPS_STAMP := deps/cpython/VERSION

.PHONY: all build deps test unit golden golden-selftest record bench run asan debug clean

all: build

$(DEPS_STAMP):
	tools/deps

deps:
	tools/deps

$(BUILD)/build.ninja: | $(DEPS_STAMP)
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: $(DEPS_STAMP) $(BUILD)/build.ninja
	ninja -C $(BUILD) -j$(JOBS)

unit: build
	$(BUILD)/pyxx_unit --gtest_brief=1

# Golden tests (tests/golden, DESIGN.md section 9). FILTER: `make golden GOLDEN_ARGS=errors/`.
golden: build
	tools/run-golden --pyxx $(BUILD)/pyxx $(GOLDEN_ARGS)

# The harness must catch a wrong output (run with the reference and with pyxx).
golden-selftest: build
	tools/run-golden --self-test --pyxx $(BUILD)/pyxx

# Re-record expected outputs from the reference CPython 3.14 (all, or RECORD=path...).
record: $(DEPS_STAMP)
	tools/record $(RECORD)

# What CI runs (.ci/run): deps when missing, build, unit tests, harness self-test, golden tests.
test: build
	$(BUILD)/pyxx_unit --gtest_brief=1
	tools/run-golden --self-test --pyxx $(BUILD)/pyxx
	tools/run-golden --pyxx $(BUILD)/pyxx $(GOLDEN_ARGS)

run: build
	$(BUILD)/pyxx examples/showcase.py

# Side-by-side timing against the reference (DESIGN.md section 10), e.g. BENCH_ARGS="--reps 9 fib".
bench: build
	tools/cpython bench/run.py --pyxx $(BUILD)/pyxx --cpython tools/cpython $(BENCH_ARGS)

asan: $(DEPS_STAMP)
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPYXX_SANITIZE=ON
	ninja -C build-asan -j$(JOBS)

debug: $(DEPS_STAMP)
	cmake -S . -B build-debug -G Ninja -DCMAKE_BUILD_TYPE=Debug
	ninja -C build-debug -j$(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-debug
