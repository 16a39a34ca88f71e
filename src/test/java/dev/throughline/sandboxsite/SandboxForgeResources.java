package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.IgnoreJwt;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Forge platform's side of Custom UI for the sandbox: serves the resources the build
 * put in {@code forge-ui/dist} (one folder per manifest resource) and, as Forge does,
 * injects its bridge ({@code window.__bridge}, answered by the sandbox frame) into each
 * HTML page before the page's own scripts.
 */
@IgnoreJwt
@RequestMapping
class SandboxForgeResources {

    static final String PATH = "/sandbox/forge-resources/";

    private static final String BRIDGE = "<script src=\"/sandbox/forge-bridge.js\"></script>";

    private final Path dist = Path.of("forge-ui", "dist").toAbsolutePath().normalize();

    @GetMapping(PATH + "**")
    ResponseEntity<byte[]> resource(HttpServletRequest request) throws IOException {
        String relative = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        Path file = dist.resolve(relative).normalize();
        if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No Custom UI file " + relative + " (forge-ui/dist is made by the Maven build: npm run build)");
        }
        byte[] body = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".html")) {
            String html = new String(body, StandardCharsets.UTF_8).replaceFirst("<script", BRIDGE + "\n  <script");
            body = html.getBytes(StandardCharsets.UTF_8);
        }
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
            .orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (type.getType().equals("text") || type.getSubtype().equals("javascript")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type).body(body);
    }

}
