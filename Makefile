# chibo — two commands: `make run` and `make test`. `make` alone builds everything into build/.
BUILD ?= build
DB ?= data/chibo.db
PORT ?= 8080
JOBS ?= $(shell nproc)
BUILD_TYPE ?= RelWithDebInfo

.PHONY: all deps server web run test unit e2e bench clean demo install deb

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

# FHS install (/usr/bin/chibo, /usr/share/chibo, /etc/chibo/chibo.ini, systemd units);
# DESTDIR=/some/root stages it elsewhere. See docs/operations.md.
install: all
	cmake --install $(BUILD)

# The Debian package (CPack) in $(BUILD)/: chibo_<version>_amd64.deb.
deb: all
	cd $(BUILD) && cpack -G DEB

bench: all
	bench/run

clean:
	rm -rf $(BUILD) web/dist
