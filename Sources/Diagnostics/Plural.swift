/// A count with its English noun in the right number: `1 finding`, `2 findings`.
package enum Plural {
    /// `count` and `noun`, made plural with `plural` (or `noun + "s"`) unless the count is one.
    package static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
