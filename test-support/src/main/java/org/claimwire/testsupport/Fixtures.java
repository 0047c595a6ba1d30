package org.claimwire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared test fixtures on the classpath under {@code /fixtures/}. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The canonical seed story, exactly as in ../shared/fixtures/seed/story.txt (gold offsets index into it). */
    public static String seedStory() {
        return read("/fixtures/seed/story.txt");
    }

    /** The gold entities and claims for {@link #seedStory()} as JSON text. */
    public static String seedGold() {
        return read("/fixtures/seed/gold.json");
    }

    public static String read(String classpathResource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + classpathResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
