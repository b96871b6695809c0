package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Candidate splitting as the HTML standard's "parse a srcset attribute" defines it (steps worked by
 * hand from the standard's algorithm; each row says which step it exercises).
 */
class SrcsetTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // URL and descriptor separated by whitespace, candidates by a comma
                Arguments.of("a.png 1x, b.png 2x", List.of("a.png|1x", "b.png|2x")),
                // the comma after a descriptor needs no whitespace
                Arguments.of("a.png 1x,b.png 2x", List.of("a.png|1x", "b.png|2x")),
                // a URL is every non-whitespace character: commas inside it stay
                Arguments.of("a,b.png 1x, c.png", List.of("a,b.png|1x", "c.png|")),
                Arguments.of("data:image/png;base64,AAA= 1x, b.png 2x",
                        List.of("data:image/png;base64,AAA=|1x", "b.png|2x")),
                // trailing commas end a URL (and its candidate: no descriptors)
                Arguments.of("a.png, b.png", List.of("a.png|", "b.png|")),
                Arguments.of("a.png,,, b.png 2x", List.of("a.png|", "b.png|2x")),
                // without whitespace, "a.png,b.png" is a single URL
                Arguments.of("a.png,b.png", List.of("a.png,b.png|")),
                // leading whitespace and commas are skipped
                Arguments.of(" , ,a.png 100w", List.of("a.png|100w")),
                // parentheses keep commas and spaces inside one descriptor
                Arguments.of("a.png foo(1, 2) 1x, b.png", List.of("a.png|foo(1, 2) 1x", "b.png|")),
                // unclosed parenthesis runs to the end
                Arguments.of("a.png x(1, b.png 2x", List.of("a.png|x(1, b.png 2x")),
                // every ASCII whitespace separates
                Arguments.of("a.png\t2x,\nb.png\f3x\r", List.of("a.png|2x", "b.png|3x")),
                Arguments.of("a.png 1x 2x", List.of("a.png|1x 2x")),
                Arguments.of("", List.of()),
                Arguments.of(" ,, ", List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsCandidatesAsTheStandardDoes(String srcset, List<String> expected) {
        List<String> actual = new ArrayList<>();
        for (Srcset.Candidate c : Srcset.parse(srcset)) {
            actual.add(srcset.substring(c.urlStart, c.urlEnd) + '|' + c.descriptor);
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void candidatesEndWhereTheNextBegins(String srcset, List<String> expected) {
        int previousEnd = 0;
        for (Srcset.Candidate c : Srcset.parse(srcset)) {
            for (int i = previousEnd; i < c.urlStart; i++) {
                char ch = srcset.charAt(i);
                assertEquals(true, ImageRef.isHtmlSpace(ch) || ch == ',', "only separators between candidates");
            }
            previousEnd = c.end;
        }
    }
}
