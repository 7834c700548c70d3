# pyxx: top-level commands. `make` builds build/pyxx; `make test` runs what CI runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
DEPS_STAMP := deps/cpython/VERSION

.PHONY: all build deps test unit golden bench run asan debug clean

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

golden: build
	tools/run-golden --pyxx $(BUILD)/pyxx

test: build
	$(BUILD)/pyxx_unit --gtest_brief=1
	tools/run-golden --self-test --pyxx $(BUILD)/pyxx
	tools/run-golden --pyxx $(BUILD)/pyxx

run: build
	$(BUILD)/pyxx examples/showcase.py

bench: build
	tools/cpython bench/run.py --pyxx $(BUILD)/pyxx --cpython tools/cpython

asan: $(DEPS_STAMP)
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPYXX_SANITIZE=ON
	ninja -C build-asan -j$(JOBS)

debug: $(DEPS_STAMP)
	cmake -S . -B build-debug -G Ninja -DCMAKE_BUILD_TYPE=Debug
	ninja -C build-debug -j$(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-debug
