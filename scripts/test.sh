#!/usr/bin/env bash
# The whole test suite: static checks, unit/integration tests (vitest, real SQLite
# files, PTYs, TCP, the cloud server on loopback), then end-to-end tests in
# Debian's Chromium against browser mode.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  echo "lojal: node_modules is missing; run 'npm ci' first (the README's command does)." >&2
  exit 1
fi
bash scripts/ensure-system-deps.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "type-check"; npm run -s typecheck
step "lint"; npm run -s lint
step "format"; npm run -s format:check
step "unit and integration tests"; npx vitest run
if [ -f playwright.config.ts ]; then
  step "build the UI"; npm run -s build:ui
  step "end-to-end tests (Chromium)"; npx playwright test
  step "scanner devices end-to-end (Chromium: HID wedge, fake camera)"
  npx playwright test -c e2e/devices/playwright.devices.config.ts
fi
echo
echo "lojal: all tests passed"
