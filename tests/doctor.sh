#!/usr/bin/env bash
# Tests scripts/dev's libclang detection on fake machines: temporary folders laid
# out like a system's /usr, searched through NEWSKG_DOCTOR_ROOT. The detection
# has to agree with what bindgen (clang-sys) would load, because a check looser
# than the tool let a first build run 40 minutes and then fail (issue 9).
#
# Run: bash tests/doctor.sh (also run by .ci/run). Prints one line per case and
# "doctor: N passed, M failed"; exits 1 when any case fails.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

# A file that starts like a shared library of the given ELF class
# (2: 64-bit, 1: 32-bit); clang-sys reads only those first bytes.
fake_lib() {  # PATH [CLASS]
  mkdir -p "$(dirname "$1")"
  { printf '\177ELF'; printf "\\$(printf '%03o' "${2:-2}")"; head -c 59 /dev/zero; } >"$1"
}

# A fresh root; "stock" is the development image: llvm-14 present, so
# libclang-cpp.so.14 (in two places) and an llvm-config, but no libclang.
new_root() {  # NAME [stock]
  local root="$work/$1"
  mkdir -p "$root/usr/lib/x86_64-linux-gnu" "$root/usr/local/lib" "$root/bin"
  if [ "${2:-}" = stock ]; then
    fake_lib "$root/usr/lib/llvm-14/lib/libclang-cpp.so.14"
    ln -s ../../lib/llvm-14/lib/libclang-cpp.so.14 "$root/usr/lib/x86_64-linux-gnu/libclang-cpp.so.14"
    fake_lib "$root/usr/lib/llvm-14/lib/libLLVM-14.so"
  fi
  # llvm-config as on the image: it names the llvm-14 prefix (here, inside the root).
  printf '#!/bin/sh\n[ "$1" = --prefix ] && echo %q\n' "$root/usr/lib/llvm-14" >"$root/bin/llvm-config"
  chmod +x "$root/bin/llvm-config"
  printf '%s\n' "$root"
}

# Runs the detection with nothing from this machine leaking in.
detect() {  # ROOT [VAR=VALUE...]
  local root=$1; shift
  env -u LIBCLANG_PATH -u LD_LIBRARY_PATH -u LIBRARY_PATH \
    NEWSKG_DOCTOR_ROOT="$root" LLVM_CONFIG_PATH="$root/bin/llvm-config" "$@" \
    bash scripts/dev find-libclang 2>&1 || true
}

expect() {  # NAME WANT GOT   (WANT: a path, or "missing" for any "missing…" answer)
  local name=$1 want=$2 got=$3
  if [ "$want" = missing ] && [[ $got == missing* ]] || [ "$got" = "$want" ]; then
    passed=$((passed + 1)); printf 'ok    %s\n' "$name"
  else
    failed=$((failed + 1)); printf 'FAIL  %s\n      want: %s\n      got:  %s\n' "$name" "$want" "$got"
  fi
}

# 1. The stock image: libclang-cpp only. bindgen finds nothing, so neither may we.
r=$(new_root stock stock)
expect "stock image (libclang-cpp.so.14 only) -> missing" missing "$(detect "$r")"

# 2-3. libclang1-14's names, each on its own.
r=$(new_root so1 stock); fake_lib "$r/usr/lib/llvm-14/lib/libclang.so.1"
expect "llvm-14/lib/libclang.so.1 -> found" "$r/usr/lib/llvm-14/lib/libclang.so.1" "$(detect "$r")"
r=$(new_root ver stock); fake_lib "$r/usr/lib/llvm-14/lib/libclang-14.so"
expect "llvm-14/lib/libclang-14.so -> found" "$r/usr/lib/llvm-14/lib/libclang-14.so" "$(detect "$r")"

# 4. Found through the standard folders alone, with no llvm-config at all.
r=$(new_root multiarch); fake_lib "$r/usr/lib/x86_64-linux-gnu/libclang-14.so.1"
expect "x86_64-linux-gnu/libclang-14.so.1, no llvm-config -> found" \
  "$r/usr/lib/x86_64-linux-gnu/libclang-14.so.1" "$(detect "$r" LLVM_CONFIG_PATH=/nonexistent/llvm-config)"

# 5-6. LIBCLANG_PATH as a folder, and as a file.
r=$(new_root envdir stock); fake_lib "$r/opt/clang/lib/libclang.so"
expect "LIBCLANG_PATH=folder -> found" "$r/opt/clang/lib/libclang.so" "$(detect "$r" LIBCLANG_PATH="$r/opt/clang/lib")"
expect "LIBCLANG_PATH=folder/ (trailing slash) -> found" "$r/opt/clang/lib/libclang.so" "$(detect "$r" LIBCLANG_PATH="$r/opt/clang/lib/")"
expect "LIBCLANG_PATH=file -> that file" "$r/opt/clang/lib/libclang.so" "$(detect "$r" LIBCLANG_PATH="$r/opt/clang/lib/libclang.so")"

# 7. LIBCLANG_PATH is the only place bindgen looks: a good system libclang does not help.
r=$(new_root envonly); fake_lib "$r/usr/lib/llvm-14/lib/libclang.so.1"; mkdir -p "$r/empty"
expect "LIBCLANG_PATH=empty folder, libclang in /usr/lib -> missing" missing "$(detect "$r" LIBCLANG_PATH="$r/empty")"

# 8. A relative LIBCLANG_PATH is resolved from RocksDB's crate folder by bindgen.
r=$(new_root envrel); fake_lib "$r/usr/lib/llvm-14/lib/libclang.so.1"
expect "LIBCLANG_PATH relative -> missing" missing "$(detect "$r" LIBCLANG_PATH=usr/lib/llvm-14/lib)"

# 9-10. The name is not enough: clang-sys reads the ELF header.
r=$(new_root text); mkdir -p "$r/usr/lib/llvm-14/lib"; echo "INPUT(libclang.so.1)" >"$r/usr/lib/llvm-14/lib/libclang.so"
expect "libclang.so that is not ELF -> missing" missing "$(detect "$r")"
r=$(new_root elf32); fake_lib "$r/usr/lib/llvm-14/lib/libclang.so" 1
expect "32-bit libclang.so -> missing" missing "$(detect "$r")"
r=$(new_root dangling); mkdir -p "$r/usr/lib/llvm-14/lib"; ln -s nowhere.so.1 "$r/usr/lib/llvm-14/lib/libclang.so"
expect "dangling libclang.so symlink -> missing" missing "$(detect "$r")"

# 11. Highest version wins, as clang-sys picks it (13 < 14, wherever found).
r=$(new_root versions); fake_lib "$r/usr/local/lib/libclang.so.13"; fake_lib "$r/usr/lib/llvm-14/lib/libclang-14.so"
expect "libclang.so.13 and libclang-14.so -> the 14" "$r/usr/lib/llvm-14/lib/libclang-14.so" "$(detect "$r")"

# 12. llvm-config's prefix is searched even outside the standard folders.
r=$(new_root prefix); fake_lib "$r/opt/llvm/lib/libclang.so"
printf '#!/bin/sh\necho %q\n' "$r/opt/llvm" >"$r/bin/llvm-config"
expect "llvm-config --prefix outside /usr -> found" "$r/opt/llvm/lib/libclang.so" "$(detect "$r")"
expect "same, llvm-config not runnable -> missing" missing "$(detect "$r" LLVM_CONFIG_PATH=/nonexistent/llvm-config)"

# 13. LD_LIBRARY_PATH folders are searched.
r=$(new_root ldpath); fake_lib "$r/opt/x/libclang.so"
expect "LD_LIBRARY_PATH folder -> found" "$r/opt/x/libclang.so" "$(detect "$r" LD_LIBRARY_PATH="/nonexistent::$r/opt/x")"

# 14. Only two folder levels below /usr/lib*: deeper is not searched.
r=$(new_root deep); fake_lib "$r/usr/lib/a/b/c/libclang.so"
expect "usr/lib/a/b/c/libclang.so (too deep) -> missing" missing "$(detect "$r" LLVM_CONFIG_PATH=/nonexistent/llvm-config)"
r=$(new_root local); fake_lib "$r/usr/local/llvm17/lib/libclang.so"
expect "usr/local/llvm17/lib/libclang.so -> found" "$r/usr/local/llvm17/lib/libclang.so" "$(detect "$r" LLVM_CONFIG_PATH=/nonexistent/llvm-config)"

# 15. The doctor's report on the stock image: missing, says why, says what it will do.
r=$(new_root report stock)
report=$(env -u LIBCLANG_PATH -u LD_LIBRARY_PATH -u LIBRARY_PATH NEWSKG_DOCTOR_ROOT="$r" \
  LLVM_CONFIG_PATH="$r/bin/llvm-config" bash scripts/dev doctor 2>&1 || true)
line=$(printf '%s\n' "$report" | sed -n '/^  libclang /,/^  [a-z]/p')
if [[ $line == *MISSING* && $line == *"libclang-cpp.so.14 (libclang-cpp"* && $line == *"apt-get install libclang-dev"* ]]; then
  passed=$((passed + 1)); echo "ok    doctor report on the stock image: MISSING, libclang-cpp ignored, install named"
else
  failed=$((failed + 1)); printf 'FAIL  doctor report on the stock image:\n%s\n' "$report"
fi

echo "doctor: $passed passed, $failed failed"
[ "$failed" = 0 ]
