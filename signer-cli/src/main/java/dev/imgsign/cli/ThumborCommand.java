package dev.imgsign.cli;

import dev.imgsign.core.UrlSigner;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign thumbor sign|verify}: thumbor signed URLs, options named as thumbor's own thumbor-url names them. */
@Command(name = "thumbor", mixinStandardHelpOptions = true,
        description = "thumbor signed URLs. The key (UTF-8 text, as thumbor's SECURITY_KEY) may also come from "
                + "THUMBOR_SECURITY_KEY.",
        footer = "Key options may also come first: imgsign thumbor -k KEY sign IMAGE_URL",
        subcommands = {ThumborCommand.Sign.class, ThumborCommand.Verify.class})
final class ThumborCommand extends SchemeCommand {
    ThumborCommand() {
        super("THUMBOR_SECURITY_KEY");
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Print a signed thumbor URL for each image URL, with the options given (the same for all).",
                "Image URLs are given as thumbor should fetch them; characters a path cannot carry are escaped."})
    static final class Sign extends SchemeSubcommand {
        @Option(names = "--base", paramLabel = "BASE", description = "thumbor base URL, e.g. https://thumbor.example.org")
        String base;

        @Option(names = {"-w", "--width"}, paramLabel = "PX", description = "target width (0: proportional)")
        int width;

        @Option(names = {"-e", "--height"}, paramLabel = "PX", description = "target height (0: proportional)")
        int height;

        @Option(names = "--flip-horizontally", description = "mirror left to right (-WIDTH)")
        boolean flipHorizontally;

        @Option(names = "--flip-vertically", description = "mirror top to bottom (-HEIGHT)")
        boolean flipVertically;

        @Option(names = "--fit-in", paramLabel = "MODE", arity = "0..1", fallbackValue = "fit-in",
                description = "fit-in mode: fit-in, adaptive-fit-in, full-fit-in or adaptive-full-fit-in")
        String fitIn;

        @Option(names = {"-c", "--crop"}, paramLabel = "LxT:RxB", description = "manual crop, e.g. 10x10:200x200")
        String crop;

        @Option(names = "--halign", paramLabel = "ALIGN", description = "left, center or right")
        String halign;

        @Option(names = "--valign", paramLabel = "ALIGN", description = "top, middle or bottom")
        String valign;

        @Option(names = {"-s", "--smart"}, description = "smart (focal point) cropping")
        boolean smart;

        @Option(names = "--meta", description = "JSON metadata instead of the image")
        boolean meta;

        @Option(names = "--trim", paramLabel = "SPEC", arity = "0..1", fallbackValue = "",
                description = "trim; SPEC is [top-left|bottom-right][:TOLERANCE], e.g. bottom-right:10")
        String trim;

        @Option(names = {"-f", "--filters"}, paramLabel = "FILTERS", description = "filter chain, e.g. quality(80):fill(blue)")
        String filters;

        @Parameters(paramLabel = "IMAGE_URL", arity = "0..*", description = "image URLs; none: stdin, one per line")
        List<String> images;

        @Override
        public Integer call() {
            UrlSigner<ThumborRequest> signer = config("thumbor").option("prefix", "--base", base).signer();
            ThumborOptions options = options();
            return signEach(images, image -> signer.sign(ThumborRequest.of(options, image)));
        }

        private ThumborOptions options() {
            ThumborOptions.Builder b = ThumborOptions.builder().size(width, height).flipHorizontally(flipHorizontally)
                    .flipVertically(flipVertically).smart(smart).meta(meta);
            if (fitIn != null) {
                b.fitIn(Arrays.stream(ThumborOptions.FitIn.values()).filter(f -> f != ThumborOptions.FitIn.NONE
                        && f.token().equals(fitIn)).findFirst().orElseThrow(() -> new Imgsign.UsageException(
                                "--fit-in takes fit-in, adaptive-fit-in, full-fit-in or adaptive-full-fit-in, not '" + fitIn + "'")));
            }
            if (crop != null) {
                String[] p = crop.split("[x:]", -1);
                try {
                    b.crop(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
                } catch (RuntimeException e) {
                    throw new Imgsign.UsageException("--crop takes LEFTxTOP:RIGHTxBOTTOM, e.g. 10x10:200x200, not '" + crop + "'");
                }
            }
            if (halign != null) {
                b.horizontalAlign(parse(ThumborOptions.HorizontalAlign.class, "--halign", halign));
            }
            if (valign != null) {
                b.verticalAlign(parse(ThumborOptions.VerticalAlign.class, "--valign", valign));
            }
            if (trim != null) {
                ThumborOptions.TrimPosition position = null;
                int tolerance = -1;
                for (String part : trim.isEmpty() ? new String[0] : trim.split(":", -1)) {
                    if (part.equals("top-left") || part.equals("bottom-right")) {
                        position = parse(ThumborOptions.TrimPosition.class, "--trim", part.replace('-', '_'));
                    } else {
                        try {
                            tolerance = Integer.parseInt(part);
                        } catch (NumberFormatException e) {
                            throw new Imgsign.UsageException("--trim takes [top-left|bottom-right][:TOLERANCE], not '" + trim + "'");
                        }
                    }
                }
                b.trim(position, tolerance);
            }
            if (filters != null) {
                b.filters(filters);
            }
            return b.build();
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Imgsign.UsageException(option + ": unknown value '" + value + "'");
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify thumbor URLs as the thumbor server would (exit 1 if any is rejected).")
    static final class Verify extends SchemeSubcommand {
        @Option(names = "--allow-unsafe", description = "accept /unsafe/ URLs (thumbor's ALLOW_UNSAFE_URL; off here by default)")
        boolean allowUnsafe;

        @Option(names = "--allowed-sources", paramLabel = "HOSTS", split = ",",
                description = "accept only these image hosts (thumbor's ALLOWED_SOURCES, plain host names)")
        List<String> allowedSources;

        @Parameters(paramLabel = "URL", arity = "0..*", description = "thumbor URLs or paths; none: stdin")
        List<String> requests;

        @Override
        public Integer call() {
            return verifyEach(requests, config("thumbor").option("allowUnsafe", "--allow-unsafe", allowUnsafe)
                    .option("allowedSources", "--allowed-sources", allowedSources).<ThumborRequest>verifier(),
                    r -> r.imageUrl() + (r.unsafe() ? " (unsafe)" : "") + " options=" + r.options());
        }
    }
}
