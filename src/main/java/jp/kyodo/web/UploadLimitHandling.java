package jp.kyodo.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request larger than the container accepts (far above every form's own limit, which is told next to the field):
 * the sender gets a page saying so, in Japanese, instead of an error.
 */
@ControllerAdvice
class UploadLimitHandling {

    private final DataSize maxFileSize;

    UploadLimitHandling(@Value("${spring.servlet.multipart.max-file-size:50MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("limitMb", maxFileSize.toMegabytes());
        return "error/413";
    }
}
