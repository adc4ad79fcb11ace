#!/usr/bin/env bash
# Format every C source and header in place with .clang-format (clang-format 14, as tests/lint/format.sh checks).
set -eu
cd "$(dirname "$0")/.."
cf=$(command -v clang-format-14 || command -v clang-format)
find src server cmd include tests bench fuzz -name '*.[ch]' -not -path '*/corpora/*' | while read -r f; do [ -f "$f" ] && "$cf" --style=file -i "$f"; done
