/// Everything the content folder holds, loaded and validated.
package struct ProvinceContent: Sendable {
    package let directory: String
    package let province: Province
    /// Every answer, private ones included, sorted by scope then id.
    package let answers: [Answer]
    /// The transcripts of the media files answers present, by file name.
    package let transcripts: [Transcript]
    /// Published contacts answers may show (`lexicon/contacts.yml`).
    package let contacts: ContactDirectory
    /// The privacy statements the sites link, by their path in `portal.yml`.
    package let privacyStatements: [String: PrivacyStatement]
    /// `search/synonyms.txt`: words residents use for the same thing.
    package let synonyms: [SynonymGroup]
    /// Problems in the answers of cities a `--city` load left out: theirs to
    /// fix, so they stop nothing here, but the operator is told.
    package let otherCitiesIssues: [ContentIssue]

    package init(directory: String, province: Province, answers: [Answer], transcripts: [Transcript], contacts: ContactDirectory,
                 privacyStatements: [String: PrivacyStatement] = [:], synonyms: [SynonymGroup] = [], otherCitiesIssues: [ContentIssue] = []) {
        self.otherCitiesIssues = otherCitiesIssues
        self.directory = directory
        self.province = province
        self.answers = answers
        self.transcripts = transcripts
        self.contacts = contacts
        self.privacyStatements = privacyStatements
        self.synonyms = synonyms
    }
}
