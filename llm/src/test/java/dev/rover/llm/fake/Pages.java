package dev.rover.llm.fake;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;

import java.util.List;

/** Page snapshots for engine tests, built without a browser. */
public final class Pages {

    private Pages() {
    }

    /** A sign-in form: email (e1), password (e2), remember-me (e3), sign-in button (e4). */
    public static PageSnapshot login() {
        return PageSnapshot.of("http://shop.test/login", "Sign in", List.of(
                Element.builder("e1", "input").attribute("type", "email").attribute("placeholder", "Email").name("Email").build(),
                Element.builder("e2", "input").attribute("type", "password").name("Password").build(),
                Element.builder("e3", "input").attribute("type", "checkbox").name("Remember me").build(),
                Element.builder("e4", "button").text("Sign in").build()),
                new PageContent("Sign in to Shop", List.of(new PageContent.Heading(1, "Sign in")), List.of(), List.of()));
    }

    /** An account page with a country select (s1) and an order table. */
    public static PageSnapshot account() {
        return PageSnapshot.of("http://shop.test/account", "Your account", List.of(
                Element.builder("s1", "select").name("Country").options(List.of(
                        new SelectOption("France", "fr", 0, true), new SelectOption("Japan", "jp", 1, false))).build(),
                Element.builder("b1", "a").attribute("href", "/logout").text("Log out").build()),
                new PageContent("Welcome back, Ada", List.of(new PageContent.Heading(1, "Welcome back, Ada")),
                        List.of(new PageContent.Table("Orders", List.of("Order", "Total"),
                                List.of(List.of("A-1", "$12.50"), List.of("A-2", "$3.00")))),
                        List.of(new PageContent.LabeledValue("Member since", "2021"))));
    }
}
