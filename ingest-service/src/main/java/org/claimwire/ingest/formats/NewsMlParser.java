package org.claimwire.ingest.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.HtmlText;
import org.claimwire.ingest.normalise.text.TextSanitiser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads an IPTC NewsML-G2 {@code newsItem} (or a {@code newsMessage} holding exactly one) into a
 * {@link StoryDraft}. Text comes from {@code contentSet/inlineXML} (NITF {@code body.content} or
 * XHTML) or {@code contentSet/inlineData}. An item with a headline and no text (an empty or absent body) is
 * a flash. A kill is {@code pubStatus stat:canceled} (or a withdrawing {@code signal}); other signals
 * ({@code sig:update}, {@code sig:correction}) are new versions like any other. Items that are not text
 * stories are refused with the reason: pictures, video, audio and graphics ({@code itemClass}), and
 * concept, planning, package and knowledge items.
 */
public final class NewsMlParser {
    private static final Map<String, String> NOT_STORIES = Map.of(
            "conceptItem", "a NewsML-G2 conceptItem describes a concept (person, organisation, topic), not a story",
            "planningItem", "a NewsML-G2 planningItem announces coverage that is planned; it carries no story text",
            "packageItem", "a NewsML-G2 packageItem only references other items; post the newsItems it packages",
            "knowledgeItem", "a NewsML-G2 knowledgeItem is a set of concepts, not a story",
            "catalog", "a NewsML-G2 catalog is not a story");

    private NewsMlParser() {
    }

    public static StoryDraft parse(byte[] xml) {
        Document doc = SecureXml.parse(xml);
        org.w3c.dom.Element root = doc.getDocumentElement();
        String rootName = local(root);
        org.w3c.dom.Element item;
        if ("newsItem".equals(rootName)) {
            item = root;
        } else if ("newsMessage".equals(rootName)) {
            List<org.w3c.dom.Element> items = descendants(root, "newsItem");
            if (items.isEmpty()) {
                List<String> others = new ArrayList<>();
                for (String k : NOT_STORIES.keySet()) {
                    if (!descendants(root, k).isEmpty()) {
                        others.add(k);
                    }
                }
                throw RejectedInput.notAStory("the newsMessage holds no newsItem"
                        + (others.isEmpty() ? "" : " (only " + String.join(", ", others) + ")"));
            }
            if (items.size() > 1) {
                throw RejectedInput.notAStory("the newsMessage holds " + items.size()
                        + " newsItems; post them one per request (or use the file drop)");
            }
            item = items.get(0);
        } else if (NOT_STORIES.containsKey(rootName)) {
            throw RejectedInput.notAStory(NOT_STORIES.get(rootName));
        } else {
            throw RejectedInput.notAStory("root element <" + rootName + "> is not a NewsML-G2 newsItem");
        }
        return readItem(item);
    }

    private static StoryDraft readItem(org.w3c.dom.Element item) {
        org.w3c.dom.Element itemMeta = child(item, "itemMeta");
        org.w3c.dom.Element contentMeta = child(item, "contentMeta");
        String itemClass = itemMeta == null ? null : attr(child(itemMeta, "itemClass"), "qcode");
        if (itemClass != null) {
            String cls = itemClass.substring(itemClass.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (!cls.equals("text") && !cls.equals("composite")) {
                throw RejectedInput.notAStory("the newsItem is a " + cls + " item (itemClass " + itemClass
                        + "); only text items are stories");
            }
        }
        String guid = item.getAttribute("guid");
        Instant versionCreated = itemMeta == null ? null : instant(text(child(itemMeta, "versionCreated")), "versionCreated");
        Instant firstCreated = itemMeta == null ? null : instant(text(child(itemMeta, "firstCreated")), "firstCreated");
        PubStatus pubStatus = null;
        String ps = itemMeta == null ? null : attr(child(itemMeta, "pubStatus"), "qcode");
        if (ps != null) {
            try {
                pubStatus = PubStatus.fromWire(ps.substring(ps.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                throw RejectedInput.malformed("pubStatus: " + e.getMessage());
            }
        }
        if (itemMeta != null) {
            for (org.w3c.dom.Element sig : children(itemMeta, "signal")) {
                if (Signals.kills(attr(sig, "qcode")) || Signals.kills(attr(sig, "literal"))) {
                    pubStatus = PubStatus.CANCELED;
                }
            }
        }
        List<Story.InfoSource> sources = new ArrayList<>();
        org.w3c.dom.Element provider = itemMeta == null ? null : child(itemMeta, "provider");
        if (provider != null) {
            String name = text(child(provider, "name"));
            String qcode = attr(provider, "qcode");
            sources.add(new Story.InfoSource(name != null ? name : qcode, "provider", attr(provider, "uri")));
        }
        String headline = null;
        String byline = null;
        String located = null;
        String language = null;
        List<Story.Subject> subjects = new ArrayList<>();
        if (contentMeta != null) {
            headline = text(child(contentMeta, "headline"));
            byline = text(child(contentMeta, "by"));
            org.w3c.dom.Element loc = child(contentMeta, "located");
            located = loc == null ? null : firstNonNull(text(child(loc, "name")), attr(loc, "qcode"));
            language = attr(child(contentMeta, "language"), "tag");
            for (org.w3c.dom.Element s : children(contentMeta, "subject")) {
                String name = text(child(s, "name"));
                String qcode = attr(s, "qcode");
                if (name != null || qcode != null) {
                    subjects.add(new Story.Subject(name, attr(s, "uri"), qcode));
                }
            }
            for (org.w3c.dom.Element inf : children(contentMeta, "infoSource")) {
                String name = firstNonNull(text(child(inf, "name")), attr(inf, "qcode"));
                if (name != null) {
                    String role = attr(inf, "role");
                    sources.add(new Story.InfoSource(name, role == null ? "source" : role, attr(inf, "uri")));
                }
            }
        }
        if (language == null) {
            language = firstNonNull(item.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"), null);
        }
        String[] body = body(item);
        if (headline == null) {
            headline = body[1];
        }
        return new StoryDraft(guid.isBlank() ? null : guid, versionCreated, firstCreated, pubStatus,
                blankToNull(language), headline, byline, body[0], located, subjects, sources, null, true);
    }

    /** [body text, headline from the content (NITF hedline) or null]. */
    private static String[] body(org.w3c.dom.Element item) {
        org.w3c.dom.Element contentSet = child(item, "contentSet");
        if (contentSet == null) {
            return new String[] {null, null};
        }
        org.w3c.dom.Element chosen = null;
        for (org.w3c.dom.Element c : childElements(contentSet)) {
            String name = local(c);
            if (name.equals("inlineXML") || name.equals("inlineData")) {
                String ct = c.getAttribute("contenttype").toLowerCase(Locale.ROOT);
                if (ct.startsWith("image/") || ct.startsWith("video/") || ct.startsWith("audio/")) {
                    continue;
                }
                if (chosen == null || (name.equals("inlineXML") && !local(chosen).equals("inlineXML"))) {
                    chosen = c;
                }
            }
        }
        if (chosen == null) {
            return new String[] {null, null};
        }
        String ct = chosen.getAttribute("contenttype").toLowerCase(Locale.ROOT);
        if (local(chosen).equals("inlineData")) {
            String data = chosen.getTextContent();
            if (ct.contains("html") || ct.contains("xml")) {
                return new String[] {HtmlText.toText(data), null};
            }
            return new String[] {Furniture.strip(TextSanitiser.cleanBlock(data)), null};
        }
        StringBuilder xml = new StringBuilder();
        NodeList kids = chosen.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.ELEMENT_NODE) {
                xml.append(SecureXml.serialise(k));
            } else if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) {
                xml.append(org.jsoup.nodes.Entities.escape(k.getNodeValue()));
            }
        }
        org.jsoup.nodes.Document d = Jsoup.parse(xml.toString(), "", Parser.xmlParser());
        String hed = null;
        Element hl1 = first(d, "hl1");
        if (hl1 != null) {
            hed = TextSanitiser.cleanLine(hl1.text());
        }
        Element content = first(d, "body.content");
        if (content == null) {
            content = first(d, "body");
        }
        if (content == null) {
            content = d;
        }
        return new String[] {HtmlText.fromElement(content), hed};
    }

    private static Element first(org.jsoup.nodes.Document d, String tag) {
        for (Element e : d.getAllElements()) {
            String n = e.tagName();
            int colon = n.indexOf(':');
            if ((colon >= 0 ? n.substring(colon + 1) : n).equalsIgnoreCase(tag)) {
                return e;
            }
        }
        return null;
    }

    private static Instant instant(String s, String field) {
        return Dates.parse(s, field);
    }

    static String local(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }

    private static List<org.w3c.dom.Element> childElements(org.w3c.dom.Element e) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof org.w3c.dom.Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element e, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        for (org.w3c.dom.Element c : childElements(e)) {
            if (local(c).equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static org.w3c.dom.Element child(org.w3c.dom.Element e, String name) {
        if (e == null) {
            return null;
        }
        for (org.w3c.dom.Element c : childElements(e)) {
            if (local(c).equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<org.w3c.dom.Element> descendants(org.w3c.dom.Element e, String name) {
        NodeList nl = e.getElementsByTagNameNS("*", name);
        List<org.w3c.dom.Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((org.w3c.dom.Element) nl.item(i));
        }
        return out;
    }

    private static String text(org.w3c.dom.Element e) {
        return e == null ? null : blankToNull(e.getTextContent());
    }

    private static String attr(org.w3c.dom.Element e, String name) {
        return e == null ? null : blankToNull(e.getAttribute(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
