# peermap: the two Quick start commands (make demo, make test) and their parts.
# Every target installs what it needs first (Debian 12, as root), so a fresh machine works.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE := build/release
ASAN := build/asan

.PHONY: all deps build build-asan test test-release test-asan demo bench clean format check-format check-tidy

all: build

deps:
	@scripts/install-deps.sh

$(RELEASE)/CMakeCache.txt:
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release

$(ASAN)/CMakeCache.txt:
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DPEERMAP_SANITIZE=ON

build: deps $(RELEASE)/CMakeCache.txt
	cmake --build $(RELEASE) -j $(JOBS)
	@echo "built $(RELEASE)/peermap"

build-asan: deps $(ASAN)/CMakeCache.txt
	cmake --build $(ASAN) -j $(JOBS)

test-release: build
	cd $(RELEASE) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -L unit

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
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')

clean:
	rm -rf build out
