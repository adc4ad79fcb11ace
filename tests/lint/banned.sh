#!/usr/bin/env bash
# Fail if a banned C function is called anywhere in our C sources (house style, after curl).
set -u
root=${1:?}
hits=$(grep -rnE '\b(strcpy|sprintf|vsprintf|strcat|strtok|atoi|atol|gets)[[:space:]]*\(' \
  "$root"/src "$root"/cmd "$root"/include "$root"/tests "$root"/bench ${root}/server ${root}/fuzz 2>/dev/null \
  --include='*.c' --include='*.h' | grep -v 'tests/lint/')
if [ -n "$hits" ]; then echo "banned functions used:"; echo "$hits"; exit 1; fi
echo "ok: no banned functions"
