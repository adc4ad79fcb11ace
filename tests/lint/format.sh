#!/usr/bin/env bash
# Fail if a C file does not follow .clang-format (clang-format 14, Debian's; scripts/deps.sh installs it).
# Fix with: scripts/format.sh
set -u
root=${1:?}
cf=$(command -v clang-format-14 || command -v clang-format) || { echo "clang-format missing: run scripts/deps.sh test"; exit 1; }
cd "$root" || exit 1
bad=$(find src server cmd include tests bench fuzz -name '*.[ch]' -not -path '*/corpora/*' | sort | while read -r f; do
	[ -f "$f" ] && ! "$cf" --style=file --dry-run -Werror "$f" >/dev/null 2>&1 && echo "$f"
done)
if [ -n "$bad" ]; then echo "not formatted (scripts/format.sh fixes):"; echo "$bad"; exit 1; fi
echo "ok: every C file follows .clang-format"
