package jp.kyodo.volunteering;

import java.time.Instant;
import java.util.Optional;

/**
 * A kind of public post that anyone can report and staff can hide (opportunities, business offers, group needs): each
 * kind is a bean, so moderation works the same for all of them.
 */
interface ModeratedPosts {

    /** The kind's name in report URLs and the moderation queue, e.g. {@code opportunity}. */
    String type();

    /** The post's title and its public path, if it exists (hidden or not). */
    Optional<Post> post(long id);

    /** Hides the post from every public page, list, search and match (the owner still sees it, marked hidden). */
    void hide(long id, String reason, Instant at);

    /** Shows the post again. */
    void unhide(long id);

    /** What the moderation queue shows of a post; {@code published} is false for a draft nobody else may see. */
    record Post(long id, String title, String path, boolean hidden, boolean published) {
    }
}
