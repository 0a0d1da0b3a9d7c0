namespace Analytics.SampleData.Common;

/// <summary>
/// Derives independent, stable seeds from the user's seed. Each concern (plan, sales of one tenant, rent, ...)
/// gets its own <see cref="Random"/> so that changing how one dataset is drawn leaves the others' bytes unchanged.
/// string.GetHashCode is randomised per process, so a fixed FNV-1a hash is used instead.
/// </summary>
internal static class Seeds
{
    public static int Derive(int seed, string purpose, int index = 0)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (var b in BitConverter.GetBytes(seed))
            {
                hash = (hash ^ b) * 16777619;
            }
            foreach (var c in purpose)
            {
                hash = (hash ^ c) * 16777619;
            }
            foreach (var b in BitConverter.GetBytes(index))
            {
                hash = (hash ^ b) * 16777619;
            }
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    public static Random For(int seed, string purpose, int index = 0) => new(Derive(seed, purpose, index));
}
