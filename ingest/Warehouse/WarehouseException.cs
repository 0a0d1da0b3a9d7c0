namespace Analytics.Ingest.Warehouse;

/// <summary>A problem with the warehouse file that the user can act on; its message is shown as is.</summary>
public sealed class WarehouseException(string message, Exception? inner = null) : UserError(message, inner);
