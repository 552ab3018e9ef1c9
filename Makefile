# chibo — two commands: `make run` and `make test`. `make` alone builds everything into build/.
BUILD ?= build
DB ?= data/chibo.db
PORT ?= 8080
JOBS ?= $(shell nproc)
BUILD_TYPE ?= RelWithDebInfo

.PHONY: all deps server web run test unit e2e bench clean demo fuzz fuzz-long asan

all: deps server web

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

server: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

web: web/node_modules/.package-lock.json
	cd web && npm run build

$(DB):
	$(BUILD)/chibo demo --db $(DB)

demo: all
	$(BUILD)/chibo demo --db $(DB) --force

run: all $(DB)
	@cat $(DB).logins.txt 2>/dev/null || true
	@echo "Mở trình duyệt: http://127.0.0.1:$(PORT)/"
	$(BUILD)/chibo serve --db $(DB) --port $(PORT)

# Every test: unit, API (real server on loopback), browser (Debian Chromium), and the
# benchmark harness's smoke run. Nothing is left out.
test: all
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

unit: server
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -E e2e

bench: all
	bench/run

# The adversarial harness (docs/security.md). `make test` already runs each fuzz
# target briefly and the sanitizer subset; these run them in full.
FUZZ_SECONDS ?= 600
fuzz:
	tests/fuzz/fuzz.sh all 200000

fuzz-long:
	tests/fuzz/fuzz.sh long $(FUZZ_SECONDS)

asan:
	JOBS=$(JOBS) scripts/asan-build build-asan
	cd build-asan && ctest --output-on-failure -j$(JOBS) -E '^(e2e|bench|fuzz|asan)'

clean:
	rm -rf $(BUILD) build-fuzz build-asan web/dist
