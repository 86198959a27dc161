#!/usr/bin/env bash
# Look at a draft as a clerk would: .docx -> PDF (LibreOffice headless) -> PNG (pdftoppm), then check it.
# Usage: scripts/render_preview.sh [FIXTURE.txt|EXTRACTION.json] [PROFILE]
#   (default: fixture 003, profile chosen from the document's issuer). The dated line is the draft's
#   own (the document's month and year, the day left blank for the văn thư); pass DRAFT_DATE=YYYY-MM-DD
#   to fill it. Not needed by the test suite.
# Installs what it needs from Debian when missing: LibreOffice Writer, poppler-utils, and a font with
# Times New Roman's metrics and full Vietnamese coverage (Liberation Serif, which fontconfig substitutes
# for Times New Roman); without it LibreOffice lays the draft out in DejaVu and the page breaks differ.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=${1:-fixtures/documents/003_b47614d5102acb89.txt}
profile=${2:-}
out=${PREVIEW_DIR:-preview}
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v fc-match >/dev/null || need+=(fontconfig)
if ! command -v fc-match >/dev/null || ! fc-match "Times New Roman" | grep -qiE "liberation ?serif|times new roman"; then
  need+=(fonts-liberation2)
fi
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi
mkdir -p "$out"
name=$(basename "${doc%.*}")
.venv/bin/summarizer draft "$doc" -o "$out/$name.docx" ${DRAFT_DATE:+--date "$DRAFT_DATE"} ${profile:+--issuer-profile "$profile"}
soffice -env:UserInstallation="file://$PWD/$out/.lo-profile" --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
rm -f "$out/$name"-*.png
pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name"
echo "fonts used: $(pdffonts "$out/$name.pdf" 2>/dev/null | awk 'NR>2 {print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')"
.venv/bin/summarizer check "$out/$name.docx" || true
ls "$out"/"$name"*.png
