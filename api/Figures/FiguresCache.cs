using System.Collections.Concurrent;

namespace Analytics.Api.Figures;

/// <summary>
/// Figures of a whole month (every tenant's metrics, every score), computed once per (kind, period) and kept until
/// the warehouse changes: the analysis layer computes a month set-based for all tenants, and a merchant app asks the
/// same question many times a day. Every completed load calls <see cref="Clear"/>.
/// </summary>
internal sealed class FiguresCache
{
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<(string Kind, Month Period), Lazy<object>> _months = new();

    public T GetOrAdd<T>(string kind, Month period, Func<T> compute)
        where T : class
    {
        if (_months.Count >= MaxEntries)
        {
            _months.Clear();
        }

        // Lazy: 32 clients asking for a cold month start one computation, not 32.
        var lazy = _months.GetOrAdd((kind, period), _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            _months.TryRemove(new KeyValuePair<(string, Month), Lazy<object>>((kind, period), lazy));
            throw;
        }
    }

    public void Clear() => _months.Clear();

    /// <summary>
    /// Forgets every month of one kind (figures that changed without a load, such as a brief's decisions), a mall's
    /// months of it among them (kind ':' mall).
    /// </summary>
    public void Forget(string kind)
    {
        foreach (var key in _months.Keys.Where(k => k.Kind == kind || k.Kind.StartsWith(kind + ":", StringComparison.Ordinal)))
        {
            _months.TryRemove(key, out _);
        }
    }
}
