package dev.throughline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ThroughlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThroughlineApplication.class, args);
    }
}
