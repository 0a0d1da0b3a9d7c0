#!/usr/bin/env bash
# Installs the fonts the PDF reports need and builds the two faces the code loads by path.
#
# Why: a fresh Debian 12 machine has only DejaVu, which has no Chinese. Debian's Noto Sans CJK comes as
# .ttc collections in which some ideographs share a glyph with a Kangxi radical (U+2F00..), a CJK radical
# supplement (U+2E80..) or an Extension A code point; SkiaSharp's PDF writer maps a shared glyph back to the
# lowest of its code points and a tenant name searched in the PDF text is not found (月 extracts as U+2F49,
# 胶 as U+3B35). Extracting the Simplified Chinese face to an .otf and dropping the shadowing code points
# from its cmap (drop_shadowing_code_points) makes extraction exact. The
# faces are CFF, which SkiaSharp embeds as small per-document glyph subsets (TrueType CJK is embedded whole).
# The face's bounding box (head yMin/yMax, -1.05..1.81 em, set by a few vertical-form glyphs) is narrowed to
# its line metrics (hhea -0.29..1.16 em): ScottPlot places text from that box, and the full box pushed the
# first legend entry and the rotated Y-axis label out of small charts. Common glyphs are renumbered to come
# first, which keeps the PDFs small (see move_common_glyphs_first).
#
# Usage: scripts/install-fonts.sh [--test-tools]
#   --test-tools  also installs qpdf and poppler-utils (pdftoppm, pdftotext), used by the report tests.
# Output folder: $ANALYTICS_FONT_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/tenant-analytics/fonts
# (the same rule as Analytics.Reports.Fonts.FontSettings). Idempotent: does nothing when all is present.
set -euo pipefail

home="${HOME:-$(getent passwd "$(id -un)" | cut -d: -f6)}"
out_dir="${ANALYTICS_FONT_DIR:-${XDG_CACHE_HOME:-$home/.cache}/tenant-analytics/fonts}"
# Bump when the processing below changes, so that old caches are rebuilt.
build_version="6"

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
import logging, os, sys
from fontTools.ttLib import TTCollection

# Noto's own layout tables trigger harmless "Coverage is not sorted" warnings while being read.
logging.getLogger("fontTools").setLevel(logging.ERROR)

out_dir = sys.argv[1]
source_dir = "/usr/share/fonts/opentype/noto"
wanted = "Noto Sans CJK SC"
# Code points that lose when they share a glyph with another: SkiaSharp's PDF text map gives a shared glyph
# the lowest code point mapping to it, so each of these would replace a common character in extracted text.
DISPREFERRED = (
    [range(0x2E80, 0x2FE0)]        # CJK radicals and Kangxi radicals (月 would extract as U+2F49)
    + [range(0x3400, 0x4DC0)]      # Extension A twins of common ideographs (胶 would extract as U+3B35)
    + [range(c, c + 1) for c in (
        0x2003,  # em space, twin of the ideographic space U+3000
        0x2012,  # figure dash, twin of the en dash U+2013
        0x2035,  # reversed prime, twin of the full-width grave accent
        0x2215,  # division slash, twin of the full-width solidus ／
        0x2329, 0x232A,  # deprecated angle brackets, twins of 〈 〉
        0x301C,  # wave dash, twin of the full-width tilde ～ used in Chinese ranges
    )]
)


def dispreferred(cp):
    return any(cp in r for r in DISPREFERRED)


def drop_shadowing_code_points(font):
    """For each glyph mapped from several code points, removes those below the preferred one (the lowest
    code point that is not dispreferred), so the preferred one is what the PDF text says."""
    cmap = font.getBestCmap()
    by_glyph = {}
    for cp, glyph in cmap.items():
        by_glyph.setdefault(glyph, []).append(cp)
    drop = set()
    for cps in by_glyph.values():
        if len(cps) > 1:
            preferred = min(cps, key=lambda cp: (dispreferred(cp), cp))
            drop.update(cp for cp in cps if cp < preferred)
    # Radicals are never wanted, even alone: a radical in a name is a data-entry slip for the ideograph.
    drop.update(cp for cp in cmap if 0x2E80 <= cp < 0x2FE0)
    for table in font["cmap"].tables:
        if getattr(table, "cmap", None):
            for cp in [cp for cp in table.cmap if cp in drop]:
                del table.cmap[cp]
    return len(drop)


def common_characters():
    """Latin, punctuation and symbols, then the 6,763 hanzi of GB 2312 (level 1 holds the 3,755 most used)."""
    chars = []
    for block in (range(0x20, 0x7F), range(0xA0, 0x180), range(0x2000, 0x2070), range(0x2100, 0x2200),
                  range(0x3000, 0x3040), range(0xFF00, 0xFF66)):
        chars += [chr(c) for c in block]
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def move_common_glyphs_first(font):
    """Renumbers glyphs so the common ones come first. SkiaSharp writes a CFF face as Type 3 fonts of at most
    255 consecutive glyph ids each; in Noto's own order the hanzi of one page fall into ~50 such ranges per
    face (a 300 KB sheet), in this order into a handful."""
    order = font.getGlyphOrder()
    cmap = font.getBestCmap()
    first, seen = [order[0]], {order[0]}
    for ch in common_characters():
        glyph = cmap.get(ord(ch))
        if glyph is not None and glyph not in seen:
            seen.add(glyph)
            first.append(glyph)
    new_order = first + [g for g in order if g not in seen]
    position = {g: i for i, g in enumerate(order)}
    permutation = [position[g] for g in new_order]
    top = font["CFF "].cff.topDictIndex[0]
    charstrings = top.CharStrings
    # The charstring index loads items lazily by position: load all before moving them.
    loaded = [charstrings.charStringsIndex[i] for i in range(len(order))]
    charstrings.charStringsIndex.items = [loaded[i] for i in permutation]
    charstrings.charStrings = {g: i for i, g in enumerate(new_order)}
    top.charset = list(new_order)
    if hasattr(top, "FDSelect"):  # CID-keyed: each glyph's font dict (and so its local subroutines) moves with it
        top.FDSelect.format = None
        top.FDSelect.gidArray = [top.FDSelect.gidArray[i] for i in permutation]
    # Other tables refer to glyphs by name once decompiled, and are written with the new ids.
    font.setGlyphOrder(new_order)


for weight in ("Regular", "Bold"):
    # recalcBBoxes=False keeps the narrowed box set below (and saves a minute of CFF bounds recomputation).
    collection = TTCollection(os.path.join(source_dir, f"NotoSansCJK-{weight}.ttc"), lazy=False, recalcBBoxes=False)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == wanted)
    font.ensureDecompiled()
    dropped = drop_shadowing_code_points(font)
    move_common_glyphs_first(font)
    head, hhea = font["head"], font["hhea"]
    head.yMax, head.yMin = hhea.ascent, hhea.descent
    target = os.path.join(out_dir, f"NotoSansCJKsc-{weight}.otf")
    font.save(target + ".tmp")
    os.replace(target + ".tmp", target)
    print(f"built {target} ({os.path.getsize(target) // 1024} KB, {dropped} shadowing code points dropped)")
PY
rm -f "$out_dir"/.build-*
touch "$marker"
