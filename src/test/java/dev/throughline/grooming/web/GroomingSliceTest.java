package dev.throughline.grooming.web;

import dev.throughline.grooming.service.GroomingService;
import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The grooming controller alone (@WebMvcTest) with its service mocked: what controller
 * tests share.
 */
@WebMvcTest(controllers = GroomingController.class)
@AutoConfigureMockMvc(addFilters = false)
abstract class GroomingSliceTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    GroomingService grooming;

    @AfterEach
    void clearAuth() {
        SliceAuth.clear();
    }

}
