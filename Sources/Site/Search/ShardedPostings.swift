/// A site's postings ordered by shard, then token, then document: the
/// order its shard files list them in. Made by two counting passes over the
/// documents' token lists, without a list of every posting in document order
/// beside it: a province hub's 5 million postings took 124 MB that way, twice
/// over when two sites were indexed at once.
struct ShardedPostings {
    /// The tokens the site holds, by shard (``SearchTokens/shard(of:count:)``'s hash modulo the count), then by id.
    let tokens: [Int32]
    /// Where each shard's tokens start in ``tokens``, and one more entry: the end.
    let shardStart: [Int]
    /// Where each token of ``tokens`` has its postings in ``postings``, and one more entry: the end.
    let tokenStart: [Int]
    /// (document, weight) of every posting, each token's by document.
    let postings: [(document: Int32, weight: Int32)]

    /// - Parameters:
    ///   - documents: each document's token ids, ascending, with their counts.
    ///   - hashes: every token's hash, by id.
    ///   - weight: a posting's weight, from its document and count.
    init(documents: [AscendingCounts], shardCount: Int, hashes: [UInt32], weight: (Int, Int32) -> Int32) {
        var perToken = [Int32](repeating: 0, count: hashes.count)
        for list in documents {
            list.forEach { token, _ in perToken[Int(token)] += 1 }
        }
        let shard = { (token: Int) in Int(hashes[token] % UInt32(shardCount)) }
        var shardStart = [Int](repeating: 0, count: shardCount + 1)
        for token in perToken.indices where perToken[token] > 0 { shardStart[shard(token) + 1] += 1 }
        for number in 0..<shardCount { shardStart[number + 1] += shardStart[number] }
        // Ids ascending within each shard: placed in order.
        var tokens = [Int32](repeating: 0, count: shardStart[shardCount])
        var nextToken = shardStart
        for token in perToken.indices where perToken[token] > 0 {
            tokens[nextToken[shard(token)]] = Int32(token)
            nextToken[shard(token)] += 1
        }
        var tokenStart = [Int](repeating: 0, count: tokens.count + 1)
        // Where the next posting of each token (by id) goes.
        var cursor = [Int](repeating: 0, count: hashes.count)
        for (slot, token) in tokens.enumerated() {
            cursor[Int(token)] = tokenStart[slot]
            tokenStart[slot + 1] = tokenStart[slot] + Int(perToken[Int(token)])
        }
        // Documents in order: each token's postings come out by document.
        var postings = [(document: Int32, weight: Int32)](repeating: (0, 0), count: tokenStart[tokens.count])
        for (document, list) in documents.enumerated() {
            list.forEach { token, count in
                postings[cursor[Int(token)]] = (Int32(document), weight(document, count))
                cursor[Int(token)] += 1
            }
        }
        self.tokens = tokens
        self.shardStart = shardStart
        self.tokenStart = tokenStart
        self.postings = postings
    }
}
