/// Moderation finds what must not be published in a text: classified and
/// sensitive terms, service taboo phrases and callers' personal data.
/// It knows nothing of websites.
public enum Moderation {}
