/**
 * Published and peer-computed test vectors for every imgsign scheme, as JSON resources, with a small reader
 * ({@link dev.imgsign.vectors.TestVectors}).
 */
module dev.imgsign.vectors {
    requires com.google.gson;

    exports dev.imgsign.vectors;
}
