# SPDX-License-Identifier: Apache-2.0
# Thin wrappers over CMake. `make run` and `make test` install what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= 2
CMAKE_ARGS ?=

.PHONY: all deps build test test-fast test-asan test-browser test-tsan run demo bench clean

all: build

deps:
	@scripts/deps.sh all

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# Every test twice: a normal build, then an AddressSanitizer + UndefinedBehaviorSanitizer build.
test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	$(MAKE) test-asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DTG_SANITIZE=address,undefined -DTG_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS) -LE slow

# The service: tollgate serve on 127.0.0.1:8080 (sample list and tokens on first start).
run: build
	@scripts/run.sh $(BUILD)/cmd/tollgate/tollgate

# The check demo: the bundled example orders against the sample list.
demo: build
	@scripts/demo.sh $(BUILD)/cmd/tollgate/tollgate

# ThreadSanitizer over the server's tests (concurrent dispatch, group commit, the real listener).
TSAN_BUILD ?= build-tsan
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DTG_SANITIZE=thread -DTG_BUILD_BENCH=OFF
	cmake --build $(TSAN_BUILD) -j$(JOBS)
	cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -j$(JOBS) -R 'server__|integration__test_http'

# Only the browser tests (also part of test and test-fast).
test-browser: build
	cd $(BUILD) && ctest --output-on-failure -L browser

bench: build
	@scripts/bench.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)
