package uk.inspection.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code test --junit FILE}: the fixture run as JUnit XML (the Ant format Jenkins,
 * GitLab, GitHub Actions' reporters and Surefire's readers accept): one testsuite, one
 * testcase per fixture named by its path under the fixtures folder, a failure listing
 * what differed.
 */
final class JUnitReport {

    private record Case(String folder, String name, Duration took, List<String> differences) {
    }

    private final Instant started = Instant.now();

    private final List<Case> cases = new ArrayList<>();

    void add(String fixture, Duration took, List<String> differences) {
        int slash = fixture.lastIndexOf('/');
        String folder = slash < 0 ? "fixtures" : "fixtures." + fixture.substring(0, slash).replace('/', '.');
        cases.add(new Case(folder, fixture, took, List.copyOf(differences)));
    }

    void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "fixtures");
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures",
                    Long.toString(cases.stream().filter(c -> !c.differences().isEmpty()).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(cases.stream().map(Case::took).reduce(Duration.ZERO, Duration::plus)));
            xml.writeAttribute("timestamp", started.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
            xml.writeAttribute("hostname", hostname());
            for (Case c : cases) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", c.name());
                xml.writeAttribute("classname", c.folder());
                xml.writeAttribute("time", seconds(c.took()));
                if (!c.differences().isEmpty()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", c.differences().get(0));
                    xml.writeAttribute("type", "decision differs from the fixture's expected");
                    xml.writeCharacters(String.join("\n", c.differences()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException e) {
            return "localhost";
        }
    }

}
