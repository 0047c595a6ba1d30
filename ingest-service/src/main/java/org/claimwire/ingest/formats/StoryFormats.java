package org.claimwire.ingest.formats;

import java.util.Locale;

/** Picks the parser for a media type (HTTP push) or a file name (file drop). */
public final class StoryFormats {
    public static final String NINJS = "application/json";
    public static final String NEWSML = "application/vnd.iptc.g2.newsitem+xml";
    public static final String TEXT = "text/plain";

    private StoryFormats() {
    }

    /** Parses one document of the given media type (parameters such as charset are honoured for text). */
    public static StoryDraft parse(String mediaType, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw RejectedInput.malformed("no body: the request body is empty");
        }
        String mt = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).trim();
        String base = mt.contains(";") ? mt.substring(0, mt.indexOf(';')).trim() : mt;
        switch (base) {
            case "application/json", "application/ninjs+json", "application/vnd.iptc.ninjs+json" -> {
                return NinjsParser.parse(Utf8Text.decodeUtf8(bytes));
            }
            case NEWSML, "application/vnd.iptc.g2.newsmessage+xml", "application/xml", "text/xml" -> {
                return NewsMlParser.parse(bytes);
            }
            case TEXT -> {
                return PlainTextParser.parse(decodeText(mt, bytes));
            }
            default -> throw new RejectedInput(RejectedInput.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "media type '" + (base.isEmpty() ? "(none)" : base) + "' is not accepted; send " + NINJS
                            + " (ninjs), " + NEWSML + " (NewsML-G2) or " + TEXT);
        }
    }

    /** By file extension: .json (ninjs), .xml (NewsML-G2), .txt. */
    public static StoryDraft parseFile(String name, byte[] bytes) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return parse(NINJS, bytes);
        }
        if (n.endsWith(".xml")) {
            return parse(NEWSML, bytes);
        }
        if (n.endsWith(".txt")) {
            return parse(TEXT, bytes);
        }
        throw new RejectedInput(RejectedInput.Kind.UNSUPPORTED_MEDIA_TYPE, "file '" + name
                + "' is neither .json (ninjs) nor .xml (NewsML-G2)");
    }

    private static String decodeText(String mediaType, byte[] bytes) {
        int cs = mediaType.indexOf("charset=");
        if (cs >= 0) {
            String name = mediaType.substring(cs + 8).replace("\"", "").split("[;\\s]")[0];
            if (!name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8")) {
                try {
                    return new String(bytes, java.nio.charset.Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    throw RejectedInput.malformed("unknown charset '" + name + "'");
                }
            }
        }
        return Utf8Text.decodeUtf8(bytes);
    }
}
