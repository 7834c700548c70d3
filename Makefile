# pyxx: top-level commands. `make` builds build/pyxx; `make test` runs what CI runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
GOLDEN_ARGS ?=
BENCH_ARGS ?=
DEPS_STAMP := deps/cpython/VERSION
# ccache keys on paths relative to the checkout, so clones share cached objects.
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: all build deps test unit golden golden-selftest record bench run asan asan-test debug clean
.PHONY: fuzz fuzz-build fuzz-parser fuzz-compile fuzz-numbers fuzz-format fuzz-marshal

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

# Unit and golden tests with the ASan+UBSan binary. Every sanitizer report is
# fatal (tools/asan-env: status 86 ASan, 87 UBSan); golden runs go through
# tools/pyxx-asan, which keeps each report in build-asan/sanitizer-reports, so
# a report fails the run even in an xfail test (docs/fuzzing.md).
asan-test: asan
	rm -rf build-asan/sanitizer-reports
	status=0; \
	tools/asan-env build-asan/pyxx_unit --gtest_brief=1; s=$$?; [ $$s -eq 0 ] || status=1; \
	if [ $$s -eq 86 ] || [ $$s -eq 87 ]; then echo "asan-test: sanitizer report in pyxx_unit (status $$s)" >&2; fi; \
	tools/run-golden --pyxx tools/pyxx-asan --timeout 180 $(GOLDEN_ARGS) || status=1; \
	tools/sanitizer-reports || status=1; \
	exit $$status

# libFuzzer targets (fuzz/, docs/fuzzing.md): clang, ASan+UBSan, in $(FUZZ_BUILD).
# Each fuzz-* runs one target for FUZZ_SECONDS; new corpus entries go to
# $(FUZZ_BUILD)/corpus/<target> (the committed seeds in fuzz/corpus stay small),
# crashes to $(FUZZ_BUILD)/artifacts/<target>-crash-*. FUZZ_ARGS adds libFuzzer flags.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048
FUZZ_BUILD_JOBS ?= 1
FUZZ_ARGS ?=
FUZZ_ENV = ASAN_OPTIONS=halt_on_error=1:print_stacktrace=1:detect_leaks=$(FUZZ_LEAKS) \
           UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
FUZZ_LEAKS ?= 1
# FUZZ_KEEP_GOING=1: fork mode, record every crash/timeout/OOM and carry on.
FUZZ_KEEP_GOING ?=
FUZZ_MODE = $(if $(FUZZ_KEEP_GOING),-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1,)
# FUZZ_NO_BUILD=1 runs the existing binaries without rebuilding first.
FUZZ_DEP = $(if $(FUZZ_NO_BUILD),,fuzz-build)

fuzz-build:
	tools/deps --fuzz
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Fuzz -DPYXX_FUZZ=ON \
	      -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang >/dev/null
	nice ninja -C $(FUZZ_BUILD) -j$(FUZZ_BUILD_JOBS) fuzz_targets

# $(call run_fuzz,target,max_len,dictionary[,extra seed dirs])
define run_fuzz
	mkdir -p $(FUZZ_BUILD)/corpus/$(1) $(FUZZ_BUILD)/artifacts
	$(FUZZ_ENV) nice $(FUZZ_BUILD)/$(1) -max_total_time=$(FUZZ_SECONDS) -max_len=$(2) \
	  -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) -dict=fuzz/$(3) -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_BUILD)/artifacts/$(1)- $(FUZZ_MODE) $(FUZZ_ARGS) \
	  $(FUZZ_BUILD)/corpus/$(1) fuzz/corpus/$(1) $(4)
endef

fuzz-parser: $(FUZZ_DEP)
	$(call run_fuzz,fuzz_tokenizer_parser,4096,python.dict,tests/golden)
fuzz-compile: $(FUZZ_DEP)
	$(call run_fuzz,fuzz_compile,4096,python.dict,tests/golden)
fuzz-numbers: $(FUZZ_DEP)
	$(call run_fuzz,fuzz_number_parsing,256,numbers.dict)
fuzz-format: $(FUZZ_DEP)
	$(call run_fuzz,fuzz_format,128,format.dict)
# marshal can build self-referencing containers ('r' references): without a
# cycle collector those are never freed, so leak checks would only report that.
fuzz-marshal: FUZZ_LEAKS = 0
fuzz-marshal: $(FUZZ_DEP)
	$(call run_fuzz,fuzz_marshal,4096,marshal.dict)

# One target after the other (2 shared cores).
fuzz: $(FUZZ_DEP)
	$(MAKE) fuzz-parser FUZZ_NO_BUILD=1
	$(MAKE) fuzz-compile FUZZ_NO_BUILD=1
	$(MAKE) fuzz-numbers FUZZ_NO_BUILD=1
	$(MAKE) fuzz-format FUZZ_NO_BUILD=1
	$(MAKE) fuzz-marshal FUZZ_NO_BUILD=1

debug: $(DEPS_STAMP)
	cmake -S . -B build-debug -G Ninja -DCMAKE_BUILD_TYPE=Debug
	ninja -C build-debug -j$(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-debug $(FUZZ_BUILD)
