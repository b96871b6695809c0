package dev.imgsign.expiring.weekly;

import dev.imgsign.core.internal.Unreserved;
import java.util.Objects;

/**
 * A weekly-key bucket link (Gazelle / imageproxy-py): what {@link WeeklyLinkSigner} signs and what
 * {@link WeeklyLinkVerifier} returns.
 *
 * @param bucket the cache bucket ({@code i}, {@code f}, {@code t} in Gazelle): non-empty, URL-unreserved
 *     characters only, never {@code .} or {@code ..}
 * @param imageUrl the image URL
 * @param height the requested height in pixels, 0 for none
 * @param width the requested width in pixels, 0 for none
 * @param proxy whether the link is proxy-only ({@code /proxy}: served, not stored; sizes are ignored)
 * @since 0.1.0
 */
public record WeeklyLink(String bucket, String imageUrl, int height, int width, boolean proxy) {

    /**
     * Checks the bucket and the sizes; the image URL is judged by the signer.
     *
     * @param bucket the cache bucket: non-empty, URL-unreserved characters only, never {@code .} or {@code ..}
     * @param imageUrl the image URL
     * @param height the requested height in pixels, 0 for none
     * @param width the requested width in pixels, 0 for none
     * @param proxy whether the link is proxy-only
     * @throws IllegalArgumentException if the bucket is empty or unsafe, or a size is negative
     */
    public WeeklyLink {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(imageUrl, "imageUrl");
        String problem = bucketProblem(bucket);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative, got " + height);
        }
        if (width < 0) {
            throw new IllegalArgumentException("width must not be negative, got " + width);
        }
    }

    /**
     * The full-size image, to be stored by the server.
     *
     * @param bucket the cache bucket
     * @param imageUrl the image URL
     * @return a link without sizes that is not proxy-only
     * @throws IllegalArgumentException if the bucket is empty or unsafe
     */
    public static WeeklyLink full(String bucket, String imageUrl) {
        return new WeeklyLink(bucket, imageUrl, 0, 0, false);
    }

    /**
     * A resized image; 0 leaves a side free.
     *
     * @param bucket the cache bucket
     * @param imageUrl the image URL
     * @param height the height in pixels, 0 for none
     * @param width the width in pixels, 0 for none
     * @return a stored, resized link
     * @throws IllegalArgumentException if the bucket is empty or unsafe, or a size is negative
     */
    public static WeeklyLink resized(String bucket, String imageUrl, int height, int width) {
        return new WeeklyLink(bucket, imageUrl, height, width, false);
    }

    /**
     * A proxy-only link (never stored by the server, never resized).
     *
     * @param bucket the cache bucket
     * @param imageUrl the image URL
     * @return a proxy-only link without sizes
     * @throws IllegalArgumentException if the bucket is empty or unsafe
     */
    public static WeeklyLink proxied(String bucket, String imageUrl) {
        return new WeeklyLink(bucket, imageUrl, 0, 0, true);
    }

    /**
     * Gazelle's size segment: {@code full} for proxy links or no size, else {@code {h}x{w}} with empty 0 sides.
     *
     * @return the path segment naming the size, for example {@code 150x} or {@code full}
     */
    public String sizeSegment() {
        if (proxy || (height == 0 && width == 0)) {
            return "full";
        }
        return (height == 0 ? "" : Integer.toString(height)) + "x" + (width == 0 ? "" : Integer.toString(width));
    }

    /** Why {@code bucket} cannot be used, or {@code null} if it can. */
    static String bucketProblem(String bucket) {
        if (bucket.isEmpty()) {
            return "bucket is empty";
        }
        if (bucket.indexOf('/') >= 0) {
            return "bucket must not contain '/'";
        }
        if (bucket.equals(".") || bucket.equals("..")) {
            return "bucket must not be a dot segment";
        }
        if (bucket.length() > 64) {
            return "bucket is longer than 64 characters";
        }
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            if (!Unreserved.is(c)) {
                return "bucket may contain only letters, digits, '-', '.', '_' and '~'";
            }
        }
        return null;
    }
}
