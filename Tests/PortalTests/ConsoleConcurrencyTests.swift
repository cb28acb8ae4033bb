@testable import Console
import Content
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Review
import Testing

/// Several people at once: nothing lost, nothing interleaved, the ledger's chain intact.
struct ConsoleConcurrencyTests {
    @Test func twoEditorsSavingTheSameRevisionOneWinsTheOtherIsTold() async throws {
        let harness = try ConsoleHarness()
        try harness.users.add(name: "赵编辑", role: .editor, scopes: ["province"], password: ConsoleHarness.password)
        let file = harness.fixture.content + "/answers/province/flu.md"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let seen = SHA256.hex(Data(original.utf8))
        let texts = [original + "\n王编辑的补充。\n", original + "\n赵编辑的另一段补充，更长一些。\n"]
        let raw = harness.client()
        var wang = ConsoleClient(raw)
        var zhao = ConsoleClient(raw)
        try await wang.login("王编辑")
        try await zhao.login("赵编辑")
        async let first = wang.send(.put, "/api/answers/province/flu", json: ["markdown": texts[0]], headers: [.ifMatch: seen])
        async let second = zhao.send(.put, "/api/answers/province/flu", json: ["markdown": texts[1]], headers: [.ifMatch: seen])
        let statuses = try await [first.status, second.status]
        #expect(statuses.filter { $0 == .ok }.count == 1)
        #expect(statuses.filter { $0 == .conflict }.count == 1)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved == texts[statuses[0] == .ok ? 0 : 1])
    }

    @Test func twentyReviewersDecidingAtOnceLoseNoLine() async throws {
        let harness = try ConsoleHarness()
        let names = (1...20).map { "审核员\($0)" }
        for name in names {
            try harness.users.add(name: name, role: .reviewer, scopes: ["province"], password: ConsoleHarness.password)
        }
        let sha = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: harness.fixture.content + "/answers/province/flu.md")))
        let before = try ReviewLedger.load(file: harness.fixture.content + "/reviews.jsonl").entries.count
        let raw = harness.client()
        var clients: [ConsoleClient] = []
        for name in names {
            var client = ConsoleClient(raw)
            try await client.login(name)
            clients.append(client)
        }
        let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    try await client.send(.post, "/api/answers/province/flu/decision",
                                          json: ["decision": "rejected", "note": "第\(index + 1)位审核员：请补充接种地点。", "sha256": sha]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == .ok })
        // Every decision is a line, chained and signed: the ledger verifies, each reviewer once.
        let ledger = try ReviewLedger.load(file: harness.fixture.content + "/reviews.jsonl")
        #expect(ledger.entries.count == before + 20)
        #expect(Set(ledger.entries.suffix(20).map(\.signer)) == Set(names))
    }
}
