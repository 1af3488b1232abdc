package jp.kyodo.web;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Two people saving the same record at the same instant: the version check in the database catches what the
 * form's version check could not, and the second person is told so instead of seeing an error.
 */
@ControllerAdvice
class ConflictHandling {

    private final LayoutModel layout;

    ConflictHandling(LayoutModel layout) {
        this.layout = layout;
    }

    /** The page, with what the layout needs (an exception handler's view gets no @ModelAttribute values by itself). */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    org.springframework.web.servlet.ModelAndView conflict(jakarta.servlet.http.HttpServletRequest request,
                                                          org.springframework.security.core.Authentication authentication) {
        org.springframework.web.servlet.ModelAndView view = new org.springframework.web.servlet.ModelAndView("error/409");
        view.addObject("city", layout.city());
        view.addObject("currentUserName", layout.currentUserName(authentication));
        view.addObject("langJa", LayoutModel.withLang(request, "ja"));
        view.addObject("langEn", LayoutModel.withLang(request, "en"));
        return view;
    }
}
