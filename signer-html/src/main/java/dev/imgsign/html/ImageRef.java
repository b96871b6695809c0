package dev.imgsign.html;

import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.nodes.Element;

/**
 * One image URL found in the HTML, as handed to an {@link ImageSigner}: the absolute URL to sign and
 * what the surrounding markup says about the image (element, attribute, {@code srcset} descriptor,
 * {@code width}/{@code height} attributes, any other attribute).
 *
 * <p>Only valid during the {@link ImageSigner#sign} call that receives it; do not keep it.
 *
 * @since 0.1.0
 */
public final class ImageRef {
    private final String url;
    private final Element element;
    private final String attribute;
    private final String descriptor;

    ImageRef(String url, Element element, String attribute, String descriptor) {
        this.url = url;
        this.element = element;
        this.attribute = attribute;
        this.descriptor = descriptor;
    }

    /**
     * The absolute {@code http} or {@code https} URL to sign: the attribute's URL with leading and
     * trailing spaces and controls and inner tabs and newlines removed, the scheme lowercased,
     * backslashes before the query read as {@code /} (all as browsers do), and a protocol-relative URL
     * given the configured scheme. Never null.
     *
     * @return the normalised absolute URL
     */
    public String url() {
        return url;
    }

    /**
     * The element's lowercase tag name: {@code img}, {@code source}, {@code video}, {@code td}, ...
     *
     * @return the tag name in lowercase
     */
    public String element() {
        return element.normalName();
    }

    /**
     * The attribute the URL came from: {@code src}, {@code srcset}, {@code poster}, {@code style}, ...
     *
     * @return the attribute name in lowercase
     */
    public String attribute() {
        return attribute;
    }

    /**
     * The {@code srcset} candidate's descriptors as written ({@code 300w}, {@code 2x}), or {@code ""}
     * elsewhere and for a candidate without one.
     *
     * @return the descriptors, possibly empty
     */
    public String descriptor() {
        return descriptor;
    }

    /**
     * The width of a {@code srcset} candidate with a {@code Nw} descriptor, in CSS pixels.
     *
     * @return the width in pixels, or empty when the candidate has no valid {@code w} descriptor
     */
    public OptionalInt descriptorWidth() {
        int n = descriptor.length();
        if (n < 2 || (descriptor.charAt(n - 1) != 'w' && descriptor.charAt(n - 1) != 'W')) {
            return OptionalInt.empty();
        }
        long value = 0;
        for (int i = 0; i < n - 1; i++) {
            char c = descriptor.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of((int) value);
    }

    /**
     * The element's {@code width} attribute as a number of pixels (leading spaces skipped, digits up to
     * the first non-digit, so {@code "120px"} is 120); empty when absent, not a number, a percentage,
     * or too large.
     *
     * @return the width in pixels, or empty
     */
    public OptionalInt width() {
        return pixels(element.attr("width"));
    }

    /**
     * The element's {@code height} attribute, read as {@link #width()} reads {@code width}.
     *
     * @return the height in pixels, or empty
     */
    public OptionalInt height() {
        return pixels(element.attr("height"));
    }

    /**
     * Any attribute of the element ({@code alt}, {@code class}, {@code data-*}, ...), as decoded by the parser.
     *
     * @param name the attribute's name, in lowercase
     * @return the attribute's value, or empty when the element has no such attribute
     */
    public Optional<String> attribute(String name) {
        return element.hasAttr(name) ? Optional.of(element.attr(name)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ImageRef[" + element() + '@' + attribute + (descriptor.isEmpty() ? "" : ' ' + descriptor) + ' ' + url + ']';
    }

    /** HTML's rules for parsing non-negative integers, refusing a trailing {@code %}. */
    static OptionalInt pixels(String value) {
        int i = 0;
        int n = value.length();
        while (i < n && isHtmlSpace(value.charAt(i))) {
            i++;
        }
        if (i < n && value.charAt(i) == '+') {
            i++;
        }
        int digitsFrom = i;
        long result = 0;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            result = result * 10 + (value.charAt(i) - '0');
            if (result > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
            i++;
        }
        int end = i;
        if (end < n && value.charAt(end) == '.') {
            end++;
            while (end < n && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
                end++;
            }
        }
        if (i == digitsFrom || (end < n && value.charAt(end) == '%')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) result);
    }

    static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
