#!/usr/bin/env bash
# The tests open generated workbooks in LibreOffice (recalculation, printing to PDF) and read the PDFs
# with poppler. Installs the Debian packages when they are missing; does nothing when they are present.
set -euo pipefail
need=()
for pkg in libreoffice-calc-nogui poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "The tests need LibreOffice Calc and poppler-utils (pdfinfo, pdftotext, pdftoppm); please install them." >&2
  exit 1
fi
sudo_=""
[ "$(id -u)" -ne 0 ] && sudo_="sudo"
echo "Installing ${need[*]} for the tests (Debian packages)…" >&2
$sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
