#!/usr/bin/env bash
# Installs the fonts the PDF reports need and builds the two faces the code loads by path.
#
# Why: a fresh Debian 12 machine has only DejaVu, which has no Chinese. Debian's Noto Sans CJK comes as
# .ttc collections in which some ideographs share a glyph with a Kangxi radical (U+2F00..) or CJK radical
# supplement (U+2E80..) code point; SkiaSharp's PDF writer then maps the glyph back to the radical and a
# tenant name searched in the PDF text is not found (月 extracts as U+2F49). Extracting the Simplified
# Chinese face to an .otf and dropping those radical entries from its cmap makes extraction exact. The
# faces are CFF, which SkiaSharp embeds as small per-document glyph subsets (TrueType CJK is embedded whole).
# The face's bounding box (head yMin/yMax, -1.05..1.81 em, set by a few vertical-form glyphs) is narrowed to
# its line metrics (hhea -0.29..1.16 em): ScottPlot places text from that box, and the full box pushed the
# first legend entry and the rotated Y-axis label out of small charts.
#
# Usage: scripts/install-fonts.sh [--test-tools]
#   --test-tools  also installs qpdf and poppler-utils (pdftoppm, pdftotext), used by the report tests.
# Output folder: $ANALYTICS_FONT_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/tenant-analytics/fonts
# (the same rule as Analytics.Reports.Fonts.FontSettings). Idempotent: does nothing when all is present.
set -euo pipefail

out_dir="${ANALYTICS_FONT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tenant-analytics/fonts}"
# Bump when the processing below changes, so that old caches are rebuilt.
build_version="3"

packages=(fonts-noto-cjk python3-fonttools)
if [[ "${1:-}" == "--test-tools" ]]; then
    packages+=(qpdf poppler-utils)
elif [[ -n "${1:-}" ]]; then
    echo "usage: $0 [--test-tools]" >&2
    exit 2
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} > 0)); then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine has no package lists yet: update only when the install cannot find a package.
    if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
        $sudo apt-get update
        $sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
fi

marker="$out_dir/.build-$build_version"
if [[ -f "$marker" && -f "$out_dir/NotoSansCJKsc-Regular.otf" && -f "$out_dir/NotoSansCJKsc-Bold.otf" ]]; then
    echo "fonts present in $out_dir"
    exit 0
fi

mkdir -p "$out_dir"
# Debian's python3-fonttools belongs to Debian's interpreter; a python3 earlier on PATH (pyenv, venv) lacks it.
/usr/bin/python3 - "$out_dir" <<'PY'
import os, sys
from fontTools.ttLib import TTCollection

out_dir = sys.argv[1]
source_dir = "/usr/share/fonts/opentype/noto"
wanted = "Noto Sans CJK SC"
radicals = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement + Kangxi Radicals

for weight in ("Regular", "Bold"):
    # recalcBBoxes=False keeps the narrowed box below (and saves a minute of CFF bounds recomputation).
    collection = TTCollection(os.path.join(source_dir, f"NotoSansCJK-{weight}.ttc"), lazy=True, recalcBBoxes=False)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == wanted)
    dropped = 0
    for table in font["cmap"].tables:
        if getattr(table, "cmap", None):
            for cp in [cp for cp in table.cmap if cp in radicals]:
                del table.cmap[cp]
                dropped += 1
    head, hhea = font["head"], font["hhea"]
    head.yMax, head.yMin = hhea.ascent, hhea.descent
    target = os.path.join(out_dir, f"NotoSansCJKsc-{weight}.otf")
    font.save(target + ".tmp")
    os.replace(target + ".tmp", target)
    print(f"built {target} ({os.path.getsize(target) // 1024} KB, {dropped} radical cmap entries dropped)")
PY
rm -f "$out_dir"/.build-*
touch "$marker"
