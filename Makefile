# gongkai — the two commands of the README:
#   make site   installs what is missing, builds gongkai (release) and the example site into public/
#   make test   installs what is missing, builds and runs every test (ends with swift test's summary)
SWIFT ?= swift

.PHONY: site test deps deps-test release bench clean

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

release: deps
	$(SWIFT) build -c release --product gongkai --static-swift-stdlib

site: release
	.build/release/gongkai build --site . --output public

test: deps-test
	$(SWIFT) build --build-tests
	@tmp=$$(mktemp -d /tmp/gongkai-browser.XXXXXX); \
	  .build/debug/gongkai build --site . --output $$tmp/public --quiet && \
	  python3 Tests/Browser/browse_test.py $$tmp/public && \
	  python3 Tests/Browser/status_test.py $$tmp/public && \
	  python3 scripts/print_check.py $$tmp/public && \
	  python3 Tests/Browser/gates.py $$tmp/public && \
	  python3 Tests/Browser/import_test.py .build/debug/gongkai && \
	  python3 Tests/Browser/search_test.py .build/debug/gongkai && \
	  python3 Tests/Browser/desk_test.py .build/debug/gongkai; status=$$?; rm -rf $$tmp; exit $$status
	$(SWIFT) test --skip-build

bench: release
	GONGKAI_BIN=.build/release/gongkai bash bench/build_bench.sh

clean:
	rm -rf .build public
