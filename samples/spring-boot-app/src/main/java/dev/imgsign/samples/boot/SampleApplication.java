package dev.imgsign.samples.boot;

import dev.imgsign.core.Verification;
import dev.imgsign.servlet.SignedUrlFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page whose images are signed in the template ({@code #imgsign.camo(url)}) and an image endpoint under
 * {@code /camo/*} that only signed requests reach: the configuration is application.properties alone.
 */
@SpringBootApplication
@Controller
public class SampleApplication {
    private static final byte[] PIXEL = {
            'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, '!', (byte) 0xf9, 4, 1, 0, 0, 0, 0, ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D', 1, 0, ';'};

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("images", List.of("http://images.example.net/cat.png", "http://images.example.net/dog.png"));
        return "home";
    }

    /** Stands for the proxy: a real one would fetch the verified URL; this one answers a pixel. */
    @GetMapping("/camo/**")
    ResponseEntity<byte[]> image(HttpServletRequest request) {
        Verification<?> verification = (Verification<?>) request.getAttribute(SignedUrlFilter.VERIFICATION_ATTRIBUTE);
        return ResponseEntity.ok()
                .header("X-Image-Source", String.valueOf(verification.acceptedRequest().orElseThrow()))
                .contentType(MediaType.IMAGE_GIF)
                .body(PIXEL);
    }
}
