package io.longnam.render;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/** Field data from JSON or XML documents, both mapped to the same {@code Map<String, Object>}. */
public final class DataInputs {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML_INPUT = safeXmlInputFactory();
    private static final XmlMapper XML = new XmlMapper(new XmlFactory(XML_INPUT));

    private DataInputs() {
    }

    public static Map<String, Object> json(byte[] bytes) {
        try {
            Map<String, Object> map = JSON.readValue(bytes, MAP);
            if (map == null) {
                throw new RenderInputException(RenderInputException.Code.MALFORMED_JSON, "JSON data must be an object");
            }
            return map;
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_JSON,
                    "JSON data is not a valid object" + at(e), e);
        }
    }

    /**
     * XML data: the root element's children become fields. DTDs are refused outright, which rules out
     * external entities (XXE) and entity expansion (billion laughs) before anything is resolved.
     */
    public static Map<String, Object> xml(byte[] bytes) {
        XMLStreamReader reader = null;
        try {
            reader = XML_INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamConstants.DTD) {
                    throw new RenderInputException(RenderInputException.Code.XML_DTD_FORBIDDEN,
                            "XML data must not contain a DOCTYPE (DTDs and entities are not accepted)");
                }
                reader.next();
            }
            Map<String, Object> map = XML.readValue(reader, MAP);
            return map == null ? Map.of() : map;
        } catch (XMLStreamException | IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_XML, "XML data is not well-formed"
                    + at(e), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release for an in-memory stream
                }
            }
        }
    }

    private static XMLInputFactory safeXmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    /** Where parsing stopped, the one part of a parser's message that is the client's business. */
    private static String at(Exception e) {
        int line = -1;
        int column = -1;
        if (e instanceof JacksonException je && je.getLocation() != null) {
            line = je.getLocation().getLineNr();
            column = je.getLocation().getColumnNr();
        } else if (e instanceof XMLStreamException xe && xe.getLocation() != null) {
            line = xe.getLocation().getLineNumber();
            column = xe.getLocation().getColumnNumber();
        }
        return line < 0 ? "" : " (line " + line + ", column " + column + ")";
    }
}
