#!/usr/bin/env bash
# The tests drive real parts: Debian's Chromium (Playwright never downloads a
# browser here) and socat (PTY pairs that play a serial scanner). Install them
# when we can (root + apt), otherwise say exactly what is missing and stop.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "lojal: installing system packages the tests need: ${missing[*]}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || echo "lojal: apt-get update failed; trying the install anyway"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "lojal: missing ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
echo "lojal: (Playwright uses /usr/bin/chromium; do not run 'npx playwright install')" >&2
exit 1
