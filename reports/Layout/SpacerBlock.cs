namespace Analytics.Reports.Layout;

/// <summary>Empty vertical space, or a page break.</summary>
internal sealed class SpacerBlock(float height, bool breaksPage = false) : Block
{
    public override bool BreaksPage => breaksPage;

    public override BlockLayout Layout(FontCache fonts, float width) =>
        new(breaksPage || height <= 0 ? [] : [new EmptySlice(height)]);

    private sealed class EmptySlice(float height) : Slice
    {
        public override float Height => height;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
        }
    }
}
