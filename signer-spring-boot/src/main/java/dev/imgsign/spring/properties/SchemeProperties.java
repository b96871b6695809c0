package dev.imgsign.spring.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * What every scheme's {@code imgsign.<scheme>.*} properties share: where the keys come from and the
 * servlet filter. A scheme gets beans only when one of {@code key-env}, {@code key-file} or {@code key}
 * is set; key text is read by {@link dev.imgsign.core.KeyReader}'s rule and never logged.
 */
public abstract class SchemeProperties {
    /**
     * Environment variable holding the primary key (recommended). Exactly one of key-env, key-file and key.
     */
    private String keyEnv;

    /**
     * File holding the primary key; one trailing line break is ignored (unless key-file-keeps-newline).
     * Exactly one of key-env, key-file and key.
     */
    private String keyFile;

    /**
     * The primary key itself. Prefer key-env or key-file: configuration files end up in version control.
     */
    private String key;

    /**
     * How the key text is written: utf8 (its bytes as they are, the default), hex or base64. Applies to
     * every key of the scheme.
     */
    private String keyEncoding = "utf8";

    /**
     * Whether a key file's trailing line break is part of the key (utf8 keys only). Default: true for
     * imageproxy, whose server reads a key file whole, false for the other schemes.
     */
    private Boolean keyFileKeepsNewline;

    /**
     * Environment variables holding older keys the verifier still accepts during a key rotation, newest first.
     */
    private List<String> olderKeyEnv = new ArrayList<>();

    /**
     * Files holding older keys the verifier still accepts during a key rotation, newest first; checked
     * after older-key-env.
     */
    private List<String> olderKeyFile = new ArrayList<>();

    /**
     * Older keys themselves, accepted by the verifier during a key rotation; checked after older-key-file.
     */
    private List<String> olderKey = new ArrayList<>();

    /**
     * Longest request target, in characters, the verifier accepts.
     */
    private Integer maxLength;

    private final Filter filter = new Filter();

    /** For subclasses. */
    protected SchemeProperties() {
    }

    /** {@return the scheme's name, as in {@code imgsign.<name>.*}} */
    public abstract String scheme();

    /** {@return whether the filter strips the mapped path's prefix before verifying, unless set explicitly} */
    protected abstract boolean stripPrefixByDefault();

    /** {@return the environment variable holding the primary key, or null} */
    public String getKeyEnv() {
        return keyEnv;
    }

    /**
     * Sets the environment variable holding the primary key.
     *
     * @param keyEnv the environment variable holding the primary key
     */
    public void setKeyEnv(String keyEnv) {
        this.keyEnv = keyEnv;
    }

    /** {@return the file holding the primary key, or null} */
    public String getKeyFile() {
        return keyFile;
    }

    /**
     * Sets the file holding the primary key.
     *
     * @param keyFile the file holding the primary key
     */
    public void setKeyFile(String keyFile) {
        this.keyFile = keyFile;
    }

    /** {@return the primary key text, or null} */
    public String getKey() {
        return key;
    }

    /**
     * Sets the primary key text.
     *
     * @param key the primary key text
     */
    public void setKey(String key) {
        this.key = key;
    }

    /** {@return the key encoding's name} */
    public String getKeyEncoding() {
        return keyEncoding;
    }

    /**
     * Sets the key encoding's name: utf8, hex or base64.
     *
     * @param keyEncoding the key encoding's name: utf8, hex or base64
     */
    public void setKeyEncoding(String keyEncoding) {
        this.keyEncoding = keyEncoding;
    }

    /** {@return whether a key file's trailing line break is kept, or null for the scheme's default} */
    public Boolean getKeyFileKeepsNewline() {
        return keyFileKeepsNewline;
    }

    /**
     * Sets whether a key file's trailing line break is kept.
     *
     * @param keyFileKeepsNewline whether a key file's trailing line break is kept
     */
    public void setKeyFileKeepsNewline(Boolean keyFileKeepsNewline) {
        this.keyFileKeepsNewline = keyFileKeepsNewline;
    }

    /** {@return whether a key file's trailing line break is kept: the explicit setting, else the scheme's default} */
    public boolean keyFileKeepsNewline() {
        return keyFileKeepsNewline != null ? keyFileKeepsNewline : keyFileKeepsNewlineByDefault();
    }

    /** {@return whether the scheme's server keeps a key file's trailing line break; false unless overridden} */
    protected boolean keyFileKeepsNewlineByDefault() {
        return false;
    }

    /** {@return environment variables of older keys} */
    public List<String> getOlderKeyEnv() {
        return olderKeyEnv;
    }

    /**
     * Sets the environment variables of older keys.
     *
     * @param olderKeyEnv the environment variables of older keys
     */
    public void setOlderKeyEnv(List<String> olderKeyEnv) {
        this.olderKeyEnv = olderKeyEnv;
    }

    /** {@return files of older keys} */
    public List<String> getOlderKeyFile() {
        return olderKeyFile;
    }

    /**
     * Sets the files of older keys.
     *
     * @param olderKeyFile the files of older keys
     */
    public void setOlderKeyFile(List<String> olderKeyFile) {
        this.olderKeyFile = olderKeyFile;
    }

    /** {@return older key texts} */
    public List<String> getOlderKey() {
        return olderKey;
    }

    /**
     * Sets the older key texts.
     *
     * @param olderKey the older key texts
     */
    public void setOlderKey(List<String> olderKey) {
        this.olderKey = olderKey;
    }

    /** {@return the longest accepted request target, or null} */
    public Integer getMaxLength() {
        return maxLength;
    }

    /**
     * Sets the longest accepted request target.
     *
     * @param maxLength the longest accepted request target
     */
    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
    }

    /** {@return the servlet filter settings} */
    public Filter getFilter() {
        return filter;
    }

    /** {@return whether the filter strips the mapped prefix: the explicit setting, else the scheme's default} */
    public boolean stripPrefix() {
        return filter.stripPrefix != null ? filter.stripPrefix : stripPrefixByDefault();
    }

    @Override
    public String toString() {
        // Names where keys come from, never a key.
        return getClass().getSimpleName() + "[keyEnv=" + keyEnv + ", keyFile=" + keyFile
                + ", key=" + (key == null ? "unset" : "(hidden)") + "]";
    }

    /** The servlet filter that verifies requests on one path before the application sees them. */
    public static class Filter {
        /**
         * Whether to register the SignedUrlFilter, verifying every request on filter.path with this scheme.
         */
        private boolean enabled;

        /**
         * Servlet URL pattern the filter is mapped to, such as /camo/* (required when enabled). Requests
         * elsewhere are not filtered.
         */
        private String path;

        /**
         * Whether the pattern's prefix (/camo for /camo/*) is removed from the path before verifying. Default:
         * true for camo, imageproxy and weekly (whose URLs carry no path of the application), false for
         * expiring and aurelia (whose signature covers the whole path).
         */
        private Boolean stripPrefix;

        /**
         * Order of the filter among the application's servlet filters.
         */
        private int order;

        /** Filter settings with no value set. */
        public Filter() {
        }

        /** {@return whether the filter is registered} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the filter is registered.
         *
         * @param enabled whether the filter is registered
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the URL pattern, or null} */
        public String getPath() {
            return path;
        }

        /**
         * Sets the URL pattern.
         *
         * @param path the URL pattern
         */
        public void setPath(String path) {
            this.path = path;
        }

        /** {@return whether the prefix is stripped, or null for the scheme's default} */
        public Boolean getStripPrefix() {
            return stripPrefix;
        }

        /**
         * Sets whether the prefix is stripped.
         *
         * @param stripPrefix whether the prefix is stripped
         */
        public void setStripPrefix(Boolean stripPrefix) {
            this.stripPrefix = stripPrefix;
        }

        /** {@return the filter's order} */
        public int getOrder() {
            return order;
        }

        /**
         * Sets the filter's order.
         *
         * @param order the filter's order
         */
        public void setOrder(int order) {
            this.order = order;
        }
    }
}
