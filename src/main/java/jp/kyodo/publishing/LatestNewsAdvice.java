package jp.kyodo.publishing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The latest news for the top page, as the model attribute {@code latestNews}: the web module shows it without
 * depending on this one. Only the top page's request reads the news.
 */
@ControllerAdvice
class LatestNewsAdvice {

    static final int COUNT = 5;

    private final NewsDesk desk;

    LatestNewsAdvice(NewsDesk desk) {
        this.desk = desk;
    }

    @ModelAttribute("latestNews")
    List<NewsDesk.NewsItem> latestNews(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "/".equals(path) && "GET".equals(request.getMethod()) ? desk.latest(COUNT) : null;
    }
}
