import Content
import Foundation
import Testing

/// The size an image declares, read from its first bytes, for `<img width height>` and to refuse files that are not what their name says.
struct ImageSizeTests {
    func fixture(_ name: String) throws -> [UInt8] {
        let path = try #require(Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures/media"))
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func readsPNGJPEGAndExtendedWebP() throws {
        #expect(ImageSize(try fixture("wide.png"), ending: "png") == ImageSize(width: 2400, height: 1000))
        #expect(ImageSize(try fixture("photo.jpg"), ending: "jpg") == ImageSize(width: 300, height: 200))
        #expect(ImageSize(try fixture("photo.jpg"), ending: "jpeg") == ImageSize(width: 300, height: 200))
        #expect(ImageSize(try fixture("tiny.webp"), ending: "webp") == ImageSize(width: 40, height: 30))
    }

    @Test func readsSimpleWebPHeaders() {
        let riff = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        // Lossy: frame tag, then 0x9D 0x01 0x2A and 14-bit width and height.
        let lossy = riff + Array("VP8 ".utf8) + [0, 0, 0, 0] + [0, 0, 0] + [0x9D, 0x01, 0x2A] + [0x20, 0x03, 0x58, 0x02]
        #expect(ImageSize(lossy, ending: "webp") == ImageSize(width: 800, height: 600))
        // Lossless: 0x2F, then width-1 and height-1 in 14 bits each.
        let bits = UInt32(799) | UInt32(599) << 14
        let lossless = riff + Array("VP8L".utf8) + [0, 0, 0, 0] + [0x2F] + withUnsafeBytes(of: bits.littleEndian, Array.init) + [0]
        #expect(ImageSize(lossless, ending: "webp") == ImageSize(width: 800, height: 600))
    }

    @Test func refusesBytesThatAreNotTheNamedFormat() throws {
        #expect(ImageSize(try fixture("wide.png"), ending: "jpg") == nil)
        #expect(ImageSize(try fixture("photo.jpg"), ending: "png") == nil)
        #expect(ImageSize(Array("<svg onload=alert(1)>".utf8), ending: "png") == nil)
        #expect(ImageSize(Array(try fixture("wide.png").prefix(20)), ending: "png") == nil)
        #expect(ImageSize([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0, 0, 0, 0, 0, 0, 0], ending: "jpg") == nil)
        #expect(ImageSize([], ending: "webp") == nil)
    }

    /// A TEM marker has no length: read as one, it made the parser jump into an APP1 segment holding a fake frame header (red team).
    @Test func standaloneJPEGMarkersAreSteppedOver() throws {
        let photo = try fixture("photo.jpg")
        let fakeFrame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let app1: [UInt8] = [0xFF, 0xE1, 0x00, UInt8(2 + fakeFrame.count)] + fakeFrame
        let crafted = [0xFF, 0xD8, 0xFF, 0x01] + app1 + photo.dropFirst(2)
        #expect(ImageSize(crafted, ending: "jpg") == ImageSize(width: 300, height: 200))
    }
}
