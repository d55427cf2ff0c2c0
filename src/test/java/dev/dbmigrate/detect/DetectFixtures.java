package dev.dbmigrate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Access to the fixture projects under src/test/resources/projects/detect. */
final class DetectFixtures {

    private DetectFixtures() {}

    static Path fixture(String name) {
        URL url = DetectFixtures.class.getResource("/projects/detect/" + name);
        assertThat(url).as("fixture " + name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DetectResult scan(String name) {
        return new ProjectScanner().scan(fixture(name));
    }

    /** The one detection of a fixture (fails when there are zero or several). */
    static Detection only(DetectResult r) {
        assertThat(r.detections()).as("detections of %s", r.projectPath()).hasSize(1);
        return r.detections().get(0);
    }

    static String rel(DetectResult r, Path p) {
        String s = r.projectPath().relativize(p).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    static List<String> roots(DetectResult r) {
        return r.detections().stream().map(d -> rel(r, d.root())).toList();
    }
}
