package dev.rover.browser.action;

/** A page problem that ends an action with a reason a person understands; turned into a failed ActionResult. */
final class ActionFailure extends RuntimeException {

    ActionFailure(String reason) {
        super(reason, null, false, false);
    }
}
