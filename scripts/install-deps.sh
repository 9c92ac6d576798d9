#!/usr/bin/env bash
# Installs what gongkai needs and is missing, from Debian's packages and PyPI.
#   scripts/install-deps.sh build   libcmark-dev, libqrencode-dev + pkg-config (to compile gongkai)
#   scripts/install-deps.sh test    + chromium, chromium-driver, python selenium (browser test),
#                                   poppler-utils and zbar-tools (print check: scripts/print_check.py)
# Nothing is installed when it is already there.
set -euo pipefail
what=${1:-build}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_packages=()

if ! command -v pkg-config >/dev/null 2>&1; then apt_packages+=(pkg-config); fi
if ! pkg-config --exists libcmark 2>/dev/null; then apt_packages+=(libcmark-dev); fi
if ! pkg-config --exists libqrencode 2>/dev/null; then apt_packages+=(libqrencode-dev); fi

if [ "$what" = "test" ]; then
    command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || apt_packages+=(chromium-driver)
    command -v pdftoppm >/dev/null 2>&1 || apt_packages+=(poppler-utils)
    command -v zbarimg >/dev/null 2>&1 || apt_packages+=(zbar-tools)
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
