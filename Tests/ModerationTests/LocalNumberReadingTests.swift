@testable import Moderation
import Testing
import TestSupport

/// A local number counts as a caller's only after a word that announces it,
/// read as moderation reads terms. The quick reading of the text before a
/// number must read exactly as the full one wherever it answers.
struct LocalNumberReadingTests {
    /// Every scalar the quick reading takes, and the scalars around its ranges.
    private static let scalars: [Unicode.Scalar] = ([0...0x7F, 0x80...0xFF, 0x2000...0x206F, 0x3000...0x303F, 0x4DF0...0xA010,
                                                     0xDFF0...0xE010, 0xF900...0xF910, 0xFE30...0xFE70, 0xFF00...0xFFEF, 0xFFF0...0xFFFD] as [ClosedRange<UInt32>])
        .flatMap { $0 }.compactMap(Unicode.Scalar.init)

    /// The text before a number is read from the start of a character, wherever the
    /// 192 bytes looked at would open inside one: an announcing word is found the same.
    @Test func aWordIsFoundWhereverTheWindowBeforeTheNumberOpens() {
        for padding in 60...70 {
            // U+2029 ends each block of a reader's text: white space, as the full reading has it.
            for (before, announced) in [("联系电话：", true), ("電話", true), ("Ｔｅｌ", true), ("电\u{2029}话\u{2029}", true), ("办理时间为", false),
                                        ("\u{2029}办理时间为\u{2028}", false), ("电话\u{E000}\n", true), ("\u{E000}\n电话：", true)] {
                var text = String(repeating: "健", count: padding) + before + "83106666"
                let offset = text.utf8.count - 8
                text.withUTF8 { bytes in
                    #expect(LocalNumber.isAnnounced(before: offset, in: bytes) == announced, "\(padding) \(before)")
                }
            }
            // A word further back than the window looks is no announcement.
            var far = "电话" + String(repeating: "健", count: padding) + "83106666"
            let offset = far.utf8.count - 8
            far.withUTF8 { bytes in #expect(!LocalNumber.isAnnounced(before: offset, in: bytes), "\(padding)") }
        }
    }

    @Test func eachScalarTheQuickReadingTakesReadsAsTheFullReadingDoes() {
        var taken = 0
        for scalar in Self.scalars {
            let written = String(scalar)
            guard let quick = LocalNumber.quickReading(of: written) else { continue }
            taken += 1
            #expect(String(quick) == String(LocalNumber.reading(of: written)), "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        #expect(taken > 20_000, "the quick reading takes ASCII, ideographs and full-width forms")
    }

    /// Scalars next to each other may read otherwise than alone (composition): seeded mixed windows.
    @Test func mixedWindowsReadAsTheFullReadingDoes() {
        var random = SplitMix64(seed: 12320)
        let pool: [Unicode.Scalar] = Self.scalars.filter { LocalNumber.quickReading(of: String($0)) != nil }
            + ["电", "話", "联", "系", "Ｔ", "ｅ", "Ｌ", "：", "，", "\u{3000}", " ", "\u{00A0}", "8", "３", "-"]
        var quick = 0
        for _ in 0..<5_000 {
            let written = String(String.UnicodeScalarView((0..<Int(random.next() % 40)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }))
            guard let read = LocalNumber.quickReading(of: written) else { continue }
            quick += 1
            #expect(String(read) == String(LocalNumber.reading(of: written)), "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(quick == 5_000)
    }

    /// The quick look before a number says no only where the full reading holds no announcing word:
    /// seeded windows of the words' characters, their traditional and full-width forms, breaks, white space and others.
    @Test func theQuickLookMissesNoWordTheFullReadingFinds() {
        let traditional: [Character: Character] = ["電": "电", "話": "话", "聯": "联", "繫": "系", "撥": "拨", "號": "号", "碼": "码", "熱": "热", "線": "线"]
        let pool = ["电", "话", "電", "話", "联", "系", "聯", "繫", "拨", "打", "撥", "号", "码", "號", "碼", "热", "线", "熱", "線", "Ｔ", "ｅ", "ｌ",
                    "T", "E", "L", "p", "h", "o", "n", "e", "：", "，", "。", " ", "\u{3000}", "\u{00A0}", "\u{2029}", "健", "康", "丶",
                    "a", "|", "\u{200B}", "①", "\u{F900}", "8", "-", "\u{E000}"]
        var random = SplitMix64(seed: 2029)
        var (announced, quiet) = (0, 0)
        for _ in 0..<20_000 {
            let written = (0..<Int(random.next() % 10)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }.joined()
            let read = String(String(LocalNumber.reading(of: written)).map { traditional[$0] ?? $0 })
            let full = LocalNumber.announcingWords.contains { read.contains($0) }
            let quick = Array(written.utf8).withUnsafeBufferPointer(LocalNumber.mayHoldWord)
            if full { announced += 1 } else if !quick { quiet += 1 }
            #expect(quick || !full, "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(announced > 200 && quiet > 5_000, "\(announced) windows with a word, \(quiet) without one answered quickly")
        #expect(!Array("办理时间为工作日上午，电子邮箱".utf8).withUnsafeBufferPointer(LocalNumber.mayHoldWord))
    }

    /// Every announcing word, simplified, traditional and in capitals, among other characters: the quick look says yes.
    @Test func theQuickLookFindsEveryAnnouncingWordInEveryForm() {
        let traditional: [Character: Character] = ["电": "電", "话": "話", "机": "機", "联": "聯", "系": "係", "络": "絡", "拨": "撥", "号": "號",
                                                   "码": "碼", "热": "熱", "线": "線", "传": "傳", "请": "請", "给": "給", "回": "迴"]
        for word in LocalNumber.announcingWords {
            for form in [word, String(word.map { traditional[$0] ?? $0 }), word.uppercased()] {
                let window = "办理时间为工作日，" + form + "："
                #expect(Array(window.utf8).withUnsafeBufferPointer(LocalNumber.mayHoldWord), "\(form)")
            }
        }
    }

    /// Anything else (a combining mark, a compatibility ideograph, an invisible character) is left to the full reading.
    @Test func otherScalarsAreLeftToTheFullReading() {
        for written in ["电\u{0301}话", "\u{F900}", "电\u{200B}话", "①", "㈠", "ﬁ", "\u{00AD}"] {
            #expect(LocalNumber.quickReading(of: written) == nil, "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
