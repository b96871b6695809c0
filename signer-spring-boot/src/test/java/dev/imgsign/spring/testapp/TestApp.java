package dev.imgsign.spring.testapp;

import dev.imgsign.core.Verification;
import dev.imgsign.servlet.SignedUrlFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The application a user would write: a page, an image endpoint behind the filter, other pages. */
@SpringBootApplication
@Controller
public class TestApp {
    /** Image URL the page shows, signed in the template. */
    public static final String IMAGE = "http://images.example.net/cat.png?size=large";

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @GetMapping("/page")
    String page(Model model) {
        model.addAttribute("imageUrl", IMAGE);
        return "page";
    }

    /** Stands for the image proxy: reached only through the filter, which put the verification here. */
    @GetMapping({"/camo/**", "/media/**", "/imageproxy/**"})
    @ResponseBody
    String image(HttpServletRequest request) {
        Object verification = request.getAttribute(SignedUrlFilter.VERIFICATION_ATTRIBUTE);
        return "image for " + ((Verification<?>) verification).acceptedRequest().orElseThrow();
    }

    /** Not filtered: any method, any query. */
    @RequestMapping({"/hello", "/camouflage"})
    @ResponseBody
    String hello() {
        return "hello";
    }
}
