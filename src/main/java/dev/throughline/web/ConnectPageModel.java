package dev.throughline.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every iframe page template needs: the URL of Connect's JavaScript API
 * ({@code allJsUrl}).
 */
@ControllerAdvice(annotations = Controller.class)
class ConnectPageModel {

    private final String allJsUrl;

    ConnectPageModel(@Value("${throughline.connect.all-js-url}") String allJsUrl) {
        this.allJsUrl = allJsUrl;
    }

    @ModelAttribute("allJsUrl")
    String allJsUrl() {
        return allJsUrl;
    }

}
