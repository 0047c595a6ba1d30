package org.claimwire.ingest.normalise.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces HTML/XHTML (feed items, ninjs {@code body_html}, XHTML bodies) to plain story text, one
 * paragraph per line, without page furniture: navigation, menus, headers/footers, asides, forms,
 * buttons, scripts, embeds, and elements whose class/id/role names them as share bars, related links,
 * newsletters, ads and the like; then {@link Furniture} drops short interface lines.
 */
public final class HtmlText {
    private static final String DROP_TAGS = "nav, menu, header, footer, aside, form, button, input, select, "
            + "textarea, label, script, style, noscript, template, iframe, object, embed, svg, canvas, video, "
            + "audio, picture, img, figure, dialog, [hidden], [aria-hidden=true]";
    private static final Set<String> DROP_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "menu", "menubar", "toolbar", "search", "dialog", "alert", "button", "tablist", "form");
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "(^|[-_\\s])(nav|navbar|navigation|menu|share|sharing|social|related|recommended|newsletter|promo|"
                    + "advert|advertisement|ad|ads|sponsor|sponsored|cookie|cookies|consent|subscribe|subscription|"
                    + "breadcrumb|breadcrumbs|comments?|footer|header|sidebar|widget|popup|modal|toolbar|byline-tools|"
                    + "paywall|signup|login|tags|more-stories|read-more|outbrain|taboola)([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "blockquote", "tr", "section", "article", "pre", "dd", "dt", "hr", "table", "ul", "ol", "main",
            "body.content", "hl1", "hl2", "block");

    private HtmlText() {
    }

    /** Plain text of an HTML fragment or document. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        return fromElement(doc.body());
    }

    /** Plain text of an XML-ish fragment (NITF, XHTML) parsed leniently with jsoup's XML parser. */
    public static String xmlToText(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        return fromElement(doc);
    }

    public static String fromElement(Element root) {
        root.select(DROP_TAGS).remove();
        for (Element e : root.getAllElements()) {
            if (e == root || e.parent() == null) {
                continue;
            }
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            if (DROP_ROLES.contains(role) || FURNITURE_NAME.matcher(e.className()).find()
                    || FURNITURE_NAME.matcher(e.id()).find()) {
                e.remove();
            }
        }
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String w = t.getWholeText();
                    for (int i = 0; i < w.length(); i++) {
                        char c = w.charAt(i);
                        sb.append(Character.isWhitespace(c) ? ' ' : c);
                    }
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
        String block = TextSanitiser.cleanBlock(collapseInline(sb));
        return Furniture.strip(block);
    }

    /** Whitespace inside a paragraph (source newlines, indentation) becomes single spaces. */
    private static String collapseInline(StringBuilder sb) {
        // newlines we inserted are the only paragraph breaks; source newlines inside text nodes were
        // already appended raw, so reduce runs of spaces/newlines that are not ours: HTML whitespace
        // rules say any run of whitespace in text is one space.
        StringBuilder out = new StringBuilder(sb.length());
        boolean space = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\n') {
                out.append('\n');
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }
}
