package dev.imgsign.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the vector files in this jar ({@code dev/imgsign/vectors/<scheme>.json}, schema in the module's
 * README). One file per scheme; each holds test groups whose shared inputs apply to their tests.
 *
 * @since 0.1.0
 */
public final class TestVectors {
    private final String scheme;
    private final String algorithm;
    private final List<Group> groups;

    private TestVectors(String scheme, JsonObject root) {
        this.scheme = scheme;
        this.algorithm = root.get("algorithm").getAsString();
        List<Group> list = new ArrayList<>();
        for (JsonElement group : root.getAsJsonArray("testGroups")) {
            list.add(new Group(group.getAsJsonObject()));
        }
        this.groups = Collections.unmodifiableList(list);
        int declared = root.get("numberOfTests").getAsInt();
        if (declared != all().size()) {
            throw new IllegalStateException(scheme + ".json declares " + declared + " tests but holds " + all().size());
        }
    }

    /**
     * The vectors of {@code scheme} ({@code camo}, {@code imageproxy}, {@code weekly}, {@code expiring}).
     *
     * @param scheme the vector file's name without {@code .json}
     * @return its vectors
     * @throws IllegalArgumentException if there is no such file
     */
    public static TestVectors load(String scheme) {
        String resource = "/dev/imgsign/vectors/" + scheme + ".json";
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new TestVectors(scheme, JsonParser.parseReader(reader).getAsJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the scheme these vectors are for} */
    public String scheme() {
        return scheme;
    }

    /** {@return the file's {@code algorithm} field} */
    public String algorithm() {
        return algorithm;
    }

    /** {@return every test group, in file order} */
    public List<Group> groups() {
        return groups;
    }

    /**
     * The groups of one {@code type}, e.g. {@code "CamoSign"}.
     *
     * @param type the group type
     * @return the groups of that type, in file order
     */
    public List<Group> groups(String type) {
        return groups.stream().filter(g -> g.type().equals(type)).toList();
    }

    /** {@return every test of every group} */
    public List<Vector> all() {
        return groups.stream().flatMap(g -> g.tests().stream()).toList();
    }

    /**
     * Every test of the groups of {@code type}.
     *
     * @param type the group type
     * @return their tests, in file order
     */
    public List<Vector> tests(String type) {
        return groups(type).stream().flatMap(g -> g.tests().stream()).toList();
    }

    /**
     * Every test matching {@code filter}.
     *
     * @param filter which tests to keep
     * @return the tests kept, in file order
     */
    public List<Vector> tests(Predicate<Vector> filter) {
        return all().stream().filter(filter).toList();
    }

    /** A test group: a type, shared inputs, and its tests. */
    public static final class Group {
        private final JsonObject json;
        private final List<Vector> tests;

        private Group(JsonObject json) {
            this.json = json;
            List<Vector> list = new ArrayList<>();
            for (JsonElement test : json.getAsJsonArray("tests")) {
                list.add(new Vector(this, test.getAsJsonObject()));
            }
            this.tests = Collections.unmodifiableList(list);
        }

        /** {@return the group's type, e.g. {@code "CamoSign"}} */
        public String type() {
            return json.get("type").getAsString();
        }

        /** {@return the group's tests} */
        public List<Vector> tests() {
            return tests;
        }

        /**
         * A shared input of the group, or empty.
         *
         * @param name the field's name
         * @return its value as text, or empty
         */
        public Optional<String> find(String name) {
            return text(json, name);
        }
    }

    /** One test case. Inputs not set on the test are looked up on its group. */
    public static final class Vector {
        private final Group group;
        private final JsonObject json;

        private Vector(Group group, JsonObject json) {
            this.group = group;
            this.json = json;
        }

        /** {@return the group this test belongs to} */
        public Group group() {
            return group;
        }

        /** {@return the test's id, unique in its file} */
        public int tcId() {
            return json.get("tcId").getAsInt();
        }

        /** {@return what the test is about, or the empty string} */
        public String comment() {
            return text(json, "comment").orElse("");
        }

        /** {@return where the expected value comes from (a publication or a peer run), or the empty string} */
        public String source() {
            return text(json, "source").or(() -> group.find("source")).orElse("");
        }

        /** {@return the test's flags, such as {@code Published}} */
        public List<String> flags() {
            return strings(json.getAsJsonArray("flags"));
        }

        /**
         * Whether the test carries {@code flag}.
         *
         * @param flag the flag, such as {@code Published}
         * @return whether it is among the test's flags
         */
        public boolean hasFlag(String flag) {
            return flags().contains(flag);
        }

        /** {@return {@code true} for {@code "result": "valid"}, {@code false} for {@code "invalid"}} */
        public boolean valid() {
            String result = json.get("result").getAsString();
            return switch (result) {
                case "valid" -> true;
                case "invalid" -> false;
                default -> throw new IllegalStateException("tcId " + tcId() + ": result " + result);
            };
        }

        /**
         * An input or expected value, from the test or else its group.
         *
         * @param name the field's name
         * @return its value as text, or empty
         */
        public Optional<String> find(String name) {
            return text(json, name).or(() -> group.find(name));
        }

        /**
         * An input or expected value that must be present.
         *
         * @param name the field's name
         * @return its value as text
         * @throws IllegalStateException if neither the test nor its group has it
         */
        public String get(String name) {
            return find(name).orElseThrow(
                    () -> new IllegalStateException("tcId " + tcId() + " has no field '" + name + "'"));
        }

        /**
         * A numeric input or expected value that must be present.
         *
         * @param name the field's name
         * @return its value
         * @throws IllegalStateException if neither the test nor its group has it
         */
        public long getLong(String name) {
            return Long.parseLong(get(name));
        }

        /**
         * A list-valued field (JSON array of strings), from the test or else its group.
         *
         * @param name the field's name
         * @return its strings, or an empty list
         */
        public List<String> list(String name) {
            JsonElement element = json.has(name) ? json.get(name) : group.json.get(name);
            return element == null || element.isJsonNull() ? List.of() : strings(element.getAsJsonArray());
        }

        @Override
        public String toString() {
            return "tcId " + tcId() + (comment().isEmpty() ? "" : " (" + comment() + ")");
        }
    }

    private static Optional<String> text(JsonObject json, String name) {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull() || !element.isJsonPrimitive()) {
            return Optional.empty();
        }
        return Optional.of(element.getAsString());
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        List<String> list = new ArrayList<>(array.size());
        array.forEach(e -> list.add(e.getAsString()));
        return Collections.unmodifiableList(list);
    }
}
