# peermap: the two Quick start commands (make demo, make test) and their parts.
# Every target installs what it needs first (Debian 12, as root), so a fresh machine works.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE := build/release
ASAN := build/asan
# The sanitizer tree is built by clang, which also builds the fuzz targets into it (fuzz/).
ASAN_CC := clang-14
ASAN_CXX := clang++-14
# Seconds each fuzz target runs for in `make fuzz` (`make test` runs each for 30).
FUZZ_SECONDS ?= 60

.PHONY: all deps build build-asan asan-compiler test test-release test-asan fuzz demo bench clean format check-format check-tidy

all: build

deps:
	@scripts/install-deps.sh

$(RELEASE)/CMakeCache.txt:
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release

$(ASAN)/CMakeCache.txt:
	CC=$(ASAN_CC) CXX=$(ASAN_CXX) cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DPEERMAP_SANITIZE=ON

# A sanitizer tree configured by another compiler (g++, before the fuzz targets) is made anew.
asan-compiler:
	@if [[ -f $(ASAN)/CMakeCache.txt ]] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*$(ASAN_CXX)$$' $(ASAN)/CMakeCache.txt; then \
	  echo "$(ASAN) was configured by another compiler; configuring it anew with $(ASAN_CXX)"; rm -rf $(ASAN); fi

build: deps $(RELEASE)/CMakeCache.txt
	cmake --build $(RELEASE) -j $(JOBS)
	@echo "built $(RELEASE)/peermap"

build-asan: deps asan-compiler $(ASAN)/CMakeCache.txt
	cmake --build $(ASAN) -j $(JOBS)

test-release: build
	cd $(RELEASE) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -L unit
	cd $(ASAN) && ctest --output-on-failure -j $(JOBS) -L fuzz --no-tests=error

# Each fuzz target for FUZZ_SECONDS (docs/fuzzing.md); a crash fails it.
fuzz: build-asan
	cd $(ASAN) && PEERMAP_FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --output-on-failure -j $(JOBS) -L fuzz --no-tests=error \
	  --timeout $$(($(FUZZ_SECONDS) + 300))

# Formatting is checked first: it takes seconds and fails before a long build.
check-format: deps
	@scripts/check-format.sh

check-tidy: build
	@TIDY_JOBS=$(JOBS) scripts/check-tidy.sh $(RELEASE)

# clang-tidy runs on every src/ file after the release tests (it needs their build's compile
# commands; about a quarter of the whole run on 2 cores).
test: check-format test-release check-tidy test-asan

demo: build
	@scripts/demo.sh $(RELEASE)/peermap

bench: deps
	cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DPEERMAP_BENCH=ON -DPEERMAP_TESTS=OFF
	cmake --build build/bench -j $(JOBS)
	bench/run.sh build/bench

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' 'fuzz/*.cpp' 'fuzz/*.hpp')

clean:
	rm -rf build out
