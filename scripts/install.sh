#!/usr/bin/env bash
# Set up Establishment Planner on a fresh machine: system packages (Debian/Ubuntu,
# when run as root or with sudo), a virtual environment in .venv and the Python
# dependencies. `--test` adds what the test suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

# CJK fonts so Chinese renders in the window, the charts and the PDF; the Qt
# libraries the PySide6 wheel expects on a bare Linux system.
packages=(fonts-noto-cjk fontconfig libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
          libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1)
if [ "$want_tests" = 1 ]; then
  # pdftotext/pdftoppm for the report tests, a PostgreSQL server for the shared-database tests,
  # LibreOffice Calc and Writer (no GUI) to save workbooks and convert the Word request to PDF in tests.
  packages+=(poppler-utils postgresql libreoffice-calc-nogui libreoffice-writer-nogui)
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    echo "Installing system packages: ${missing[*]}" >&2
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
else
  echo "apt-get not found: install a CJK font (e.g. Noto Sans CJK) yourself if Chinese shows as boxes." >&2
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_tests" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
