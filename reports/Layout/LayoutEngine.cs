namespace Analytics.Reports.Layout;

/// <summary>A slice placed on a page, <see cref="Y"/> points below the top of the content area.</summary>
internal readonly record struct PlacedSlice(Slice Slice, float Y);

/// <summary>
/// Pagination, the first of the renderer's two passes: flows the blocks' slices onto pages of a given content
/// height. Knowing the page count before anything is drawn is what lets a footer say "page N of M".
/// </summary>
internal sealed class LayoutEngine(FontCache fonts)
{
    public IReadOnlyList<IReadOnlyList<PlacedSlice>> Paginate(IReadOnlyList<Block> blocks, float width, float height)
    {
        var layouts = blocks.Select(b => b.Layout(fonts, width)).ToList();
        var pages = new List<List<PlacedSlice>> { new() };
        var page = pages[0];
        float y = 0;
        float pendingSpace = 0;

        for (var k = 0; k < blocks.Count; k++)
        {
            var block = blocks[k];
            var layout = layouts[k];
            if (block.BreaksPage)
            {
                if (page.Count > 0)
                    NewPage();
                continue;
            }
            if (layout.Slices.Count == 0)
                continue;

            var gap = page.Count == 0 ? 0 : pendingSpace + block.SpaceBefore;
            if (page.Count > 0 && y + gap + LeadHeight(k) > height)
            {
                NewPage();
                gap = 0;
            }
            y += gap;

            for (var i = 0; i < layout.Slices.Count; i++)
            {
                var slice = layout.Slices[i];
                if (page.Count > 0 && y + slice.Height > height)
                {
                    NewPage();
                    if (layout.RepeatedHeader is { } header && i > 0)
                        Place(header);
                }
                if (slice.Height > height)
                    throw new InvalidOperationException(
                        $"A {block.GetType().Name} part is {slice.Height:F0} pt tall and a page holds {height:F0} pt of content.");
                Place(slice);
            }
            pendingSpace = block.SpaceAfter;
        }
        // A page break at the very end leaves an empty last page: drop it (a document keeps at least one page).
        while (pages.Count > 1 && pages[^1].Count == 0)
            pages.RemoveAt(pages.Count - 1);
        return pages;

        void NewPage()
        {
            page = [];
            pages.Add(page);
            y = 0;
        }

        void Place(Slice slice)
        {
            page.Add(new PlacedSlice(slice, y));
            y += slice.Height;
        }

        // What must fit before block k may start on this page: its first KeepFirst slices, and for a heading
        // also the start of the block that follows it, so a heading never ends a page.
        float LeadHeight(int k)
        {
            var layout = layouts[k];
            var lead = layout.Slices.Take(layout.KeepFirst).Sum(s => s.Height);
            if (blocks[k].KeepWithNext && k + 1 < blocks.Count && !blocks[k + 1].BreaksPage && layouts[k + 1].Slices.Count > 0)
                lead += blocks[k].SpaceAfter + blocks[k + 1].SpaceBefore + LeadHeight(k + 1);
            return lead;
        }
    }
}
