#!/usr/bin/env bash
# The tests open generated workbooks in LibreOffice (recalculation, printing to PDF), read the PDFs with
# poppler, and drive the built task pane in Chromium (/usr/bin/chromium, through playwright-core, which
# never downloads a browser of its own). The forms are set in Times New Roman: Liberation Serif 2 (metric-
# compatible with it) lets LibreOffice print them at the widths Excel would, so the print test measures
# what an office sees. Installs the Debian packages when they are missing; does nothing
# when they are present.
set -euo pipefail
need=()
for pkg in libreoffice-calc-nogui poppler-utils chromium fonts-liberation2; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "The tests need LibreOffice Calc, poppler-utils (pdfinfo, pdftotext, pdftoppm, pdftohtml), Chromium (/usr/bin/chromium) and the Liberation 2 fonts; please install them." >&2
  exit 1
fi
sudo_=""
[ "$(id -u)" -ne 0 ] && sudo_="sudo"
echo "Installing ${need[*]} for the tests (Debian packages)…" >&2
$sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
