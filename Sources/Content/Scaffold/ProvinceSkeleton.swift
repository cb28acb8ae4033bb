import Foundation

/// The content folder of a new province, as `portal12320 init DIR` writes it:
/// portal.yml with comments, the lexicon files, people.yml, an empty review
/// ledger and one sample answer. It builds as it is (the sample answer waits
/// for review, as every answer does).
package enum ProvinceSkeleton {
    /// Every file, by path below the content folder.
    package static let files: [(path: String, text: String)] = [
        ("portal.yml", """
            # The province: the only source of the uniform logo and slogan (article 34),
            # the one business taxonomy (article 19) and the cities (article 33).
            name: 示例省
            code: sl
            hotline: "12320"
            email: service@example.org
            hub_domain: www.sl12320.cn
            # Each city's site: {abbr} is replaced by the city's abbreviation.
            domain_pattern: www.sl{abbr}12320.cn
            logo: logo.svg
            slogan: 12320，您身边的健康守护热线
            # all: every public answer needs a reviewer's approval (article 37).
            review: all

            categories:
              - key: appointments
                name: 预约挂号
              - key: vaccination
                name: 预防接种

            # Every page's footer: ICP filing, public-security filing, website
            # identification code, sponsor, organiser, privacy statement. These are
            # SAMPLE numbers (zeros): replace them with each site's own filings.
            # A city's own values (in its entry) come first, then these.
            site_defaults:
              privacy: legal/privacy.md
              sponsor: 示例省卫生健康委员会
            hub:
              icp: 示ICP备00000000号-1
              # police_record: { number: 示公网安备 00000000000000号, link: "https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000" }
              # site_code: "0000000000"

            # status: opened (has a site) or planned.
            cities:
              - { name: 示例市, abbr: a, status: opened, phone: "12320", address: 示例市卫生健康委员会12320服务中心, icp: 示ICP备00000000号-2 }

            """),
        ("logo.svg", """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="12320">
              <title>12320卫生热线</title>
              <circle cx="32" cy="32" r="30" fill="#0b6e4f"/>
              <path d="M27 14h10v13h13v10H37v13H27V37H14V27h13z" fill="#ffffff"/>
            </svg>

            """),
        ("lexicon/classified.txt", """
            # Classified content (article 37): never published, never approvable.
            # One term a line, optional <TAB>label.
            内部资料\t密级标识
            内部文件\t密级标识
            秘密级\t密级标识
            机密级\t密级标识
            绝密级\t密级标识

            """),
        ("lexicon/sensitive.txt", "# Sensitive terms: an answer holding one needs a reviewer's decision. One term a line, optional <TAB>label.\n"),
        ("lexicon/taboo.txt", "# Taboo wording (shirking, rudeness): reviewed like sensitive terms. One term a line, optional <TAB>label.\n"),
        ("lexicon/allow.txt", "# Phrases inside which nothing is reported, e.g. the hotline number.\n12320\n"),
        ("lexicon/contacts.yml", """
            # Published contacts of organisations, allowed in answers of their scope:
            # - name: 示例市人民医院
            #   scope: a
            #   phones: ["0000-1234567"]
            []

            """),
        ("people.yml", """
            # Who may write and decide: add each person's entry as `portal12320 key new` prints it.
            []

            """),
        ("legal/privacy.md", """
            本网站不设注册和登录，不使用 Cookie 跟踪访问者，站内搜索在您的浏览器中完成。

            网站服务器依法留存访问日志（时间、网址、IP 地址），只用于排查故障和防范攻击。

            公开的答复都经过审核，不会出现来电人的个人信息。对本声明有疑问，请拨打12320。

            """),
        ("reviews.jsonl", ""),
        ("answers/province/how-to-ask.md", """
            ---
            id: how-to-ask
            title: 怎样咨询12320卫生热线？
            category: appointments
            updated: 2024-01-01
            ---
            拨打12320，按语音提示选择服务。

            """),
    ]

    /// Writes the skeleton into `directory` (created), refusing a folder that is not empty.
    package static func write(into directory: String) throws(ContentIssue) {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard existing.isEmpty else {
            throw ContentIssue(file: directory, line: nil, message: "The folder is not empty.",
                               fix: "Choose a new folder: init never writes over existing content.")
        }
        for (path, text) in files {
            let file = "\(directory)/\(path)"
            do {
                try FileManager.default.createDirectory(atPath: PathText.parent(of: file), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
            } catch {
                throw ContentIssue(file: file, line: nil, message: "The file cannot be written (\(error.localizedDescription)).",
                                   fix: "Check that the folder can be written.")
            }
        }
    }
}
