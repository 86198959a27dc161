#!/usr/bin/env bash
# Look at a draft as a clerk would: .docx -> PDF (LibreOffice headless) -> PNG (pdftoppm).
# Usage: scripts/render_preview.sh [FIXTURE.txt] [PROFILE]   (default: fixture 002, profile by issuer)
# Installs Debian's libreoffice-writer and poppler-utils when missing (not needed by the test suite).
set -euo pipefail
cd "$(dirname "$0")/.."
doc=${1:-fixtures/documents/002_bc0f9a691a514970.txt}
profile=${2:-}
out=${PREVIEW_DIR:-preview}
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer poppler-utils fonts-liberation2 >/dev/null
fi
mkdir -p "$out"
name=$(basename "${doc%.*}")
.venv/bin/summarizer draft "$doc" -o "$out/$name.docx" --date 2025-11-05 ${profile:+--issuer-profile "$profile"}
soffice --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name"
ls "$out"/"$name"*.png
