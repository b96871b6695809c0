/**
 * Internal: byte-exact models of the Go and Node library code the real proxies run. Not an API; only the
 * imgsign scheme modules may read it.
 */
module dev.imgsign.peer {
    exports dev.imgsign.peer.go to dev.imgsign.camo, dev.imgsign.imageproxy, dev.imgsign.imgproxy;
    exports dev.imgsign.peer.node to dev.imgsign.camo;
}
