package uk.inspection.records;

/**
 * A decision's answer as the JSON bytes it is sent as, written once ({@link Recording}):
 * the record keeps the same bytes as its response, and the answer is them with the
 * decision's id added. {@code R} is the response they are the JSON of, which the API's
 * description shows in its place. The array is not copied: it is written once and only
 * read after.
 */
public record AnswerJson<R>(byte[] json) {
}
