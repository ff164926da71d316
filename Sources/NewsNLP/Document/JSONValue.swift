/// A JSON value, as read from a JSON Lines record's `id` and written back unchanged.
public enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(String)  // kept as written, so that ids round-trip exactly
    case bool(Bool)
    case null
}
