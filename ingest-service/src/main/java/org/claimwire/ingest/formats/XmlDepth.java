package org.claimwire.ingest.formats;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses XML nested deeper than {@value #MAX_DEPTH} elements before any tree is built: DOM, JDOM (feeds)
 * and the code that walks their trees recurse per level, and tens of thousands of levels overflow the stack.
 * One streaming pass (StAX, no DTDs, no entity expansion, no recursion). A document the pass cannot read is
 * left to the real parser, which reports its own error.
 */
public final class XmlDepth {
    /** No real news document comes close: NewsML-G2 with NITF or XHTML inside is a few dozen levels deep. */
    public static final int MAX_DEPTH = 256;
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlDepth() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Throws {@link RejectedInput} (400) when elements nest deeper than {@link #MAX_DEPTH}. */
    public static void check(byte[] xml) {
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            return;
        }
        try {
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > MAX_DEPTH) {
                        throw RejectedInput.malformed("XML refused: elements are nested more than " + MAX_DEPTH
                                + " levels deep (at line " + r.getLocation().getLineNumber() + ")");
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof RejectedInput rejected) {
                throw rejected;
            }
            // not readable as a stream: the real parser reports the fault in its own words
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }
}
