package org.claimwire.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsing that cannot be turned against us: DOCTYPE declarations are refused outright, which
 * shuts out external entities (XXE), entity expansion ("billion laughs") and external DTD loading;
 * secure processing limits stay on; XInclude is off; nesting deeper than {@link XmlDepth#MAX_DEPTH} is refused. The parser reads the encoding the document
 * declares (ISO-8859-1, windows-1252, UTF-16, ...), so bytes, not a decoded string, go in.
 */
public final class SecureXml {
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    /** Parses bytes; a refused or broken document is a {@link RejectedInput} (400) naming the fault. */
    public static Document parse(byte[] xml) {
        XmlDepth.check(xml);
        DocumentBuilder b = BUILDER.get();
        try {
            b.reset();
            return b.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw RejectedInput.malformed(describe(e) + " at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber());
        } catch (SAXException e) {
            throw RejectedInput.malformed(describe(e));
        } catch (IOException e) {
            throw RejectedInput.malformed("malformed XML: " + e.getMessage());
        } finally {
            // a DocumentBuilder is reusable after reset(); the error handler survives reset()
        }
    }

    static String describe(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.contains("doctype")) {
            return "XML refused: DOCTYPE declarations are not accepted (they enable external entities (XXE) "
                    + "and entity expansion ('billion laughs'))";
        }
        if (m.contains("entity") && (m.contains("limit") || m.contains("expansion"))) {
            return "XML refused: entity expansion limit exceeded";
        }
        return "malformed XML: " + m;
    }

    /** Serialises a node (for handing an inline XML fragment to the HTML reducer). */
    public static String serialise(Node node) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw RejectedInput.malformed("cannot read inline XML: " + e.getMessage());
        }
    }
}
