package dev.throughline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
public class ThroughlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThroughlineApplication.class, args);
    }

    /**
     * One clock for every "now" the app writes (scores' updatedAt, ...), so tests can fix
     * it.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
